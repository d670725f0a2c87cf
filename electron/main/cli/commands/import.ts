// orderbatch import <file>: validate, then send (or, with --dry-run, only show the signed requests).
import { resolve } from 'node:path'
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { prepareOrFail } from '../prepare-or-fail'
import { READ_OPTION_SPECS, toPrepareOptions } from '../read-options'
import { readSecret } from '../secret'
import { UsageError } from '../usage-error'
import { emitDryRun } from './import-dry-run'

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...READ_OPTION_SPECS,
      'dry-run': { type: 'boolean' },
      'emit-requests': { type: 'string' },
      account: { type: 'string' },
      'secret-env': { type: 'string' }
    },
    'import'
  )
  if (positionals.length !== 1) throw new UsageError('import: give exactly one file, e.g. "orderbatch import orders.csv --dry-run --account mylogin".')
  if (!values['dry-run']) throw new UsageError('import: sending is not available in this version yet; use --dry-run to see the exact signed requests.')
  if (!values.account) throw new UsageError('import: give the shop login with --account LOGIN.')
  const secret = readSecret(io, values['secret-env'])

  const prepared = await prepareOrFail(resolve(io.cwd, positionals[0]!), toPrepareOptions(values, io), io)
  if (!prepared) return EXIT.usageOrInput
  const out = values['emit-requests'] === undefined ? undefined : resolve(io.cwd, values['emit-requests'])
  return emitDryRun(prepared, out, values.account, secret, io)
}
