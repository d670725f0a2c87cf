// The three-way appearance setting in the header: the system's (the browser's), light or dark.
import { APPEARANCE_LABELS, APPEARANCES, isAppearance } from '#shared/ipc/appearance'
import { useAppearance } from '../lib/use-appearance'
import { TID } from '../test-ids'

export function AppearanceSetting() {
  const { appearance, setAppearance, error } = useAppearance()
  return (
    <label className="appearance-setting">
      Appearance
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
            {APPEARANCE_LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  )
}
