// The second step of a paid/cancelled/returned order in the journal (migration 6) and the
// sender's status step module, against a scripted client: states, answers, crash recovery.
import { englishOf, msg, renderMessage, storedText } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Journal, JournalStateError } from '../../../electron/main/journal'
import { StatusStepper, type StatusEvent } from '../../../electron/main/sender/status-step'
import type { CallOutcome } from '#shared/wire/create-order-answers'
import { classifyUpdateStatus, hasStatus } from '#shared/wire/update-status-answers'
import { makeTempDir, orderInput, runInput } from './helpers'

let dir: string
let cleanup: () => void
let journal: Journal

beforeEach(() => {
  ;({ dir, cleanup } = makeTempDir())
  journal = Journal.open(join(dir, 'journal.sqlite'))
})
afterEach(() => {
  journal.close()
  cleanup()
})

const PAID_AT = 1_710_496_800

function stage(): { runId: number; ids: number[] } {
  const { run } = journal.stageRun(runInput(), [
    orderInput(1, { status: { status: 'paid', date: PAID_AT } }),
    orderInput(2),
    orderInput(3, { status: { status: 'cancel', date: null } })
  ])
  const ids = [...journal.orders(run.id)].map((o) => o.id)
  return { runId: run.id, ids }
}

function create(orderId: number, billId: number): void {
  const { attemptId } = journal.beginAttempt(orderId)
  journal.recordCreated(orderId, attemptId, { billId, existed: false, raw: '{}', httpStatus: 200 })
}

function answer(code: number, text = code === 0 ? 'order status changed' : 'error', result: unknown = []): CallOutcome {
  return { kind: 'answer', httpStatus: 200, errorCode: code, errorText: text, result, raw: JSON.stringify({ error_code: code, error_text: text }), hashValid: true }
}

function details(billId: number, payStatus: string): CallOutcome {
  return answer(0, 'ok', { id: String(billId), email: 'a@x.com', created: '1700000000', pay_status: payStatus, items: [] })
}

interface Script {
  update: CallOutcome[]
  details: CallOutcome[]
  calls: Array<[string, ...unknown[]]>
}

function stepper(script: Script, events: StatusEvent[] = [], stops: string[] = []) {
  let mono = 0
  const client = {
    updateOrderStatus: (billId: number, status: string, date?: number) => {
      script.calls.push(['UpdateOrderStatus', billId, status, date])
      return Promise.resolve(script.update.shift() ?? answer(0))
    },
    getOrderDetails: (billId: number) => {
      script.calls.push(['getOrderDetails', billId])
      return Promise.resolve(script.details.shift() ?? details(billId, 'waiting'))
    }
  }
  const s = new StatusStepper({
    journal,
    client: client as never,
    runId: 1,
    journalNow: () => Date.now(),
    monoNow: () => (mono += 1),
    callSlot: (call) => call(),
    settleMs: 0,
    requestStop: (m) => stops.push(typeof m === 'string' ? m : englishOf(m)),
    retryDelayMs: () => 0,
    onEvent: (e) => events.push(e)
  })
  return s
}

async function drain(s: StatusStepper): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const work = s.nextDue()
    if (work === null) return
    await s.runDue(work)
  }
  throw new Error('the steps did not settle')
}

