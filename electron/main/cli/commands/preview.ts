// orderbatch preview <file>: what Orderbatch would make of a sheet, without sending anything.
import { resolve } from 'node:path'
import { parseCommandArgs } from '../args'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { describeCounts, describeIssues, describeMapping, describeSource, describeStatus, planAsJson } from '../describe-plan'
import { EXIT, type CliIo } from '../io'
import { cliT } from '../lang'
import { prepareOrFail } from '../prepare-or-fail'
import { READ_OPTION_SPECS, toPrepareOptions } from '../read-options'
import { UsageError } from '../usage-error'
import { msg } from '#shared/i18n/message'

export async function previewCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...READ_OPTION_SPECS, json: { type: 'boolean' }, limit: { type: 'string' } }, 'preview')
  if (positionals.length !== 1) throw new UsageError(msg('usage.preview.file'))
  const read = await prepareOrFail(resolve(io.cwd, positionals[0]!), toPrepareOptions(values, io), io)
  if (!read) return EXIT.usageOrInput
  // No shop here, so no catalog: only the delivery rule the import applies too (an address
  // without the rest of the delivery data is refused with 605).
  const prepared = { ...read, plan: checkAgainstCatalog(read.plan, null).plan }

  const hasErrors = prepared.plan.counts.errors > 0
  if (values.json) {
    io.stdout(`${JSON.stringify(planAsJson(prepared), null, 2)}\n`)
  } else {
    const limit = values.limit === undefined ? 20 : Math.max(1, Number(values.limit) || 20)
    const t = cliT(io)
    const lines = [
      ...describeSource(prepared, t),
      '',
      ...describeMapping(prepared, t),
      ...describeStatus(prepared, t),
      '',
      describeCounts(prepared, t),
      ...describeIssues(prepared.plan.issues, limit, t)
    ]
    io.stdout(`${lines.join('\n')}\n`)
  }
  return hasErrors ? EXIT.problems : EXIT.ok
}
