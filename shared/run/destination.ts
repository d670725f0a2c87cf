// Where a run's orders go: one shop account at one API address, or the built-in sandbox. An order
// counts as created (and a bill number as taken) only within its own destination, so trying a
// sheet in the sandbox never hides it from a real shop, and two shops sharing a journal never
// mix. The text is stored with each run: its format must not change.

/** The built-in sandbox: one destination (its shop file sits beside the journal). */
export const SANDBOX_DESTINATION = 'sandbox'

/** A run whose destination could not be read when the journal was upgraded (its stored settings
 * had no login or address). It never equals a real destination; the checks treat it with
 * care: its created orders still count as created everywhere (skipping is safe, sending twice
 * is not), and its bill numbers are taken nowhere (a lookup never takes them as proof). */
export const UNKNOWN_DESTINATION = 'unknown'

/** An account's destination: its login and its API address (scheme and host in lower case,
 * one trailing slash), e.g. "shop myshop https://myshop.influencersoft.com/api/". */
export function shopDestination(login: string, apiBase: string): string {
  const base = apiBase.trim().replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*)/, (prefix) => prefix.toLowerCase()).replace(/\/*$/, '/')
  return `shop ${login.trim().toLowerCase()} ${base}`
}

export function destinationOf(target: { sandbox: boolean; login: string; apiBase: string }): string {
  return target.sandbox ? SANDBOX_DESTINATION : shopDestination(target.login, target.apiBase)
}

/** For messages: "the built-in sandbox" or "myshop at https://…". */
export function describeDestination(destination: string): string {
  if (destination === SANDBOX_DESTINATION) return 'the built-in sandbox'
  if (destination === UNKNOWN_DESTINATION) return 'an unknown shop'
  const [, login, base] = destination.split(' ')
  return login !== undefined && base !== undefined ? `the account "${login}" at ${base}` : destination
}
