/** A mistake in how the command was called or in its input: reported as one line, exit code 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
