// Every known export format. Order matters only between presets whose signatures both match:
// the one matching more signature headers wins, then the earlier one.
import { AMOCRM_DEALS } from './amocrm-deals'
import { BITRIX24_DEALS } from './bitrix24-deals'
import { EXCEL_REGISTER_EN } from './excel-register-en'
import { EXCEL_REGISTER_RU } from './excel-register-ru'
import { GETCOURSE_ORDERS } from './getcourse-orders'
import { GOOGLE_FORMS } from './google-forms'
import { JUSTCLICK_ORDERS } from './justclick-orders'
import { PAYPAL_ACTIVITY } from './paypal-activity'
import { SHOPIFY_ORDERS } from './shopify-orders'
import { TILDA_LEADS } from './tilda-leads'
import type { PresetColumn, SourcePreset } from './types'
import { WOOCOMMERCE_AOE } from './woocommerce-aoe'
import { WOOCOMMERCE_ANALYTICS } from './woocommerce-analytics'

export type { SourcePreset, PresetColumn } from './types'

export const PRESETS: readonly SourcePreset[] = [
  SHOPIFY_ORDERS,
  WOOCOMMERCE_AOE,
  WOOCOMMERCE_ANALYTICS,
  GETCOURSE_ORDERS,
  AMOCRM_DEALS,
  BITRIX24_DEALS,
  PAYPAL_ACTIVITY,
  TILDA_LEADS,
  GOOGLE_FORMS,
  JUSTCLICK_ORDERS,
  EXCEL_REGISTER_RU,
  EXCEL_REGISTER_EN
]

const key = (h: string) => h.trim().toLowerCase()

/** Index of the first header the preset column names, or -1. */
export function findPresetColumn(headers: readonly string[], column: PresetColumn): number {
  const names = typeof column === 'string' ? [column] : column
  for (const name of names) {
    const at = headers.findIndex((h) => key(h) === key(name))
    if (at >= 0) return at
  }
  return -1
}

/** The preset whose signature the headers carry (the most signature headers wins), or null. */
export function recognizeSource(headers: readonly string[]): SourcePreset | null {
  let best: SourcePreset | null = null
  for (const preset of PRESETS) {
    if (!preset.signature.every((column) => findPresetColumn(headers, column) >= 0)) continue
    if (best === null || preset.signature.length > best.signature.length) best = preset
  }
  return best
}

export function presetById(id: string): SourcePreset | undefined {
  return PRESETS.find((p) => p.id === id)
}
