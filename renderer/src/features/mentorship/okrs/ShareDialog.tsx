import { Dialog } from '@ui/ui.tsx'
import { copyText, downloadText } from '@ui/files.ts'
import { fileSlug } from '../files.ts'

/** "Share for my 1:1": the summary to copy or save. Nothing is sent anywhere. */
export function ShareDialog(props: { share: { markdown: string; fileName: string } | null; onClose: () => void }) {
  const markdown = props.share?.markdown ?? ''
  return (
    <Dialog title="Share for my 1:1" open={!!props.share} onClose={props.onClose} wide>
      <p>
        A summary of this OKR for the 1:1 with your manager, in Markdown. <strong>Nothing is sent anywhere</strong>: copy it into
        your 1:1 document, or save it as a file.
      </p>
      <textarea className="mono share-text" readOnly rows={14} value={markdown} aria-label="Summary for your 1:1" onFocus={(e) => e.target.select()} />
      <div className="row end">
        <button type="button" className="button" onClick={() => downloadText(`${fileSlug(props.share?.fileName ?? 'okr')}.md`, markdown)}>
          Save as Markdown
        </button>
        <button type="button" className="button primary" onClick={() => void copyText(markdown, 'Summary')}>
          Copy
        </button>
      </div>
    </Dialog>
  )
}
