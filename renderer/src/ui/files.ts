import { toast } from './toasts.ts'

/** Saves text as a file the user keeps, through the browser's download (nothing is sent anywhere). */
export function downloadText(fileName: string, text: string, type = 'text/markdown'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Copies to the clipboard and says so, or says how to do it by hand. */
export async function copyText(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
    toast(`${what} copied`)
  } catch {
    toast(`Could not copy; select the ${what.toLowerCase()} and copy it yourself.`, 'error')
  }
}
