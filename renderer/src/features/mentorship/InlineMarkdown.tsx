import type { ReactNode } from 'react'
import type { PhrasingContent, RootContent } from 'mdast'
import { parseMarkdown } from '@shared/mentorship/markdownTree.ts'
import { linkTickets } from '@shared/tickets/tickets.ts'
import { hostOf, safeHttpUrl } from '@shared/links/safeUrl.ts'
import { platform } from '@core/platform/index.ts'

/**
 * A link to the org's tracker (or any http(s) address), opened in the browser; its title names
 * the host it really goes to. Anything but a web address stays plain text.
 */
export function ExternalLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  const safe = safeHttpUrl(href)
  if (!safe) return <span className={className}>{children}</span>
  return (
    <a
      href={safe}
      title={`Opens ${hostOf(safe)} in your browser`}
      className={className}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(e) => {
        e.preventDefault()
        platform.openExternal(safe)
      }}
    >
      {children}
    </a>
  )
}

/** Plain text with ticket keys (ENG-8504) as links to the tracker. */
export function LinkedText({ text, trackerBaseUrl }: { text: string; trackerBaseUrl: string | null }) {
  return (
    <>
      {linkTickets(text, trackerBaseUrl).map((seg, i) =>
        seg.kind === 'ticket' && seg.url ? (
          <ExternalLink key={i} href={seg.url} className="ticket-link">
            {seg.key}
          </ExternalLink>
        ) : (
          <span key={i}>{seg.kind === 'ticket' ? seg.key : seg.text}</span>
        )
      )}
    </>
  )
}

function phrasing(nodes: readonly PhrasingContent[], base: string | null): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return <LinkedText key={i} text={node.value} trackerBaseUrl={base} />
      case 'strong':
        return <strong key={i}>{phrasing(node.children, base)}</strong>
      case 'emphasis':
        return <em key={i}>{phrasing(node.children, base)}</em>
      case 'delete':
        return <del key={i}>{phrasing(node.children, base)}</del>
      case 'inlineCode':
        return <code key={i}>{node.value}</code>
      case 'break':
        return <br key={i} />
      case 'link':
        return safeHttpUrl(node.url) ? (
          <ExternalLink key={i} href={node.url}>
            {phrasing(node.children, base)}
          </ExternalLink>
        ) : (
          <span key={i}>{phrasing(node.children, base)}</span>
        )
      default:
        return 'value' in node ? <span key={i}>{String(node.value)}</span> : 'children' in node ? <span key={i}>{phrasing(node.children as PhrasingContent[], base)}</span> : null
    }
  })
}

function block(node: RootContent, i: number, source: string, base: string | null): ReactNode {
  if (node.type === 'paragraph' || node.type === 'heading') return <span key={i} className="md-line">{phrasing(node.children, base)}</span>
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const text = start !== undefined && end !== undefined ? source.slice(start, end) : ''
  return <span key={i} className="md-line"><LinkedText text={text} trackerBaseUrl={base} /></span>
}

/** One list item's Markdown (as the journal stores it) shown inline, ticket keys linked. */
export function InlineMarkdown({ text, trackerBaseUrl }: { text: string; trackerBaseUrl: string | null }) {
  const root = parseMarkdown(text)
  return <>{root.children.map((node, i) => block(node, i, text, trackerBaseUrl))}</>
}
