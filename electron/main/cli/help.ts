// Help texts. Kept next to the commands so the README's CLI reference can be checked against them.
import { READ_OPTIONS_HELP } from './read-options'

export const HELP = `orderbatch: send spreadsheets of orders to an InfluencerSoft (JustClick) shop.

Usage: orderbatch <command> [options]

Commands:
  preview <file>          what Orderbatch makes of a sheet: format, mapping, counts, problems
  mapping <file> --out F  write the automatic mapping to F to edit and reuse with --mapping
  import <file>           validate and sign the orders (--dry-run: write the exact requests)
  sandbox                 run a local stand-in of the InfluencerSoft API for trying things out

Run "orderbatch help <command>" for its options.
Exit codes: 0 fine; 1 usage or unreadable input, nothing sent; 2 the sheet has errors (or orders failed);
3 a run was stopped.
`

const COMMAND_HELP: Record<string, string> = {
  preview: `Usage: orderbatch preview <file> [options]

Reads the file (CSV, TSV, TXT, XLSX, XLSM, XLS, ODS), matches its columns to CreateOrder fields and
checks every order. Sends nothing.

${READ_OPTIONS_HELP}
  --json             machine-readable output
  --limit N          how many problems to list (default 20)

Exit: 0 no errors, 2 the sheet has errors, 1 the file cannot be read or the usage is wrong.
`,
  mapping: `Usage: orderbatch mapping <file> --out mapping.json [options]

Writes the automatic mapping of <file> as JSON, to edit and pass back with --mapping.

${READ_OPTIONS_HELP}
`,
  import: `Usage: orderbatch import <file> --dry-run --account LOGIN [options]

  --dry-run              stage nothing, send nothing; sign each valid order
  --emit-requests F      write one JSON line per order: {"order", "rows", "body"}
  --account LOGIN        the shop login (the part before .influencersoft.com)
  --secret-env VAR       environment variable holding the API key (default ORDERBATCH_SECRET)
${READ_OPTIONS_HELP}
`,
  sandbox: `Usage: orderbatch sandbox [options]

Runs a local stand-in of the InfluencerSoft API (CreateOrder, GetBills, getOrderDetails,
getOrdersWithGoods, DeleteOrder) until Ctrl+C.

  --port N            port to listen on (default 8765)
  --account LOGIN     account login it accepts (default demo)
  --secret-env VAR    environment variable holding its API key (default ORDERBATCH_SECRET;
                      when unset, the public sandbox key "sandbox-secret")
  --latency MS        delay before each answer
  --jitter MS         random extra delay up to MS
  --fail-rate P       fraction (0..1) of CreateOrder calls that answer 602
  --rate-limit N      answer code 8 above N requests per second
  --products a,b,c    only these product ids exist (others answer 604)
  --ledger PATH       keep created orders in this SQLite file
`
}

export function commandHelp(name: string): string {
  return COMMAND_HELP[name] ?? `No help for "${name}". ${HELP}`
}
