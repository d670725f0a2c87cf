// The app's screens, in the order of the left step bar.

export type StepId = 'connection' | 'load' | 'map' | 'review' | 'send' | 'history'

export interface StepInfo {
  id: StepId
  number: string | null
  label: string
}

export const STEPS: readonly StepInfo[] = [
  { id: 'connection', number: null, label: 'Connection' },
  { id: 'load', number: '1', label: 'Load' },
  { id: 'map', number: '2', label: 'Map' },
  { id: 'review', number: '3', label: 'Review' },
  { id: 'send', number: '4', label: 'Send' },
  { id: 'history', number: null, label: 'History' }
]
