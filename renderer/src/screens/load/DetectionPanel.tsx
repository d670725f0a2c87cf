// What main detected about the file, why, and a control to override each guess.
import { useId, type ReactNode } from 'react'
import type { ReadOverrides } from '#shared/ipc/contract'
import type { SheetMeta } from '#shared/sheet/sheet'
import { detectedReason } from '#shared/sheet/detected-text'
import { CommitInput } from '../../components/CommitInput'
import { Confidence } from '../../components/Confidence'
import { useT } from '../../lib/i18n'
import { TID } from '../../test-ids'
import { DELIMITERS, delimiterLabel, ENCODINGS, withDetected } from './text-options'

interface DetectionPanelProps {
  meta: SheetMeta
  disabled: boolean
  onOverride: (change: ReadOverrides) => void
}

export function DetectionPanel({ meta, disabled, onOverride }: DetectionPanelProps) {
  const t = useT()
  const ids = { sheet: useId(), encoding: useId(), delimiter: useId(), header: useId() }
  const delimiters = withDetected(DELIMITERS.map((d) => d.value), meta.delimiter?.value ?? ',')

  return (
    <div className="card detection" aria-label={t('load.howRead')}>
      <h2>{t('load.howRead')}</h2>
      <div className="form-grid">
        <label htmlFor={ids.sheet}>{t('load.sheet')}</label>
        <Setting>
          <select id={ids.sheet} data-testid={TID.load.sheet} value={meta.sheet} disabled={disabled || meta.sheetNames.length < 2} onChange={(e) => onOverride({ sheet: e.target.value })}>
            {meta.sheetNames.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
          <span className="hint">{meta.sheetNames.length < 2 ? t('load.oneSheet') : t('load.sheets', { count: meta.sheetNames.length })}</span>
        </Setting>

        {meta.encoding && (
          <>
            <label htmlFor={ids.encoding}>{t('load.encoding')}</label>
            <Setting>
              <select id={ids.encoding} data-testid={TID.load.encoding} value={meta.encoding.value} disabled={disabled} onChange={(e) => onOverride({ encoding: e.target.value })}>
                {withDetected(ENCODINGS, meta.encoding.value).map((name) => <option key={name} value={name}>{name}</option>)}
              </select>
              <Reason confidence={meta.encoding.confidence} reason={detectedReason(t, meta.encoding)} />
            </Setting>
          </>
        )}

        {meta.delimiter && (
          <>
            <label htmlFor={ids.delimiter}>{t('load.delimiter')}</label>
            <Setting>
              <select id={ids.delimiter} data-testid={TID.load.delimiter} value={meta.delimiter.value} disabled={disabled} onChange={(e) => onOverride({ delimiter: e.target.value })}>
                {delimiters.map((value) => <option key={value} value={value}>{delimiterLabel(value, t)}</option>)}
              </select>
              <Reason confidence={meta.delimiter.confidence} reason={detectedReason(t, meta.delimiter)} />
            </Setting>
          </>
        )}

        <label htmlFor={ids.header}>{t('load.headerRow')}</label>
        <Setting>
          <CommitInput
            id={ids.header}
            type="number"
            min={1}
            className="narrow"
            data-testid={TID.load.headerRow}
            value={String(meta.headerRow.value)}
            disabled={disabled}
            onCommit={(text) => {
              const row = Number(text)
              if (Number.isInteger(row) && row >= 1) onOverride({ headerRow: row })
            }}
          />
          <Reason confidence={meta.headerRow.confidence} reason={detectedReason(t, meta.headerRow)} />
        </Setting>
      </div>
    </div>
  )
}

function Setting({ children }: { children: ReactNode }) {
  return <div className="setting">{children}</div>
}

function Reason({ confidence, reason }: { confidence: number; reason: string }) {
  return (
    <span className="reason">
      <Confidence confidence={confidence} /> <span>{reason}</span>
    </span>
  )
}
