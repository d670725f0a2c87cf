// Messages as a key and values: rendered in either language with nested values, carried by the
// engine's errors to both front-ends, and the English sentence kept exactly as it was.
import { describe, expect, it } from 'vitest'
import { englishOf, errorText, msg, renderMessage, storedMessage, storedNote } from '#shared/i18n/message'
import { translatorFor } from '#shared/i18n/translate'
import { ADVICE_CODES, answerAdvice } from '#shared/wire/answer-advice'
import { CREATE_ORDER_ANSWERS } from '#shared/wire/create-order-answers'
import { keyedText } from '#shared/i18n/message'
import { formatsFor } from '#shared/i18n/format'
import { noticeWords } from '#shared/run/notice-words'
import { sideEffects } from '#shared/run/side-effects'
import { ApiAddressError, apiBaseUrl } from '../../../electron/main/api/api-base'
import { connectErrorMessage, describeConnectError } from '../../../electron/main/api/network-errors'
import { UsageError } from '../../../electron/main/cli/usage-error'
import { OpError } from '../../../electron/main/ops/op-error'
import { ServiceError, toIpcError } from '../../../electron/main/service/errors'

const ru = translatorFor('ru')
const en = translatorFor('en')

describe('messages', () => {
  it('render nested messages in the same language', () => {
    const message = msg('service.undo.gone', { order: msg('service.undo.which', { ordinal: 4, bill: 1004 }) })
    expect(englishOf(message)).toBe('Order 4 (bill 1004) was already gone from the shop.')
    expect(renderMessage(ru, message)).toBe('Заказ 4 (счёт 1004): его уже не было в магазине.')
  })

  it('are stored as key and values (a run note) and worded when read; plain old notes stay as they are', () => {
    const stored = storedMessage(msg('runNote.resume', { why: msg('runNote.why.failedAgain') }))
    expect(englishOf(storedNote(stored))).toBe('Resume to send: failed orders wait to be sent again.')
    expect(renderMessage(ru, storedNote(stored))).toBe('Продолжите, чтобы отправить: непринятые заказы ждут повторной отправки.')
    expect(renderMessage(ru, storedNote(storedMessage(msg('runNote.cancelled', { count: 5 }))))).toBe('Отменён; 5 заказов не отправлены.')
    expect(renderMessage(ru, storedNote('retrying failed orders'))).toBe('retrying failed orders')
    expect(renderMessage(ru, storedNote('{"key": not json'))).toBe('{"key": not json')
  })

  it('use the Russian plural forms', () => {
    expect(renderMessage(ru, msg('service.notCorrected', { count: 1, file: 'f.csv' }))).toContain('1 непринятый заказ не исправлен')
    expect(renderMessage(ru, msg('service.notCorrected', { count: 3, file: 'f.csv' }))).toContain('3 непринятых заказа не исправлены')
    expect(renderMessage(ru, msg('service.notCorrected', { count: 5, file: 'f.csv' }))).toContain('5 непринятых заказов не исправлены')
  })

  it('travel with the errors: English as the message, the key for each front-end', () => {
    const op = new OpError('invalid-state', 'op.runCancelled', { runId: 3 })
    expect(op.message).toBe('Run 3 was cancelled for good; its orders cannot be sent again. Import the file again instead.')
    expect(errorText(ru, op)).toBe('Запуск 3 отменён окончательно; его заказы больше нельзя отправить. Импортируйте файл заново.')
    const usage = new UsageError(msg('usage.undo.run'))
    expect(usage.message).toBe('undo: give the run number, e.g. "orderbatch undo 3".')
    expect(errorText(ru, usage)).toBe('undo: укажите номер запуска, например «orderbatch undo 3».')
    // Plain English errors stay as they are in either language.
    expect(errorText(ru, new UsageError('as typed'))).toBe('as typed')
  })

  it('reach the renderer as key and values beside the English sentence', () => {
    const error = toIpcError(new ServiceError('not-found', msg('service.noRun', { runId: 8 })), msg('action.runs.list'))
    expect(error).toEqual({ code: 'not-found', message: 'There is no run 8 in the journal. Pick one from History.', key: 'service.noRun', params: { runId: 8 } })
    expect(keyedText(ru, error)).toBe('В журнале нет запуска 8. Выберите запуск в истории.')
    const internal = toIpcError(new Error('boom at /home/user/secret'), msg('action.runs.list'))
    expect(internal.message).toBe('Orderbatch could not list the runs because of an internal problem. Try again; if it happens again, restart Orderbatch and report it with the log.')
    expect(keyedText(ru, internal)).toBe('Orderbatch не смог показать запуски из-за внутренней ошибки. Попробуйте ещё раз; если повторится, перезапустите Orderbatch и сообщите о проблеме, приложив журнал.')
    expect(JSON.stringify(internal)).not.toContain('secret')
  })

  it('word a refused API address in Russian', () => {
    let error: unknown
    try {
      apiBaseUrl('My Shop', 'influencersoft.com')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ApiAddressError)
    expect((error as Error).message).toMatch(/^The login "My Shop" is not valid/)
    expect(errorText(ru, error)).toMatch(/^Логин «My Shop» не подходит/)
  })

  it('give the advice of the answer table, in English word for word', () => {
    expect(ADVICE_CODES).toEqual(Object.keys(CREATE_ORDER_ANSWERS).map(Number))
    for (const code of ADVICE_CODES) {
      expect(renderMessage(en, answerAdvice(code)!), String(code)).toBe(CREATE_ORDER_ANSWERS[code]?.advice)
      expect(renderMessage(ru, answerAdvice(code)!), String(code)).not.toBe(CREATE_ORDER_ANSWERS[code]?.advice)
    }
    expect(answerAdvice(999)).toBeNull()
  })

  it('word the shop notice for the CLI in Russian, with Russian plurals and durations', () => {
    const effects = sideEffects({ sandbox: false, orders: 5, paid: 0, calls: 5, rate: 2, concurrency: 1 })
    const lines = effects.map((effect) => noticeWords(effect, ru, formatsFor('ru').duration, true))
    expect(lines.join('\n')).toMatch(/5 (заказов|новых заказ)/)
    // The help page of the setting that turns it off, as the English lines give it.
    expect(lines[0]).toContain('(https://help.influencersoft.com/hc/en-us/articles/360050388432-Store-Settings)')
    // The app links the page instead of writing its address.
    expect(noticeWords(effects[0]!, ru, formatsFor('ru').duration)).not.toContain('https://')
    expect(lines.join('\n')).not.toMatch(/[A-Za-z]{4} [a-z]{3,} [a-z]{3,}/)
  })

  it('word network failures in Russian, the English reason unchanged', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' })
    const message = connectErrorMessage(error, 'shop42.influencersoft.com', 'GetBills')
    expect(englishOf(message)).toBe(describeConnectError(error, 'shop42.influencersoft.com', 'GetBills'))
    expect(englishOf(message)).toBe('The server shop42.influencersoft.com was not found (DNS). The GetBills request was not sent. Check the login and domain of the API address, and the internet connection.')
    expect(renderMessage(ru, message)).toBe('Сервер shop42.influencersoft.com не найден (DNS). Запрос GetBills не отправлен. Проверьте логин и домен в адресе API и подключение к интернету.')
  })
})
