// Every SQL statement the journal runs, prepared once per open journal.
import type { Database, Statement } from 'better-sqlite3'
import { UNKNOWN_DESTINATION } from '#shared/run/destination'

export interface Statements {
  insertRun: Statement
  getRun: Statement
  runStatus: Statement
  latestRun: Statement
  latestUnfinishedRun: Statement
  listRuns: Statement
  runsBySource: Statement
  setRunStatus: Statement
  setRunSettings: Statement
  countRunOrders: Statement
  insertOrder: Statement
  insertOrderRow: Statement
  markRejected: Statement
  deleteOrderRows: Statement
  createdByFingerprint: Statement
  openElsewhere: Statement
  getOrder: Statement
  orderByOrdinal: Statement
  writeOrderState: Statement
  writeOrderData: Statement
  runCounts: Statement
  nextDue: Statement
  nextDueTime: Statement
  capPendingWaits: Statement
  ordersByState: Statement
  ordersAfter: Statement
  orderRows: Statement
  billIdsClaimed: Statement
  billHolder: Statement
  insertAttempt: Statement
  insertResolution: Statement
  openAttempt: Statement
  finishAttempt: Statement
  attempts: Statement
  closeOpenAttempts: Statement
  sendingToUnknown: Statement
}

export function prepareStatements(db: Database): Statements {
  const p = (sql: string): Statement => db.prepare(sql)
  return {
    insertRun: p(`INSERT INTO runs (created_at, source_name, source_hash, source_size, sheet, mapping, settings, destination, status, note)
                  VALUES (@createdAt, @sourceName, @sourceHash, @sourceSize, @sheet, @mapping, @settings, @destination, 'staged', @note)
                  RETURNING *`),
    getRun: p('SELECT * FROM runs WHERE id = ?'),
    runStatus: p('SELECT status FROM runs WHERE id = ?').pluck(),
    latestRun: p('SELECT * FROM runs ORDER BY id DESC LIMIT 1'),
    latestUnfinishedRun: p(`SELECT * FROM runs WHERE status NOT IN ('finished', 'cancelled') ORDER BY id DESC LIMIT 1`),
    listRuns: p('SELECT * FROM runs ORDER BY id DESC'),
    runsBySource: p('SELECT * FROM runs WHERE source_hash = ? ORDER BY id DESC'),
    setRunStatus: p('UPDATE runs SET status = @status, finished_at = @finishedAt, note = coalesce(@note, note) WHERE id = @id'),
    setRunSettings: p('UPDATE runs SET settings = ? WHERE id = ?'),
    countRunOrders: p('SELECT count(*) FROM orders WHERE run_id = ?').pluck(),

    // Positional: this one runs once per order when staging 100 000 orders.
    insertOrder: p(`INSERT INTO orders (run_id, ordinal, group_key, fingerprint, payload, email, state, skip_reason, finished_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertOrderRow: p('INSERT INTO order_rows (order_id, sheet_row, row) VALUES (?, ?, ?)'),
    markRejected: p('UPDATE orders SET error_code = ?, error_text = ? WHERE id = ?'),
    deleteOrderRows: p('DELETE FROM order_rows WHERE order_id = ?'),
    // Waiting, in flight or unclear in another run to the same destination (or an unknown one): a
    // cancelled run's pending orders will never be sent.
    openElsewhere: p(`SELECT o.run_id FROM orders o JOIN runs r ON r.id = o.run_id
                      WHERE o.fingerprint = @fingerprint AND o.run_id <> @runId
                        AND r.destination IN (@destination, '${UNKNOWN_DESTINATION}')
                        AND (o.state IN ('sending', 'unknown') OR (o.state = 'pending' AND r.status <> 'cancelled'))
                      ORDER BY o.run_id LIMIT 1`).pluck(),
    // Created only counts where it was created: (fingerprint, destination). A run of unknown
    // destination counts everywhere (skipping an order is safe, sending it twice is not).
    createdByFingerprint: p(`SELECT run_id, bill_id FROM orders WHERE fingerprint = @fingerprint AND state = 'succeeded'
                               AND run_id IN (SELECT id FROM runs WHERE destination IN (@destination, '${UNKNOWN_DESTINATION}'))
                             ORDER BY id LIMIT 1`),
    getOrder: p('SELECT * FROM orders WHERE id = ?'),
    orderByOrdinal: p('SELECT * FROM orders WHERE run_id = ? AND ordinal = ?'),
    writeOrderState: p(`UPDATE orders SET state = @state, bill_id = @billId, existed = @existed, error_code = @errorCode,
                          error_text = @errorText, attempts = @attempts, next_attempt_at = @nextAttemptAt, sent_at = @sentAt,
                          finished_at = @finishedAt, skip_reason = @skipReason, resolved_by = @resolvedBy
                        WHERE id = @id`),
    writeOrderData: p('UPDATE orders SET payload = @payload, fingerprint = @fingerprint, email = @email WHERE id = @id'),
    runCounts: p('SELECT state, count(*) AS n FROM orders WHERE run_id = ? GROUP BY state'),
    nextDue: p(`SELECT * FROM orders WHERE run_id = ? AND state = 'pending' AND next_attempt_at <= ? ORDER BY ordinal LIMIT ?`),
    capPendingWaits: p(`UPDATE orders SET next_attempt_at = @latest WHERE run_id = @runId AND state = 'pending' AND next_attempt_at > @latest`),
    nextDueTime: p(`SELECT min(next_attempt_at) FROM orders WHERE run_id = ? AND state = 'pending'`).pluck(),
    ordersByState: p(`SELECT * FROM orders WHERE run_id = ? AND state IN (SELECT value FROM json_each(?))
                      ORDER BY ordinal LIMIT ? OFFSET ?`),
    ordersAfter: p(`SELECT * FROM orders WHERE run_id = ? AND state IN (SELECT value FROM json_each(?)) AND ordinal > ?
                    ORDER BY ordinal LIMIT ?`),
    orderRows: p('SELECT * FROM order_rows WHERE order_id = ? ORDER BY sheet_row'),
    // Bill numbers are a shop's own: one taken in the sandbox says nothing about a real shop.
    billIdsClaimed: p(`SELECT DISTINCT bill_id FROM orders WHERE state = 'succeeded' AND bill_id IS NOT NULL
                         AND run_id IN (SELECT id FROM runs WHERE destination = ?)`).pluck(),
    billHolder: p(`SELECT * FROM orders WHERE bill_id = @billId AND state = 'succeeded' AND id <> @orderId
                     AND run_id IN (SELECT id FROM runs WHERE destination = (SELECT destination FROM runs WHERE id = @runId))
                   ORDER BY id LIMIT 1`),

    insertAttempt: p('INSERT INTO attempts (order_id, started_at) VALUES (?, ?)'),
    insertResolution: p(`INSERT INTO attempts (order_id, started_at, finished_at, outcome, note)
                         VALUES (@orderId, @at, @at, @outcome, @note)`),
    openAttempt: p('SELECT id FROM attempts WHERE order_id = ? AND outcome IS NULL ORDER BY id DESC LIMIT 1').pluck(),
    finishAttempt: p(`UPDATE attempts SET finished_at = @finishedAt, outcome = @outcome, http_status = @httpStatus,
                        error_code = @errorCode, error_text = @errorText, raw = @raw, raw_size = @rawSize, note = @note
                      WHERE id = @id AND order_id = @orderId AND outcome IS NULL`),
    attempts: p('SELECT * FROM attempts WHERE order_id = ? ORDER BY id'),
    closeOpenAttempts: p(`UPDATE attempts SET finished_at = @at, outcome = 'unknown', note = @note
                          WHERE outcome IS NULL AND order_id IN (SELECT id FROM orders WHERE state = 'sending')`),
    sendingToUnknown: p(`UPDATE orders SET state = 'unknown', error_code = NULL, error_text = @reason WHERE state = 'sending'`)
  }
}
