// The sandbox's record of every order it created, in SQLite so tests and crash drivers can
// inspect it (even from another process when it is a file). Deleted orders stay, flagged.
import type Database from 'better-sqlite3'
import { openSqliteDatabase } from '../native/sqlite-binding'

export interface LedgerGood {
  good_name: string
  /** As posted ('1500', '1990.50'); null when the shop price applies. */
  good_sum: string | null
}

export interface LedgerOrder {
  bill_id: number
  email: string
  goods: LedgerGood[]
  /** Unix seconds: bill_created when it was sent, else when the order was received. */
  created: number
  tag: string
  comment: string
  /** Every posted field except goods and hash; nested keys written PHP-style, e.g. utm[utm_source]. */
  fields: Record<string, string>
  deleted: boolean
  /** The raw CreateOrder body, hash included. */
  request_body: string
  /** Unix milliseconds when the sandbox received the request. */
  received_at: number
}

export type NewLedgerOrder = Omit<LedgerOrder, 'bill_id' | 'deleted'>

interface OrderRow {
  bill_id: number
  email: string
  goods: string
  created: number
  tag: string
  comment: string
  fields: string
  deleted: number
  request_body: string
  received_at: number
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS orders (
  bill_id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  goods TEXT NOT NULL,
  created INTEGER NOT NULL,
  tag TEXT NOT NULL,
  comment TEXT NOT NULL,
  fields TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  request_body TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_email ON orders (lower(email));
CREATE INDEX IF NOT EXISTS orders_created ON orders (created);
CREATE TABLE IF NOT EXISTS products (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
`

/** Shop product ids (the keys of GetBills results) start here, apart from bill ids. */
const FIRST_PRODUCT_ID = 12001

export class SandboxLedger {
  private readonly db: Database.Database
  private readonly firstBillId: number

  /** firstBillId applies to an empty ledger; a reopened file continues after its highest id. */
  constructor(path = ':memory:', firstBillId = 100001) {
    this.db = openSqliteDatabase(path)
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL')
    this.db.exec(SCHEMA)
    this.firstBillId = firstBillId
  }

  insert(order: NewLedgerOrder): LedgerOrder {
    const insert = this.db.transaction((next: NewLedgerOrder) => {
      const billId = this.nextBillId()
      this.db
        .prepare(`INSERT INTO orders (bill_id, email, goods, created, tag, comment, fields, request_body, received_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(billId, next.email, JSON.stringify(next.goods), next.created, next.tag, next.comment,
          JSON.stringify(next.fields), next.request_body, next.received_at)
      for (const good of next.goods) this.productId(good.good_name)
      return billId
    })
    return { ...order, bill_id: insert(order), deleted: false }
  }

  /** Every order ever created, deleted ones included, by bill id. */
  orders(): LedgerOrder[] {
    return this.db.prepare<[], OrderRow>('SELECT * FROM orders ORDER BY bill_id').all().map(toOrder)
  }

  /** How many orders were ever created, deleted ones included. */
  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM orders').get()?.n ?? 0
  }

  get(billId: number): LedgerOrder | undefined {
    const row = this.db.prepare<[number], OrderRow>('SELECT * FROM orders WHERE bill_id = ?').get(billId)
    return row ? toOrder(row) : undefined
  }

  /** Orders for this email (ASCII case-insensitive), deleted ones included. */
  findByEmail(email: string): LedgerOrder[] {
    return this.db
      .prepare<[string], OrderRow>('SELECT * FROM orders WHERE lower(email) = lower(?) ORDER BY bill_id')
      .all(email)
      .map(toOrder)
  }

  /** Undeleted orders with created in [from, to] (unix seconds). */
  liveCreatedBetween(from: number, to: number): LedgerOrder[] {
    return this.db
      .prepare<[number, number], OrderRow>('SELECT * FROM orders WHERE deleted = 0 AND created BETWEEN ? AND ? ORDER BY bill_id')
      .all(from, to)
      .map(toOrder)
  }

  /** Soft delete; false when there is no such undeleted order. */
  delete(billId: number): boolean {
    return this.db.prepare('UPDATE orders SET deleted = 1 WHERE bill_id = ? AND deleted = 0').run(billId).changes === 1
  }

  /** The shop's numeric id for a product name, assigned on first sight. */
  productId(name: string): number {
    this.db.prepare('INSERT OR IGNORE INTO products (id, name) VALUES ((SELECT coalesce(max(id) + 1, ?) FROM products), ?)')
      .run(FIRST_PRODUCT_ID, name)
    return this.db.prepare<[string], { id: number }>('SELECT id FROM products WHERE name = ?').get(name)?.id ?? 0
  }

  close(): void {
    if (this.db.open) this.db.close()
  }

  private nextBillId(): number {
    const max = this.db.prepare<[], { max: number | null }>('SELECT max(bill_id) AS max FROM orders').get()?.max
    return max == null ? this.firstBillId : max + 1
  }
}

function toOrder(row: OrderRow): LedgerOrder {
  return {
    bill_id: row.bill_id,
    email: row.email,
    goods: JSON.parse(row.goods) as LedgerGood[],
    created: row.created,
    tag: row.tag,
    comment: row.comment,
    fields: JSON.parse(row.fields) as Record<string, string>,
    deleted: row.deleted === 1,
    request_body: row.request_body,
    received_at: row.received_at
  }
}
