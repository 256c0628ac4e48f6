import type { SiteStorage } from './platform.ts'

/** Set once the browser has been asked to persist this site's data, so that it is asked only once. */
const ASKED_KEY = 'tandem.storagePersistAsked'

/**
 * Web mode: a browser may clear a site's data when the disk runs low unless it agreed to persist
 * it (Chromium decides by itself, Firefox asks the user). Asked once per device, at start-up.
 */
export const siteStorage: SiteStorage = {
  askToPersist: async () => {
    try {
      const storage = navigator.storage
      if (!storage?.persist || (await storage.persisted())) return
      if (localStorage.getItem(ASKED_KEY)) return
      localStorage.setItem(ASKED_KEY, new Date().toISOString())
      await storage.persist()
    } catch {
      // private mode or storage disabled: nothing to ask for
    }
  },
  report: async () => {
    try {
      const storage = navigator.storage
      if (!storage?.estimate) return null
      const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? false])
      return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted }
    } catch {
      return null
    }
  }
}
