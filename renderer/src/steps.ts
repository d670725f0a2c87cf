// The app's screens, in the order of the left step bar.

export type StepId = 'connection' | 'load' | 'map' | 'products' | 'review' | 'send' | 'history'

export interface StepInfo {
  id: StepId
  number: string | null
}

/** Each step's name is the catalog's `step.<id>`. */
export const STEPS: readonly StepInfo[] = [
  { id: 'connection', number: null },
  { id: 'load', number: '1' },
  { id: 'map', number: '2' },
  { id: 'products', number: '3' },
  { id: 'review', number: '4' },
  { id: 'send', number: '5' },
  { id: 'history', number: null }
]
