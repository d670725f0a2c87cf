// Help texts. Kept next to the commands so the README's CLI reference can be checked against them.
import type { Language } from '#shared/i18n/language'
import { COMMAND_HELP_RU, HELP_RU } from './help-ru'
import { READ_OPTIONS_HELP } from './read-options'

export const HELP = `orderbatch: send spreadsheets of orders to an InfluencerSoft (JustClick) shop.

Usage: orderbatch <command> [options]

Commands:
  preview <file>          what Orderbatch makes of a sheet: format, mapping, counts, problems
  mapping <file> --out F  write the automatic mapping to F to edit and reuse with --mapping
  import <file>           check the orders, then send them (--dry-run: only write the signed requests)
  resume [RUN]            continue a paused or stopped run (default: the latest unfinished one)
  retry RUN               send a run's failed orders again, corrected from a fixed file with --from
  status [RUN]            where a run stands (default: the latest; --all for every run)
  export RUN --out F      the run's rows with their results, as .csv or .xlsx
  resolve RUN --order N   record whether an unclear order is in the shop (--bill-id ID or --absent)
  undo RUN                delete from the shop the orders a run created
  sandbox                 run a local stand-in of the InfluencerSoft API for trying things out

Run "orderbatch help <command>" for its options. Language: --lang ru|en (else LC_ALL, LC_MESSAGES, LANG).
Try it without a shop: orderbatch import resources/samples/orders.csv --sandbox --yes
Exit codes: 0 fine (every order created); 1 usage or input error, nothing sent; 2 the sheet has
errors, or the run finished with failed or unknown orders; 3 the run stopped (credentials, API
access, a request limit that does not recover, Ctrl+C).
`

const API_OPTIONS_HELP = `  --account LOGIN        the shop login (the part before .influencersoft.com)
  --secret-env VAR       environment variable holding the API key (default ORDERBATCH_SECRET);
                         the key is never taken from the command line
  --api-domain D         the brand's domain (default influencersoft.com; e.g. justclick.ru)
  --api-base URL         a full API address instead (e.g. https://shop.example.com/api/)
  --sandbox              use the built-in sandbox instead of a shop (no login or key needed);
                         its runs share the journal, as their own destination`

const JOURNAL_HELP = `  --journal PATH         the journal file (default: $ORDERBATCH_JOURNAL, else journal.sqlite in
                         the app's data folder, e.g. ~/.config/Orderbatch on Linux; sandbox runs
                         share it with the app, the sandbox shop is journal-shop.sqlite beside it)`

const SEND_HELP = `  --rate N               orders per second (default 1 for a shop, 20 for the sandbox)
  --concurrency N        requests in flight at once (default 1 for a shop, 4 for the sandbox)
  --yes                  do not ask before sending (required without a terminal)`


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

  --out FILE             where to write the mapping (.json)
  --product V=NAME       keep in the file: send the sheet's product V as the shop's product NAME
                         (import --mapping applies it; an import --product for V wins); repeatable
${READ_OPTIONS_HELP}
`,
  import: `Usage: orderbatch import <file> (--account LOGIN | --sandbox) [options]

Reads and checks every order, shows what will be sent (orders with errors are not sent; orders
already created by an earlier import are skipped), asks, writes the run to the journal in one
step, then sends one CreateOrder call per order and shows progress. Ctrl+C pauses the run; resume
it later. Prints the run number, each order that failed or got no clear answer, and a summary.

