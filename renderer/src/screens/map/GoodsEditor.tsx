// Goods of an order: one or more product/price column pairs taken from the same row, plus how rows
// become orders (the group-by column) and whether the goods are shipped.
import { Fragment } from 'react'
import type { FieldMapping, FieldSource } from '#shared/mapping/mapping'
import { fieldLabel } from '../../lib/field-words'
import { useFormats, useT } from '../../lib/i18n'
import { TID } from '../../test-ids'
import { goodFieldId, type GoodPart } from './field-targets'
import type { MapEditor } from './map-editor'
import { badgeFor } from './match-badge'
import { addGood, removeGood, setGoodPart } from './mapping-edit'
import { SourcePicker } from './SourcePicker'
import { TransformPicker } from './TransformPicker'

const GOOD_PARTS: readonly GoodPart[] = ['name', 'sum']

export function GoodsEditor({ editor }: { editor: MapEditor }) {
  const t = useT()
  const { mapping } = editor
  return (
    <fieldset className="card field-group">
      <legend>{t('map.goods')}</legend>
      <p className="hint">{t('map.goodsHint')}</p>
      {mapping.goods.map((_, index) => (
        <GoodRow key={index} index={index} editor={editor} />
      ))}
      <button type="button" data-testid={TID.map.addGood} onClick={() => editor.update(addGood(mapping))}>{t('map.addGood')}</button>
    </fieldset>
  )
}

function GoodRow({ index, editor }: { index: number; editor: MapEditor }) {
  const t = useT()
  const f = useFormats()
  const { mapping } = editor
  const good = mapping.goods[index]
  if (!good) return null
  const number = index + 1
  const change = (part: GoodPart, next: FieldMapping | undefined) => editor.update(setGoodPart(mapping, index, part, next))
  const changeSource = (part: GoodPart, old: FieldMapping | undefined, source: FieldSource) =>
    change(part, source.kind === 'none' && part === 'sum' ? undefined : { ...old, source })

  const part = (which: GoodPart) => {
    const partLabel = fieldLabel(which === 'name' ? 'good_name' : 'good_sum', t)
    const field = which === 'name' ? good.name : good.sum
    const id = goodFieldId(index, which)
    const label = t('map.goodPart', { number, label: partLabel })
    const badge = badgeFor({ id, field, required: which === 'name', headers: editor.headers, matches: editor.matches, template: editor.template, t, percent: f.percent })
    const guessed = (editor.mapping.guesses ?? []).some((g) => g.field === `goods[${index}][${which === 'name' ? 'good_name' : 'good_sum'}]`)
    return (
      <div className={guessed ? 'good-part guess' : 'good-part'} data-guess={guessed ? 'true' : undefined}>
        <label htmlFor={`good-${index}-${which}`}>{partLabel}{which === 'name' && <span className="required" aria-label={t('map.required')}> *</span>}</label>
        <SourcePicker
          id={`good-${index}-${which}`}
          label={label}
          source={field?.source}
          choices={editor.choices}
          samples={editor.samples}
          headers={editor.headers}
          noneLabel={which === 'sum' ? t('map.shopPrice') : t('map.notMapped')}
          testId={which === 'name' ? TID.map.goodName(index) : TID.map.goodSum(index)}
          onChange={(source) => changeSource(which, field, source)}
        />
        {which === 'sum' && field && (
          <TransformPicker
            label={label}
            type="money"
            transform={field.transform}
            defaults={mapping.defaults}
            onChange={(transform) => change('sum', transform ? { ...field, transform } : { source: field.source })}
          />
        )}
        <span className={`badge badge-${badge.tone}`} title={badge.title}>{badge.text}</span>
      </div>
    )
  }

  return (
    <div className="good-row" role="group" aria-label={t('map.good', { number })}>
      <h3>{t('map.good', { number })}</h3>
      {GOOD_PARTS.map((which) => <Fragment key={which}>{part(which)}</Fragment>)}
      {mapping.goods.length > 1 && (
        <button type="button" className="link-button" data-testid={TID.map.removeGood(index)} onClick={() => editor.update(removeGood(mapping, index))}>
          {t('map.removeGood', { number })}
        </button>
      )}
    </div>
  )
}
