// Drop a file here or pick one. The input stays in the accessibility tree (visually hidden) so it
// takes focus and can be driven by tests and assistive tools; its name is the visible button's
// text ("Choose a file…"), so what a speech user reads on screen is what they can say.
import { useId, useState, type DragEvent } from 'react'
import { SHEET_FILE_ACCEPT } from '../../lib/read-file'
import { useT } from '../../lib/i18n'
import { TID } from '../../test-ids'

interface FileDropProps {
  onFile: (file: File) => void
  disabled: boolean
  compact: boolean
}

export function FileDrop({ onFile, disabled, compact }: FileDropProps) {
  const t = useT()
  const inputId = useId()
  const [over, setOver] = useState(false)

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setOver(false)
    const file = event.dataTransfer.files[0]
    if (file && !disabled) onFile(file)
  }

  return (
    <div
      className={`drop-zone ${over ? 'drop-over' : ''} ${compact ? 'drop-compact' : ''}`}
      data-testid={TID.load.dropZone}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="drop-title">{compact ? t('load.dropOther') : t('load.dropTitle')}</p>
      {!compact && <p className="hint">{t('load.dropHint')}</p>}
      <input
        id={inputId}
        type="file"
        className="visually-hidden"
        accept={SHEET_FILE_ACCEPT}
        data-testid={TID.load.fileInput}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) onFile(file)
          // Picking the same file again must still count as a choice.
          e.target.value = ''
        }}
      />
      <label htmlFor={inputId} className="button-like">{t('load.choose')}</label>
    </div>
  )
}
