// The states an order goes through in the journal, shared by the engine and the IPC contract.
// pending -> sending -> succeeded | failed | unknown (| back to pending); skipped never sends.
export const ORDER_STATES = ['pending', 'sending', 'succeeded', 'failed', 'unknown', 'skipped'] as const
export type OrderState = (typeof ORDER_STATES)[number]