describe('status steps in the journal', () => {
  it('are staged with their orders, and wait until the order is created', () => {
    const { runId, ids } = stage()
    const steps = journal.statusSteps(runId)
    expect([...steps.keys()]).toEqual([ids[0], ids[2]])
    expect(steps.get(ids[0]!)).toMatchObject({ status: 'paid', date: PAID_AT, state: 'pending', billId: null })
    expect(journal.nextDueStatusSteps(runId, Date.now(), 10)).toEqual([])
    expect(() => journal.beginStatusAttempt(ids[0]!)).toThrow(JournalStateError)
    create(ids[0]!, 501)
    expect(journal.nextDueStatusSteps(runId, Date.now(), 10).map((s) => [s.orderId, s.billId])).toEqual([[ids[0], 501]])
    expect(journal.statusStepCounts(runId)).toEqual({ pending: 1, sending: 0, done: 0, failed: 0, unknown: 0 })
  })

  it('refuse a step in the wrong state in the reader language, the English as it was', () => {
    const { runId, ids } = stage()
    const refusal = (action: () => unknown): JournalStateError => {
      try {
        action()
      } catch (error) {
        if (error instanceof JournalStateError) return error
        throw error
      }
      throw new Error('not refused')
    }
    const notCreated = refusal(() => journal.beginStatusAttempt(ids[0]!))
    expect(notCreated.message).toBe(`Cannot send the status step of order #1 in run ${runId}: the order was not created.`)
    expect(renderMessage(translatorFor('ru'), notCreated.localized!)).toBe(`Нельзя отправить статус заказа №1 запуска ${runId}: заказ не создан.`)
    const pending = refusal(() => journal.requeueStatus(ids[0]!))
    expect(pending.message).toBe(`Cannot retry the status step of order #1 in run ${runId}: it is pending.`)
    expect(renderMessage(translatorFor('ru'), pending.localized!)).toBe(`Нельзя повторить отправку статуса заказа №1 запуска ${runId}: статус ждёт отправки.`)
    const none = refusal(() => journal.beginStatusAttempt(ids[1]!))
    expect(none.message).toBe(`Order id ${ids[1]} has no status step.`)
    expect(renderMessage(translatorFor('ru'), none.localized!)).toBe(`У заказа с id ${ids[1]} нет отправки статуса.`)
  })

  it('are not staged for orders skipped as created earlier, and refuse a bad status', () => {
    expect(() => journal.stageRun(runInput(), [orderInput(1, { status: { status: 'sent' as never, date: null } })])).toThrow(/status must be paid, cancel or return/)
    expect(journal.listRuns()).toEqual([])
  })

  it('a step left sending by a crash is unknown at the next open, never pending', () => {
    const { runId, ids } = stage()
    create(ids[0]!, 501)
    journal.beginStatusAttempt(ids[0]!)
    journal.close()
    journal = Journal.open(join(dir, 'journal.sqlite'))
    const step = journal.getStatusStep(ids[0]!)
    expect(step?.state).toBe('unknown')
    expect(journal.statusAttempts(ids[0]!).map((a) => a.outcome)).toEqual(['unknown'])
    expect(journal.nextDueStatusSteps(runId, Date.now(), 10)).toEqual([])
  })
})

