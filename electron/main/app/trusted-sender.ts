// Which pages may call main over IPC: only the app's own renderer, loaded from its index.html on
// disk (or the dev server while developing), in its top frame. Pure, so it is tested without
// Electron.
import { pathToFileURL } from 'node:url'

export interface TrustedPages {
  /** Absolute path of the built renderer's index.html. */
  indexPath: string
  /** The electron-vite dev server (ELECTRON_RENDERER_URL), only when not packaged. */
  devUrl?: string | undefined
}

export function isTrustedUrl(url: string | undefined, pages: TrustedPages): boolean {
  if (!url) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'file:') return parsed.pathname === pathToFileURL(pages.indexPath).pathname && parsed.host === ''
  if (!pages.devUrl) return false
  try {
    const dev = new URL(pages.devUrl)
    return (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin
  } catch {
    return false
  }
}

/** The parts of an IPC event the check reads (Electron's IpcMainInvokeEvent has them). */
export interface SenderInfo {
  senderFrame: { url: string; parent: unknown } | null
}

export function trustedSenderCheck(pages: TrustedPages): (event: SenderInfo) => boolean {
  return (event) => {
    const frame = event.senderFrame
    // A sub-frame (an iframe some day) never speaks for the app.
    return frame !== null && frame.parent === null && isTrustedUrl(frame.url, pages)
  }
}
