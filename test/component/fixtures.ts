// Small, readable answers main could give, for the screens to show.
import type {
  GridRow,
  PlanCounts,
  RunOrder,
  RunSummary,
  SendProgressEvent,
  SessionSummary,
  StateCounts
} from '#shared/ipc/contract'
import type { Issue } from '#shared/plan/issue'
import { DEFAULT_TRANSFORM_DEFAULTS, type Mapping } from '#shared/mapping/mapping'

export const HEADERS = ['Order', 'E-mail', 'E-mail 2', 'Name', 'Phone', 'Product', 'Price', 'Product 2', 'Price 2', 'City']

export function counts(change: Partial<PlanCounts> = {}): PlanCounts {
  return { rows: 120, orders: 100, validOrders: 95, errors: 5, warnings: 2, excludedRows: 0, alreadyCreated: 0, ...change }
}

export function mapping(change: Partial<Mapping> = {}): Mapping {
  return {
    version: 1,
    fields: {
      bill_email: { source: { kind: 'column', column: 'E-mail' } },
      bill_first_name: { source: { kind: 'column', column: 'Name' } }
    },
    goods: [{ name: { source: { kind: 'column', column: 'Product' } }, sum: { source: { kind: 'column', column: 'Price' } } }],
    groupBy: null,
    shipped: false,
    defaults: { ...DEFAULT_TRANSFORM_DEFAULTS },
    ...change
  }
}

export function session(change: Partial<SessionSummary> = {}): SessionSummary {
  return {
    sessionId: 's-1',
    meta: {
      file: 'orders.csv',
      format: 'csv',
      sheetNames: ['orders'],
      sheet: 'orders',
      encoding: { value: 'windows-1251', confidence: 0.92, reason: 'not valid UTF-8; the letters form Cyrillic words in Windows-1251', why: { key: 'detect.cyrillic1251' } },
      delimiter: { value: ';', confidence: 0.97, reason: '";" gives 10 columns on every line', why: { key: 'detect.delimiterEvery', params: { delimiter: '";"', count: 10 } } },
      headerRow: { value: 1, confidence: 0.95, reason: 'row 1 has 10 column names', why: { key: 'detect.header.first', params: { row: 1, count: 10 } } },
      rowCount: 120,
      columnCount: HEADERS.length
    },
    headers: HEADERS,
    rawPreview: [
      { row: 2, cells: ['A-1', 'anna@example.com', '', 'Anna', '+7 900 000-00-01', 'course-1', '1500', '', '', 'Kazan'] },
      { row: 3, cells: ['A-2', 'boris@example.com', '', 'Boris', '', 'course-2', '990,50', 'book', '300', 'Perm'] }
    ],
    mapping: mapping(),
    auto: {
      matches: [
        { field: 'bill_email', column: 'E-mail', columnIndex: 1, confidence: 0.95, why: { code: 'known-name', params: { name: 'E-mail' } }, reason: 'the header is a known name for e-mail' },
        { field: 'bill_first_name', column: 'Name', columnIndex: 3, confidence: 0.7, why: { code: 'contains', params: { name: 'First name' } }, reason: 'the header is close to "First name"' },
        { field: 'goods[0][good_name]', column: 'Product', columnIndex: 5, confidence: 1, why: { code: 'api-name', params: { name: 'good_name' } }, reason: 'exact' },
        { field: 'goods[0][good_sum]', column: 'Price', columnIndex: 6, confidence: 1, why: { code: 'api-name', params: { name: 'good_sum' } }, reason: 'exact' }
      ],
      ambiguities: [],
      unmatchedHeaders: ['Order', 'E-mail 2', 'Phone', 'Product 2', 'Price 2', 'City'],
      missingRequired: []
    },
    template: null,
    counts: counts(),
    ...change
  }
}

export function issue(change: Partial<Issue> = {}): Issue {
  return { severity: 'error', code: 'email', row: 2, column: 'E-mail', field: 'bill_email', order: 1, message: 'Row 2, column "E-mail": "anna@" is not an e-mail address. Fix the address.', ...change }
}

export function gridRow(index: number, change: Partial<GridRow> = {}): GridRow {
  const row = index + 2
  return {
    row,
    order: index + 1,
    cells: HEADERS.map((h, c) => (c === 0 ? `A-${index + 1}` : `${h} ${row}`)),
    issues: [],
    excluded: false,
    edited: false,
    alreadyCreated: null,
    ...change
  }
}

export function stateCounts(change: Partial<StateCounts> = {}): StateCounts {
  return { pending: 0, sending: 0, succeeded: 0, failed: 0, unknown: 0, skipped: 0, ...change }
}

export function progress(change: Partial<SendProgressEvent> = {}): SendProgressEvent {
  return {
    runId: 7,
    counts: stateCounts({ pending: 60, sending: 1, succeeded: 35, failed: 3, unknown: 1 }),
    total: 100,
    inFlight: 1,
    paused: false,
    rate: 1,
    perMinute: 58.5,
    etaSeconds: 125,
    backoffUntil: null,
    ...change
  }
}

export function runSummary(change: Partial<RunSummary> = {}): RunSummary {
  return {
    runId: 7,
    createdAt: Date.UTC(2025, 2, 14, 10, 30),
    sourceName: 'orders.csv',
    status: 'finished',
    counts: stateCounts({ succeeded: 90, failed: 6, unknown: 4 }),
    total: 100,
    login: 'demo',
    apiBase: 'https://demo.influencersoft.com/api',
    note: null,
    ...change
  }
}

export function runOrder(ordinal: number, change: Partial<RunOrder> = {}): RunOrder {
  return {
    ordinal,
    state: 'succeeded',
    billId: 1000 + ordinal,
    existed: false,
    errorCode: null,
    errorText: null,
    email: `buyer${ordinal}@example.com`,
    rows: [ordinal + 1],
    attempts: 1,
    editable: false,
    ...change
  }
}
