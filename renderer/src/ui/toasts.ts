import { create } from 'zustand'

export interface Toast {
  id: number
  text: string
  tone: 'info' | 'error'
}

export const useToasts = create<{ toasts: Toast[] }>(() => ({ toasts: [] }))
let next = 1

export function toast(text: string, tone: Toast['tone'] = 'info'): void {
  const id = next++
  useToasts.setState((s) => ({ toasts: [...s.toasts.slice(-3), { id, text, tone }] }))
  setTimeout(() => dismissToast(id), tone === 'error' ? 8000 : 4000)
}

export function dismissToast(id: number): void {
  useToasts.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }))
}