describe('the status step', () => {
  it('marks a created paid order paid with its payment date, and a cancelled one without a date', async () => {
    const { runId, ids } = stage()
    create(ids[0]!, 501)
    create(ids[1]!, 502)
    create(ids[2]!, 503)
    const script: Script = { update: [answer(0), answer(0)], details: [], calls: [] }
    const events: StatusEvent[] = []
    await drain(stepper(script, events))
    expect(script.calls).toEqual([['UpdateOrderStatus', 501, 'paid', PAID_AT], ['UpdateOrderStatus', 503, 'cancel', undefined]])
    expect(journal.statusStepCounts(runId)).toEqual({ pending: 0, sending: 0, done: 2, failed: 0, unknown: 0 })
    expect(events.map((e) => e.kind)).toEqual(['status-done', 'status-done'])
    expect(journal.statusAttempts(ids[0]!).map((a) => [a.outcome, a.errorCode])).toEqual([['done', 0]])
  })

  it('a second "paid" refused as wrong status is success when the shop shows the order paid', async () => {
    const { runId, ids } = stage()
    create(ids[0]!, 501)
    const script: Script = { update: [answer(201, 'wrong status')], details: [details(501, 'paid')], calls: [] }
    await drain(stepper(script))
    expect(script.calls.map((c) => c[0])).toEqual(['UpdateOrderStatus', 'getOrderDetails'])
    expect(journal.getStatusStep(ids[0]!)?.state).toBe('done')
    expect(journal.statusAttempts(ids[0]!).map((a) => a.outcome)).toEqual(['already'])
    expect(journal.statusStepCounts(runId).done).toBe(1)
  })

  it('a refusal the shop record does not explain fails the step alone; the order stays created; it can be retried alone', async () => {
    const { runId, ids } = stage()
    create(ids[0]!, 501)
    const script: Script = { update: [answer(202, 'order not paid')], details: [details(501, 'waiting')], calls: [] }
    await drain(stepper(script))
    const step = journal.getStatusStep(ids[0]!)
    expect(step).toMatchObject({ state: 'failed', errorCode: 202 })
    expect(step?.errorText).toContain('order not paid')
    // Kept as a key: worded where it is read, the shop's words as they came.
    expect(storedText(translatorFor('en'), step!.errorText!)).toMatch(/^The API answered "order not paid" \(code 202\) to UpdateOrderStatus\. The shop could not record the payment\./)
    expect(storedText(translatorFor('ru'), step!.errorText!)).toMatch(/^API ответил «order not paid» \(код 202\) на UpdateOrderStatus\. Магазин не смог записать оплату\./)
    expect(journal.getOrder(ids[0]!)?.state).toBe('succeeded')
    journal.requeueStatus(ids[0]!)
    const again: Script = { update: [answer(0)], details: [], calls: [] }
    await drain(stepper(again))
    expect(again.calls).toEqual([['UpdateOrderStatus', 501, 'paid', PAID_AT]])
    expect(journal.statusStepCounts(runId)).toMatchObject({ done: 1, failed: 0 })
  })

  it('a nonexistent order (200, 302) fails without a lookup', async () => {
    const { ids } = stage()
    create(ids[0]!, 501)
    create(ids[2]!, 503)
    const script: Script = { update: [answer(200, 'nonexistent order'), answer(302, 'nonexistent order')], details: [], calls: [] }
    await drain(stepper(script))
    expect(script.calls.map((c) => c[0])).toEqual(['UpdateOrderStatus', 'UpdateOrderStatus'])
    expect([journal.getStatusStep(ids[0]!)?.errorCode, journal.getStatusStep(ids[2]!)?.errorCode]).toEqual([200, 302])
  })

  it('an unclear outcome is looked up before anything is resent: found paid -> done, not paid -> sent again', async () => {
    const { ids } = stage()
    create(ids[0]!, 501)
    create(ids[2]!, 503)
    const lost: CallOutcome = { kind: 'unknown', reason: 'the connection closed before the answer', reasonMessage: msg('orderNote.unexpected', { detail: 'closed' }) }
    const script: Script = { update: [lost, lost, answer(0)], details: [details(501, 'paid'), details(503, 'waiting')], calls: [] }
    const events: StatusEvent[] = []
    await drain(stepper(script, events))
    expect(script.calls).toEqual([
      ['UpdateOrderStatus', 501, 'paid', PAID_AT],
      ['getOrderDetails', 501],
      ['UpdateOrderStatus', 503, 'cancel', undefined],
      ['getOrderDetails', 503],
      ['UpdateOrderStatus', 503, 'cancel', undefined]
    ])
    expect(journal.statusAttempts(ids[0]!).map((a) => a.outcome)).toEqual(['unknown', 'checked-done'])
    expect(journal.statusAttempts(ids[2]!).map((a) => a.outcome)).toEqual(['unknown', 'checked-absent', 'done'])
    expect(events.filter((e) => e.kind === 'status-checked').map((e) => (e as { result: string }).result)).toEqual(['done', 'absent'])
    // The lookup's notes are kept as keys: the journal and the live log word them in the reader's language.
    const notes = [journal.statusAttempts(ids[0]!)[1]!.note!, journal.statusAttempts(ids[2]!)[1]!.note!]
    expect(notes.map((n) => storedText(translatorFor('en'), n))).toEqual(['getOrderDetails shows bill 501 as "paid".', 'getOrderDetails shows bill 503 as "waiting", not cancelled.'])
    expect(notes.map((n) => storedText(translatorFor('ru'), n))).toEqual([
      'getOrderDetails показывает счёт 501 со статусом «paid».',
      'getOrderDetails показывает счёт 503 со статусом «waiting», а не отменённым.'
    ])
    // The client's reason is kept as its key: read in the reader's language.
    expect(storedText(translatorFor('ru'), journal.statusAttempts(ids[0]!)[0]!.errorText!)).toBe('Отправка закончилась непредвиденной ошибкой (closed); магазин мог создать заказ.')
    const checked = events.filter((e): e is Extract<StatusEvent, { kind: 'status-checked' }> => e.kind === 'status-checked')
    expect(checked.map((e) => renderMessage(translatorFor('ru'), e.note))[0]).toBe('getOrderDetails показывает счёт 501 со статусом «paid».')
  })

  it('after a crash during the request, the next run looks the order up first (scheduleUnclear)', async () => {
    const { ids } = stage()
    create(ids[0]!, 501)
    journal.beginStatusAttempt(ids[0]!)
    const script: Script = { update: [], details: [details(501, 'paid')], calls: [] }
    const s = stepper(script)
    s.scheduleUnclear()
    await drain(s)
    expect(script.calls).toEqual([['getOrderDetails', 501]])
    expect(journal.getStatusStep(ids[0]!)?.state).toBe('done')
  })

  it('not sent: pending again; codes 1-7 stop the run and leave the step pending', async () => {
    const { ids } = stage()
    create(ids[0]!, 501)
    const stops: string[] = []
    const script: Script = { update: [{ kind: 'not-sent', reason: 'connection refused' }, answer(4, 'incorrect hash')], details: [], calls: [] }
    const s = stepper(script, [], stops)
    await s.runDue(s.nextDue()!)
    expect(journal.getStatusStep(ids[0]!)?.state).toBe('pending')
    await s.runDue(s.nextDue()!)
    expect(stops).toHaveLength(1)
    expect(stops[0]).toContain('incorrect hash')
    expect(journal.getStatusStep(ids[0]!)?.state).toBe('pending')
    expect(journal.statusAttempts(ids[0]!).map((a) => a.outcome)).toEqual(['retry', 'stop'])
    // The stop's reason is kept as a key on the step: worded where it is read.
    const kept = journal.getStatusStep(ids[0]!)!.errorText!
    expect(storedText(translatorFor('en'), kept)).toBe(stops[0])
    expect(storedText(translatorFor('ru'), kept)).toMatch(/^API ответил «incorrect hash» \(код 4\)\. Неверен ключ API или логин\./)
  })

  it('a failed step and an answer without a valid signature tell the live log in the reader language', async () => {
    const { ids } = stage()
    create(ids[0]!, 501)
    create(ids[2]!, 503)
    const events: StatusEvent[] = []
    const script: Script = { update: [answer(302, 'nonexistent order'), { ...(answer(0) as Extract<CallOutcome, { kind: 'answer' }>), hashValid: false }], details: [details(503, 'waiting')], calls: [] }
    const s = stepper(script, events)
    await s.runDue(s.nextDue()!)
    await s.runDue(s.nextDue()!)
    const failed = events.find((e): e is Extract<StatusEvent, { kind: 'status-failed' }> => e.kind === 'status-failed')!
    expect(renderMessage(translatorFor('en'), failed.said!)).toBe(failed.message)
    expect(renderMessage(translatorFor('ru'), failed.said!)).toMatch(/^API ответил «nonexistent order» \(код 302\) на UpdateOrderStatus\. В магазине нет заказа/)
    const unclear = events.find((e): e is Extract<StatusEvent, { kind: 'status-unknown' }> => e.kind === 'status-unknown')!
    expect(unclear.reason).toBe("The API answered code 0, but the answer's signature does not match (is the API key right?).")
    expect(renderMessage(translatorFor('ru'), unclear.reasonWhy!)).toBe('API ответил кодом 0, но подпись ответа не совпадает (верен ли ключ API?).')
    expect(storedText(translatorFor('ru'), journal.getStatusStep(ids[2]!)!.errorText!)).toBe('API ответил кодом 0, но подпись ответа не совпадает (верен ли ключ API?).')
  })

  it('a refused call slot (the run stopped) writes no intent', async () => {
    const { ids } = stage()
    create(ids[0]!, 501)
    const s = new StatusStepper({
      journal,
      client: { getOrderDetails: () => Promise.reject(new Error('no')), updateOrderStatus: () => Promise.reject(new Error('no')) } as never,
      runId: 1,
      journalNow: Date.now,
      monoNow: () => 0,
      callSlot: () => Promise.reject(new Error('run 1 stopped before the lookup was made')),
      settleMs: 0,
      requestStop: () => undefined,
      retryDelayMs: () => 0
    })
    await s.runDue(s.nextDue()!)
    expect(journal.getStatusStep(ids[0]!)).toMatchObject({ state: 'pending', attempts: 0 })
  })
})

