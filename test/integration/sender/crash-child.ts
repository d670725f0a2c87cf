// Sends one run of a journal against the sandbox, with the failpoint named in
// ORDERBATCH_FAILPOINT (the process SIGKILLs itself there). Run with `node --import tsx`.
// Arguments: <journal path> <run id> <api base url> <rate> <concurrency>. The API key comes in
// ORDERBATCH_TEST_SECRET, never on the command line.
import { ApiClient } from '../../../electron/main/api/api-client'
import { Journal } from '../../../electron/main/journal'
import { failpointFromEnv, failpointHooks, sendRun } from '../../../electron/main/sender/send-run'

async function main(): Promise<void> {
  const [path, runId, baseUrl, rate, concurrency] = process.argv.slice(2)
  const failpoint = failpointFromEnv(process.env)
  const client = new ApiClient({
    baseUrl: baseUrl!,
    login: 'demo',
    secret: process.env['ORDERBATCH_TEST_SECRET'] ?? '',
    connectTimeoutMs: 2000,
    headersTimeoutMs: 2000,
    bodyTimeoutMs: 2000,
    hooks: failpointHooks(failpoint)
  })
  const journal = Journal.open(path!)
  const handle = sendRun(Number(runId), { journal, client, ...(failpoint === undefined ? {} : { failpoint }) }, {
    rate: Number(rate),
    concurrency: Number(concurrency),
    settleMs: 50
  })
  const result = await handle.done
  journal.close()
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
