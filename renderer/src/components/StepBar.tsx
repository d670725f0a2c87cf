// The left step bar. Steps that need a loaded file stay disabled until there is one, and say why.
import type { StepId } from '../steps'
import { STEPS } from '../steps'
import { TID } from '../test-ids'
import { useT } from '../lib/i18n'

interface StepBarProps {
  current: StepId
  enabled: (step: StepId) => boolean
  onSelect: (step: StepId) => void
}

export function StepBar({ current, enabled, onSelect }: StepBarProps) {
  const t = useT()
  return (
    <nav className="step-bar" aria-label={t('step.nav')}>
      <ol>
        {STEPS.map((step) => {
          const on = enabled(step.id)
          return (
            <li key={step.id} className={step.number ? '' : 'step-aside'}>
              <button
                type="button"
                className="step"
                aria-current={step.id === current ? 'step' : undefined}
                disabled={!on}
                title={on ? undefined : t('step.needsFile')}
                data-testid={TID.step(step.id)}
                onClick={() => onSelect(step.id)}
              >
                {step.number ? <span className="step-number">{step.number}</span> : null}
                {step.number ? ' ' : null}
                <span>{t(`step.${step.id}`)}</span>
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
