// Saves the mapping under a name; files with the same headers get it applied automatically.
import { useEffect, useId, useState, type FormEvent } from 'react'
import { ErrorMessage, StatusMessage } from '../../components/Messages'
import { useAction } from '../../lib/use-action'
import { useT } from '../../lib/i18n'
import { TID } from '../../test-ids'

export function TemplateSave({ sessionId, suggestion }: { sessionId: string; suggestion: string }) {
  const action = useAction()
  const t = useT()
  const inputId = useId()
  const listId = useId()
  const [name, setName] = useState(suggestion)
  const [existing, setExisting] = useState<string[]>([])
  const [saved, setSaved] = useState<string | null>(null)
  const { run } = action

  useEffect(() => {
    run('templates.list', {}).then((list) => list && setExisting(list.map((t) => t.name)))
  }, [run])

  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(null)
    const trimmed = name.trim()
    if (!trimmed) {
      action.setError(t('map.templateNeedName'))
      return
    }
    const value = await run('templates.save', { sessionId, name: trimmed })
    if (!value) return
    setExisting((old) => (old.includes(value.name) ? old : [...old, value.name]))
    setSaved(t('map.templateSaved', { name: value.name }))
  }

  const replaces = existing.includes(name.trim())
  return (
    <form className="card template" onSubmit={save}>
      <h2>{t('map.template')}</h2>
      <div className="inline-controls">
        <label htmlFor={inputId}>{t('map.templateName')}</label>
        <input id={inputId} list={listId} data-testid={TID.map.templateName} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        <datalist id={listId}>{existing.map((n) => <option key={n} value={n} />)}</datalist>
        <button type="submit" data-testid={TID.map.templateSave} disabled={action.busy}>{replaces ? t('map.templateReplace') : t('map.templateSave')}</button>
      </div>
      {replaces && <p className="hint">{t('map.templateExists')}</p>}
      <ErrorMessage message={action.error} testId="template-error" />
      <StatusMessage message={saved} />
    </form>
  )
}