describe('UpdateOrderStatus answers', () => {
  it('classifies its own codes and the common ones', () => {
    expect(classifyUpdateStatus(answer(0)).state).toBe('done')
    expect([200, 201, 202, 203, 302, 303, 999].map((c) => classifyUpdateStatus(answer(c)).state)).toEqual(['failed', 'check', 'check', 'failed', 'failed', 'check', 'failed'])
    expect(classifyUpdateStatus(answer(4, 'incorrect hash')).state).toBe('stop')
    expect(classifyUpdateStatus(answer(8, 'limit')).state).toBe('backoff')
    expect(classifyUpdateStatus({ kind: 'not-sent', reason: 'x' }).state).toBe('retry')
    expect(classifyUpdateStatus({ kind: 'unknown', reason: 'x' }).state).toBe('unknown')
    expect(classifyUpdateStatus({ ...(answer(0) as Extract<CallOutcome, { kind: 'answer' }>), hashValid: false }).state).toBe('unknown')
  })

  it('reads pay_status words', () => {
    expect(hasStatus('paid', 'paid')).toBe(true)
    expect(hasStatus('waiting', 'paid')).toBe(false)
    expect(hasStatus('cancel', 'cancel')).toBe(true)
    expect(hasStatus('return', 'return')).toBe(true)
    expect(hasStatus('paid', 'return')).toBe(false)
  })
})
