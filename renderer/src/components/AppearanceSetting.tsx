// The three-way appearance setting in the header: the system's (the browser's), light or dark.
import { APPEARANCES, isAppearance } from '#shared/ipc/appearance'
import { useT } from '../lib/i18n'
import { useAppearance } from '../lib/use-appearance'
import { TID } from '../test-ids'

export function AppearanceSetting() {
  const { appearance, setAppearance, error } = useAppearance()
  const t = useT()
  return (
    <label className="appearance-setting">
      {t('appearance.label')}
      <select
        data-testid={TID.appearance}
        value={appearance}
        onChange={(event) => {
          if (isAppearance(event.target.value)) setAppearance(event.target.value)
        }}
        aria-invalid={error !== null ? true : undefined}
        title={error ?? undefined}
      >
        {APPEARANCES.map((value) => (
          <option key={value} value={value}>
            {t(`appearance.${value}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
