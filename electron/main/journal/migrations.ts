// Numbered schema steps. A shipped step is never edited: change the schema with a new step.
// `PRAGMA user_version` records the last step applied; each step runs in its own transaction.
import type { Database } from 'better-sqlite3'
import { SANDBOX_DESTINATION, UNKNOWN_DESTINATION, shopDestination } from '#shared/run/destination'

export interface Migration {
  version: number
  name: string
  up: (db: Database) => void
}

/** 'OBJN': marks the SQLite file as an Orderbatch journal, so we never migrate someone else's database. */
export const JOURNAL_APPLICATION_ID = 0x4f424a4e

const inList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ')

// Frozen copies of the value lists as they were when step 1 shipped (the types may grow later,
// the shipped step must not).
const RUN_STATUSES_V1 = ['staged', 'running', 'paused', 'finished', 'stopped', 'cancelled']
const ORDER_STATES_V1 = ['pending', 'sending', 'succeeded', 'failed', 'unknown', 'skipped']
const OUTCOMES_V1 = [
  'created', 'existed', 'failed', 'retry', 'backoff', 'stop', 'unknown',
  'reconciled-created', 'reconciled-absent', 'user-created', 'user-absent'
]

// Frozen as step 6 shipped them.
const STATUSES_V6 = ['paid', 'cancel', 'return']
const STEP_STATES_V6 = ['pending', 'sending', 'done', 'failed', 'unknown']
const STEP_OUTCOMES_V6 = ['done', 'already', 'failed', 'retry', 'backoff', 'stop', 'unknown', 'checked-done', 'checked-absent', 'user-done', 'requeued']

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'runs, orders, order rows and attempts',
    up(db) {
      db.pragma(`application_id = ${JOURNAL_APPLICATION_ID}`)
      db.exec(`
        CREATE TABLE runs (
          id INTEGER PRIMARY KEY,
          created_at INTEGER NOT NULL,
          source_name TEXT NOT NULL,
          source_hash TEXT NOT NULL,
          source_size INTEGER NOT NULL,
          sheet TEXT,
          mapping TEXT NOT NULL,
          settings TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'staged' CHECK (status IN (${inList(RUN_STATUSES_V1)})),
          finished_at INTEGER,
          note TEXT
        ) STRICT;

        CREATE TABLE orders (
          id INTEGER PRIMARY KEY,
          run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL CHECK (ordinal >= 1),
          group_key TEXT,
          fingerprint TEXT NOT NULL,
          payload TEXT NOT NULL,
          email TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN (${inList(ORDER_STATES_V1)})),
          bill_id INTEGER,
          existed INTEGER NOT NULL DEFAULT 0 CHECK (existed IN (0, 1)),
          error_code ANY,
          error_text TEXT,
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at INTEGER NOT NULL DEFAULT 0,
          sent_at INTEGER,
          finished_at INTEGER,
          skip_reason TEXT,
          resolved_by TEXT CHECK (resolved_by IN ('api', 'reconcile', 'user')),
          UNIQUE (run_id, ordinal),
          CHECK (state <> 'succeeded' OR bill_id IS NOT NULL),
          CHECK (state <> 'skipped' OR skip_reason IS NOT NULL)
        ) STRICT;

        CREATE TABLE order_rows (
          order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
          sheet_row INTEGER NOT NULL,
          row TEXT NOT NULL,
          PRIMARY KEY (order_id, sheet_row)
        ) STRICT;

        CREATE TABLE attempts (
          id INTEGER PRIMARY KEY,
          order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
          started_at INTEGER NOT NULL,
          finished_at INTEGER,
          outcome TEXT CHECK (outcome IN (${inList(OUTCOMES_V1)})),
          http_status INTEGER,
          error_code ANY,
          error_text TEXT,
          raw TEXT,
          raw_size INTEGER,
          note TEXT
        ) STRICT;
      `)
    }
  },
  {
    version: 2,
    name: 'lookup indexes for the sender, duplicate checks and reconciliation',
    up(db) {
      db.exec(`
        CREATE INDEX orders_by_run_state ON orders (run_id, state, ordinal);
        CREATE INDEX orders_pending_due ON orders (run_id, next_attempt_at) WHERE state = 'pending';
        CREATE INDEX orders_by_fingerprint ON orders (fingerprint);
        CREATE INDEX orders_by_email ON orders (email);
        CREATE INDEX orders_by_bill ON orders (bill_id) WHERE bill_id IS NOT NULL;
        CREATE INDEX attempts_by_order ON attempts (order_id);
        CREATE INDEX runs_by_source ON runs (source_hash);
      `)
    }
  },
  {
    version: 3,
    name: 'created orders are final; only failed orders can be edited',
    up(db) {
      // A backstop under the state machine in code: even a bug there cannot alter a created
      // order or swap the data of an order that may already exist in the shop.
      db.exec(`
        CREATE TRIGGER orders_created_are_final BEFORE UPDATE ON orders
        WHEN OLD.state = 'succeeded'
        BEGIN
          SELECT RAISE(ABORT, 'a created order cannot be changed');
        END;

        CREATE TRIGGER orders_edit_only_failed BEFORE UPDATE OF payload, fingerprint, email ON orders
        WHEN OLD.state <> 'failed'
          AND (NEW.payload IS NOT OLD.payload OR NEW.fingerprint IS NOT OLD.fingerprint OR NEW.email IS NOT OLD.email)
        BEGIN
          SELECT RAISE(ABORT, 'only a failed order can be edited');
        END;
      `)
    }
  },
  {
    version: 4,
    name: 'orders deleted from the shop after they were created (undo)',
    up(db) {
      // A table of its own: a created order stays final (its state never changes), the deletion
      // is a later fact about it.
      db.exec(`
        CREATE TABLE order_deletions (
          order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
          bill_id INTEGER NOT NULL,
          deleted_at INTEGER NOT NULL,
          note TEXT
        ) STRICT;
      `)
    }
  },
  {
    version: 5,
    name: 'each run keeps its destination (shop account and API address, or the sandbox)',
    up(db) {
      // An order counts as created only where it was created. Existing runs get theirs from what
      // they stored: the sandbox flag of their source, else the login and API address of their
      // settings; a run where neither can be read gets 'unknown' (see shared/destination.ts).
      db.exec(`
        ALTER TABLE runs ADD COLUMN destination TEXT NOT NULL DEFAULT '${UNKNOWN_DESTINATION}';
        CREATE INDEX runs_by_destination ON runs (destination);
      `)
      const update = db.prepare('UPDATE runs SET destination = ? WHERE id = ?')
      const rows = db.prepare('SELECT id, mapping, settings FROM runs').all() as Array<{ id: number; mapping: string; settings: string }>
      for (const row of rows) update.run(storedDestination(row.mapping, row.settings), row.id)
    }
  },
  {
    version: 6,
    name: "each paid, cancelled or returned order's second step (UpdateOrderStatus) and its attempts",
    up(db) {
      // Tables of their own: a created order is final (migration 3), and its status step is a
      // later piece of work with its own states. A step waits ('pending') until its order is
      // created; 'sending' is its intent, written before the request.
      db.exec(`
        CREATE TABLE order_status_steps (
          order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
          status TEXT NOT NULL CHECK (status IN (${inList(STATUSES_V6)})),
          date INTEGER,
          state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN (${inList(STEP_STATES_V6)})),
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at INTEGER NOT NULL DEFAULT 0,
          error_code ANY,
          error_text TEXT,
          sent_at INTEGER,
          finished_at INTEGER,
          resolved_by TEXT CHECK (resolved_by IN ('api', 'check', 'user'))
        ) STRICT;

        CREATE TABLE status_attempts (
          id INTEGER PRIMARY KEY,
          order_id INTEGER NOT NULL REFERENCES order_status_steps (order_id) ON DELETE CASCADE,
          started_at INTEGER NOT NULL,
          finished_at INTEGER,
          outcome TEXT CHECK (outcome IN (${inList(STEP_OUTCOMES_V6)})),
          http_status INTEGER,
          error_code ANY,
          error_text TEXT,
          raw TEXT,
          raw_size INTEGER,
          note TEXT
        ) STRICT;

        CREATE INDEX status_steps_by_state ON order_status_steps (state, next_attempt_at);
        CREATE INDEX status_attempts_by_order ON status_attempts (order_id);
      `)
    }
  }
]

function storedDestination(mappingText: string, settingsText: string): string {
  const mapping = parseObject(mappingText)
  const source = mapping?.['source']
  if (typeof source === 'object' && source !== null && (source as Record<string, unknown>)['sandbox'] === true) return SANDBOX_DESTINATION
  const settings = parseObject(settingsText)
  const login = settings?.['login']
  const apiBase = settings?.['apiBase']
  if (typeof login !== 'string' || typeof apiBase !== 'string' || apiBase.trim() === '') return UNKNOWN_DESTINATION
  return shopDestination(login, apiBase)
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

export const LATEST_JOURNAL_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
