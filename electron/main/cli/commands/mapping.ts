// orderbatch mapping <file> --out m.json: writes the automatic mapping for the user to edit and
// pass back with --mapping.
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseCommandArgs } from '../args'
import { describeMapping } from '../describe-plan'
import { cliT } from '../lang'
import { EXIT, type CliIo } from '../io'
import { prepareOrFail } from '../prepare-or-fail'
import { READ_OPTION_SPECS, toPrepareOptions } from '../read-options'
import { UsageError } from '../usage-error'
import { msg } from '#shared/i18n/message'
import { productChoices } from './import'

export async function mappingCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...READ_OPTION_SPECS, out: { type: 'string' }, product: { type: 'string', multiple: true } }, 'mapping')
  if (positionals.length !== 1) throw new UsageError(msg('usage.mapping.file'))
  if (!values.out) throw new UsageError(msg('usage.mapping.out'))
  // --product VALUE=NAME: kept in the file, so `import --mapping` sends VALUE as NAME every time.
  const chosen = productChoices(values.product)
  const prepared = await prepareOrFail(resolve(io.cwd, positionals[0]!), toPrepareOptions(values, io), io)
  if (!prepared) return EXIT.usageOrInput
  const products = { ...prepared.mapping.products, ...chosen }
  const mapping = Object.keys(products).length > 0 ? { ...prepared.mapping, products } : prepared.mapping

  const out = resolve(io.cwd, values.out)
  try {
    await writeFile(out, `${JSON.stringify(mapping, null, 2)}\n`, 'utf8')
  } catch (error) {
    io.stderr(`${cliT(io)('cli.mapping.cannotWrite', { file: values.out, code: (error as NodeJS.ErrnoException).code ?? 'error' })}\n`)
    return EXIT.usageOrInput
  }
  io.stdout(`${describeMapping(prepared, cliT(io)).join('\n')}\n${cliT(io)('cli.mapping.wrote', { file: values.out })}\n`)
  return EXIT.ok
}
