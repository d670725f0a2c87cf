// orderbatch import <file>: validate, show what will be sent, ask, stage the run in the journal
// and send it (or, with --dry-run, only show the signed requests).
import { resolve } from 'node:path'
import { checkAgainstCatalog } from '#shared/shop/catalog-check'
import { parseCommandArgs } from '../args'
import { EXIT, type CliIo } from '../io'
import { prepareOrFail } from '../prepare-or-fail'
import { READ_OPTION_SPECS, toPrepareOptions } from '../read-options'
import { API_OPTION_SPECS, chooseApi } from '../run/api-target'
import { checkCanAsk } from '../run/confirm'
import { journalPathFor } from '../../ops/paths'
import { SEND_OPTION_SPECS, commandHint, sendOptions } from '../run/send-options'
import { UsageError } from '../usage-error'
import { SANDBOX_DEFAULT_ACCOUNT, SANDBOX_DEFAULT_SECRET } from '../../sandbox/defaults'
import { emitDryRun } from './import-dry-run'
import { importRun } from './import-run'
import { msg } from '#shared/i18n/message'

const OPTIONS = {
  ...READ_OPTION_SPECS,
  ...API_OPTION_SPECS,
  ...SEND_OPTION_SPECS,
  'dry-run': { type: 'boolean' },
  'emit-requests': { type: 'string' },
  journal: { type: 'string' },
  force: { type: 'boolean' },
  yes: { type: 'boolean' },
  product: { type: 'string', multiple: true }
} as const

/** --product VALUE=NAME (repeatable): the sheet's product VALUE is sent as the shop's product
 * NAME, the command line's way to take a close match the plan offers or to pick any product. */
export function productChoices(texts: readonly string[] | undefined): Record<string, string> {
  const choices: Record<string, string> = {}
  for (const text of texts ?? []) {
    const at = text.lastIndexOf('=')
    const value = at < 0 ? '' : text.slice(0, at).trim()
    const name = at < 0 ? '' : text.slice(at + 1).trim()
    if (value === '' || name === '') throw new UsageError(msg('usage.import.product', { text }))
    choices[value] = name
  }
  return choices
}

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, 'import')
  if (positionals.length !== 1) throw new UsageError(msg('usage.import.file'))
  if (!values['dry-run'] && values['emit-requests'] !== undefined) throw new UsageError(msg('usage.import.emit'))
  if (!values['dry-run']) checkCanAsk(io, values.yes, 'import')
  const products = productChoices(values.product)
  if (values['dry-run'] && Object.keys(products).length > 0) throw new UsageError(msg('usage.import.productDryRun'))
  const choice = chooseApi(values, io, 'import')
  const sandbox = choice.kind === 'sandbox'
  const path = resolve(io.cwd, positionals[0]!)

  if (values['dry-run']) {
    const prepared = await prepareOrFail(path, toPrepareOptions(values, io), io)
    if (!prepared) return EXIT.usageOrInput
    const out = values['emit-requests'] === undefined ? undefined : resolve(io.cwd, values['emit-requests'])
    const [login, secret] = choice.kind === 'shop' ? [choice.login, choice.secret] : [SANDBOX_DEFAULT_ACCOUNT, SANDBOX_DEFAULT_SECRET]
    // No shop is asked, so no catalog: the delivery rule alone, as preview applies it.
    return emitDryRun({ ...prepared, plan: checkAgainstCatalog(prepared.plan, null).plan }, out, login, secret, io)
  }

  const send = sendOptions(values, sandbox)
  const journalPath = journalPathFor(io, values.journal, sandbox)
  const prepared = await prepareOrFail(path, toPrepareOptions(values, io), io)
  if (!prepared) return EXIT.usageOrInput
  // The mapping file's choices (--mapping), each overridden by a --product for the same value.
  const chosen = { ...prepared.mapping.products, ...products }
  const fromMapping = new Set(Object.keys(prepared.mapping.products ?? {}).filter((value) => !(value in products)))
  return importRun(prepared, { path, journalPath, choice, ...send, force: values.force === true, yes: values.yes === true, hint: commandHint(values), products: chosen, fromMapping }, io)
}
