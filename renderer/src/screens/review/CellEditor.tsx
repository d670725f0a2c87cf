// The in-cell editor: Enter keeps the new value, Escape drops it, leaving the cell keeps it.
import { useEffect, useRef, useState } from 'react'
import { TID } from '../../test-ids'

export function CellEditor({ initial, label, onDone }: { initial: string; label: string; onDone: (value: string | null) => void }) {
  const [value, setValue] = useState(initial)
  const input = useRef<HTMLInputElement>(null)
  // Enter and Escape end the edit before the blur that follows; the blur must not end it twice.
  const done = useRef(false)

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])

  const finish = (result: string | null) => {
    if (done.current) return
    done.current = true
    onDone(result)
  }

  return (
    <input
      ref={input}
      className="cell-editor"
      aria-label={label}
      data-testid={TID.review.editor}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Enter') finish(value)
        else if (e.key === 'Escape') finish(null)
      }}
      onBlur={() => finish(value)}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    />
  )
}
