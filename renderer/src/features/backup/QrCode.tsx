import { useMemo } from 'react'
import { encode } from 'uqr'

/** A QR code drawn as one SVG path (no image URL, nothing for the CSP to allow). */
export function QrCode({ text, label }: { text: string; label: string }) {
  const path = useMemo(() => {
    try {
      const { data, size } = encode(text, { ecc: 'L', border: 2 })
      let d = ''
      for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (data[y]?.[x]) d += `M${x} ${y}h1v1h-1z`
      return { d, size }
    } catch {
      return null
    }
  }, [text])
  if (!path) return <p className="muted small">This link is too long for a QR code: copy the link instead.</p>
  return (
    <svg className="qr" role="img" aria-label={label} viewBox={`0 0 ${path.size} ${path.size}`} width={Math.min(320, path.size * 4)} height={Math.min(320, path.size * 4)} shapeRendering="crispEdges">
      <rect width={path.size} height={path.size} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  )
}
