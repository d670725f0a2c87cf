// The service's event stream (run progress, run log, job progress) and the throttle that keeps
// progress to about ten events a second while never dropping the last one.
import type { EventName, EventPayloads } from '#shared/ipc/contract'
import type { EventListener } from './types'

export class EventHub {
  private readonly listeners = new Set<EventListener>()

  on(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(name, payload)
      } catch (error) {
        // One broken window or closed stream must not stop the others, nor the run.
        console.error(`Orderbatch: an event listener failed on ${name}:`, error)
      }
    }
  }
}

export interface Throttle<T> {
  push(value: T): void
  /** Sends the value held back, if any, now. */
  flush(): void
  /** Forgets the value held back and stops the timer. */
  cancel(): void
}

/** At most one value per interval; a value held back is sent when the interval ends. */
export function throttle<T>(intervalMs: number, send: (value: T) => void, now: () => number = Date.now): Throttle<T> {
  let lastSent = -Infinity
  let held: { value: T } | null = null
  let timer: ReturnType<typeof setTimeout> | null = null

  const fire = (): void => {
    timer = null
    if (!held) return
    const { value } = held
    held = null
    lastSent = now()
    send(value)
  }

  return {
    push(value) {
      held = { value }
      const wait = lastSent + intervalMs - now()
      if (wait <= 0) {
        if (timer) clearTimeout(timer)
        fire()
      } else if (!timer) {
        timer = setTimeout(fire, wait)
      }
    },
    flush() {
      if (timer) clearTimeout(timer)
      fire()
    },
    cancel() {
      if (timer) clearTimeout(timer)
      timer = null
      held = null
    }
  }
}
