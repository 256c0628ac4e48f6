import { describe, expect, it } from 'vitest'
import { csvField, round, toCsv } from '@shared/retro/csv.ts'

/** A small RFC 4180 reader, to prove what we write reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') endField()
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField()
      rows.push(row)
      row = []
      i++
    } else field += ch
  }
  return rows
}

describe('CSV', () => {
  it('quotes only fields with commas, quotes or line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\ronly')).toBe('"cr\ronly"')
    expect(csvField(null)).toBe('')
    expect(csvField(undefined)).toBe('')
    expect(csvField(-1.5)).toBe('-1.5')
    expect(csvField(Number.NaN)).toBe('')
    expect(csvField(true)).toBe('true')
  })

  it('defuses spreadsheet formulas in text but leaves numbers alone', () => {
    expect(csvField('=1+2')).toBe("'=1+2")
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('-2+3,4')).toBe('"\'-2+3,4"')
    expect(csvField(-2)).toBe('-2')
  })

  it('writes a header and CRLF-terminated records that read back exactly', () => {
    const rows = [['a,b', 'x"y', 'multi\r\nline', ''], ['', 'ünïcode ✓', 'tab\tinside', 'end']]
    const csv = toCsv(['One', 'Two', 'Three', 'Four'], rows)
    expect(csv.startsWith('One,Two,Three,Four\r\n')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(parseCsv(csv)).toEqual([['One', 'Two', 'Three', 'Four'], ...rows])
  })

  it('rounds', () => {
    expect(round(5 / 16, 3)).toBe(0.313)
    expect(round(2.675, 1)).toBe(2.7)
  })
})
