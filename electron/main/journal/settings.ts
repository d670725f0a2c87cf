// Run settings are checked field by field before they touch the disk: an unexpected field is
// refused rather than stored, so an API key passed by mistake can never end up in the journal.
import { z } from 'zod'
import { JournalError } from './errors'
import type { RunSettings } from './types'

const RunSettingsSchema = z
  .object({
    rate: z.number().positive().finite(),
    concurrency: z.number().int().min(1),
    apiBase: z.string().min(1),
    login: z.string()
  })
  .strict()

/** Checks settings and returns a clean copy holding only the known fields. */
export function checkRunSettings(path: string, value: unknown): RunSettings {
  const parsed = RunSettingsSchema.safeParse(value)
  if (!parsed.success) {
    // Only field names go into the message, never values: a value might be a secret.
    const fields = parsed.error.issues.map((issue) => describeIssue(issue)).join('; ')
    throw new JournalError(
      'invalid-input',
      path,
      `Run settings for the journal ${path} were not saved: ${fields}. ` +
        'Only rate, concurrency, apiBase and login are kept (the API key is never stored).'
    )
  }
  if (hasCredentials(parsed.data.apiBase)) {
    throw new JournalError(
      'invalid-input',
      path,
      `Run settings for the journal ${path} were not saved: the API address contains a user name or password. ` +
        'Give the address without them (for example https://shop.example.com).'
    )
  }
  return parsed.data
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unexpected field ${issue.keys.map((k) => `'${k}'`).join(', ')}`
  const field = issue.path.map(String).join('.') || 'settings'
  return `'${field}' is not valid`
}

function hasCredentials(address: string): boolean {
  try {
    const url = new URL(address)
    return url.username !== '' || url.password !== ''
  } catch {
    return false
  }
}
