import type { StackRow } from '@shared/retro/reportChart.ts'

/** The numbers of a stacked chart as a table: a row per bar, a column per reason, and the total. */
export function ReportTable(props: { caption: string; rows: StackRow[]; reasonOrder: string[]; labels: Map<string, string> }) {
  const count = (row: StackRow, id: string) => (Object.hasOwn(row.counts, id) ? row.counts[id]! : 0)
  return (
    <table className="rt-table rt-report-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">&nbsp;</th>
          {props.reasonOrder.map((id) => (
            <th key={id} scope="col">
              {props.labels.get(id) ?? id}
            </th>
          ))}
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {props.reasonOrder.map((id) => (
              <td key={id}>{count(row, id)}</td>
            ))}
            <td>{props.reasonOrder.reduce((n, id) => n + count(row, id), 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
