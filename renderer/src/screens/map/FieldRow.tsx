// One CreateOrder field: what it is, where its value comes from, and how sure that is.
import type { FieldSpec } from '#shared/mapping/catalog'
import type { OrderFieldKey } from '#shared/mapping/field-keys'
import type { FieldMapping, FieldSource } from '#shared/mapping/mapping'
import { fieldLabel, fieldRule } from '../../lib/field-words'
import { useFormats, useT } from '../../lib/i18n'
import { TID } from '../../test-ids'
import type { MapEditor } from './map-editor'
import { badgeFor } from './match-badge'
import { setOrderField } from './mapping-edit'
import { SourcePicker } from './SourcePicker'
import { TransformPicker } from './TransformPicker'

export function isRequired(spec: FieldSpec, shipped: boolean): boolean {
  return spec.required === 'always' || (spec.required === 'shipped' && shipped)
}

export function FieldRow({ spec, editor }: { spec: FieldSpec; editor: MapEditor }) {
  const t = useT()
  const f = useFormats()
  const key = spec.key as OrderFieldKey
  const label = fieldLabel(key, t)
  const field = editor.mapping.fields[key]
  const required = isRequired(spec, editor.mapping.shipped)
  const badge = badgeFor({ id: key, field, required, headers: editor.headers, matches: editor.matches, template: editor.template, t, percent: f.percent })
  const selectId = `field-${key}`
  const guessed = (editor.mapping.guesses ?? []).some((g) => g.field === key)

  const change = (next: FieldMapping | undefined) => editor.update(setOrderField(editor.mapping, key, next))
  const changeSource = (source: FieldSource) => change(source.kind === 'none' ? undefined : { ...field, source })

  return (
    <div className={guessed ? 'field-row guess' : 'field-row'} data-testid={TID.map.field(key)} data-guess={guessed ? 'true' : undefined}>
      <div className="field-name">
        <label htmlFor={selectId}>
          {label}
          {required && <span className="required" aria-label={t('map.required')}> *</span>}
        </label>
        <code className="api-name">{key}</code>
        <p className="field-help">{fieldRule(spec, t)}</p>
      </div>
      <div className="field-source">
        <SourcePicker
          id={selectId}
          label={label}
          source={field?.source}
          choices={editor.choices}
          samples={editor.samples}
          headers={editor.headers}
          testId={TID.map.source(key)}
          constantTestId={TID.map.constant(key)}
          onChange={changeSource}
        />
        {field && (
          <TransformPicker
            label={label}
            type={spec.type}
            transform={field.transform}
            defaults={editor.mapping.defaults}
            onChange={(transform) => change(transform ? { ...field, transform } : { source: field.source })}
          />
        )}
      </div>
      <span className={`badge badge-${badge.tone}`} title={badge.title} data-testid={TID.map.badge(key)}>{badge.text}</span>
    </div>
  )
}