${API_OPTIONS_HELP}
${JOURNAL_HELP}
${SEND_HELP}
  --force                send orders the journal says were already created, too
  --dry-run              stage nothing, send nothing; sign each valid order
  --emit-requests F      with --dry-run: write one JSON line per order: {"order", "rows", "body"}
  --product V=NAME       send the sheet's product V as the shop's product NAME (take a close match
                         the plan offers, or pick any product of the shop's list); repeatable;
                         wins over the "products" of a --mapping file
${READ_OPTIONS_HELP}

Exit: 0 every order created; 1 usage or input error, nothing sent; 2 finished, but some orders
failed (the sheet's errors included) or are unknown; 3 stopped or paused.
`,
  resume: `Usage: orderbatch resume [RUN] [options]

Continues RUN, or the latest unfinished run, with the settings it was started with (the flags
below override them). Orders whose sending got no clear answer are looked up in the shop first;
nothing is sent twice. A run that was sent to the sandbox needs --sandbox again.

${API_OPTIONS_HELP}
${JOURNAL_HELP}
${SEND_HELP}
`,
  retry: `Usage: orderbatch retry RUN [--from fixed.csv] [options]

Puts RUN's failed orders back in the queue and sends them. Without --from they are sent as they
are; orders the sheet gave errors to need --from. With --from, the corrected rows are read with
the run's mapping and matched to the run's orders by the "Run order" column (as in an export),
else by the order-number column when the run grouped rows, else by position (the Nth order of the
file is order #N: correct the original file in place, without adding or removing rows). Orders
that still have errors are listed and stay failed; created orders are never touched.

  --from FILE            the fixed file (.csv, .xlsx, ...), typically "orderbatch export RUN --only failed"
  --force                send a corrected order even if the same order was created by another run
  --status-only          send only the run's failed statuses again (UpdateOrderStatus for orders that
                         were created but not marked paid, cancelled or returned); no order is resent
${READ_OPTIONS_HELP}
${API_OPTIONS_HELP}
${JOURNAL_HELP}
${SEND_HELP}
`,
  status: `Usage: orderbatch status [RUN | --all] [--json] [--journal PATH] [--sandbox]

Counts per state, source file, start time and status of RUN (default: the latest run), the
orders that failed or got no clear answer, and what to do about them. --all lists every run.

  --all                  list every run of the journal
${JOURNAL_HELP}
  --sandbox              look in the sandbox journal
  --json                 machine-readable output
`,
  export: `Usage: orderbatch export RUN --out results.csv|results.xlsx [--only failed|unknown|succeeded] [--delimiter ;|,] [--force]

Writes one line per sheet row of RUN: the original columns, then "Run order", "State", "Bill ID",
"Error code" and "Error" (headers, the State and our notes in the --lang language; the API's
codes and texts as it gives them; for an order deleted by undo or settled with resolve, "Error"
says so). CSV is UTF-8 with a byte order mark (Excel shows Cyrillic right), every field quoted,
separated by "," in English and by ";" in Russian, as Excel expects with decimal commas
(--delimiter changes it); XLSX cells are all text. Any cell that a spreadsheet could run as a
formula (it starts with = + - @, a tab or a line break, also after spaces) gets a leading ' ;
"orderbatch retry --from" takes it off again.

An existing file is not replaced unless --force is given, and never the run's own source sheet
(the same size and sha256 as the run recorded) or the journal, even with --force.

  --out FILE             the file to write (.csv or .xlsx)
  --only STATE           only the orders that failed, are unknown or succeeded
  --delimiter D          CSV separator: ; or , (default: ; in Russian, , in English)
  --force                replace an existing file
${JOURNAL_HELP}
  --sandbox              look in the sandbox journal
`,
  resolve: `Usage: orderbatch resolve RUN --order N (--bill-id ID | --absent) [--journal PATH] [--sandbox]

Records what you found in the shop for order #N of RUN, whose sending got no clear answer:
--bill-id ID: it is there under that bill, so it counts as created and is never sent again;
--absent: it is not there, so it goes back in the queue for "orderbatch resume RUN".

  --order N              the order's number in the run (as "orderbatch status RUN" lists it)
  --bill-id ID           the bill number you found in the shop
  --absent               the order is not in the shop
${JOURNAL_HELP}
  --sandbox              look in the sandbox journal
`,
  undo: `Usage: orderbatch undo RUN [--yes] [options]

Deletes from the shop (DeleteOrder) every order RUN created, after asking. Orders the shop
already had (answer 601) are left alone: the run did not create them. Each deletion is recorded
in the journal, so undo can be run again to try only what is left.

${API_OPTIONS_HELP}
${JOURNAL_HELP}
  --rate N               deletions per second (default: the run's rate)
  --yes                  do not ask (required without a terminal)
`,
  sandbox: `Usage: orderbatch sandbox [options]

Runs a local stand-in of the InfluencerSoft API (CreateOrder, GetBills, getOrderDetails,
getOrdersWithGoods, DeleteOrder, GetAllGoods, UpdateOrderStatus) until Ctrl+C.

  --port N            port to listen on (default 8765)
  --account LOGIN     account login it accepts (default demo)
  --secret-env VAR    environment variable holding its API key (default ORDERBATCH_SECRET;
                      when unset, the public sandbox key "sandbox-secret")
  --latency MS        delay before each answer
  --jitter MS         random extra delay up to MS
  --fail-rate P       fraction (0..1) of CreateOrder calls that answer 602
  --rate-limit N      answer code 8 above N requests per second
  --products a,b,c    only these product ids exist (others answer 604); or a catalog file
                      (.json or .csv: good_name, good_id, good_title, good_sum, good_type)
  --catalog-from LOGIN  copy that shop's products (one read-only GetAllGoods call), so the
                      sandbox refuses exactly what the shop would
  --catalog-api-base URL  the shop's API address for --catalog-from (default LOGIN.influencersoft.com)
  --catalog-secret-env VAR  environment variable holding that shop's key (default ORDERBATCH_SECRET)
  --ledger PATH       keep created orders in this SQLite file
`
}

export function helpText(language: Language = 'en'): string {
  return language === 'ru' ? HELP_RU : HELP
}

export function commandHelp(name: string, language: Language = 'en'): string {
  if (language === 'ru') return COMMAND_HELP_RU[name] ?? `Нет справки для «${name}». ${HELP_RU}`
  return COMMAND_HELP[name] ?? `No help for "${name}". ${HELP}`
}

/** The commands with help, for the test that both languages document the same flags. */
export const HELP_COMMANDS: readonly string[] = Object.keys(COMMAND_HELP)
