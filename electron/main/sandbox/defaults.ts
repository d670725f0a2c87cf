// The built-in sandbox's defaults, for every front-end: the CLI's `sandbox` command and --sandbox,
// and the app's built-in Sandbox connection.
export const SANDBOX_DEFAULT_PORT = 8765
export const SANDBOX_DEFAULT_ACCOUNT = 'demo'
/** Public and documented: the sandbox guards nothing, so its default key is no secret. */
export const SANDBOX_DEFAULT_SECRET = 'sandbox-secret'
/** The sandbox has no rate limit of its own, so a rehearsal may go faster than a real shop. */
export const SANDBOX_DEFAULT_SEND = { rate: 20, concurrency: 4 } as const
