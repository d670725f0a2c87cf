// Which API function a request path names. The real service tells accounts apart by host name
// (login.influencersoft.com); the sandbox serves one account at /api/... and also accepts the
// login as a first path segment, /<login>/api/..., so a wrong login can be tried out.
export const API_FUNCTIONS = ['CreateOrder', 'GetBills', 'getOrderDetails', 'getOrdersWithGoods', 'DeleteOrder', 'GetAllGoods', 'UpdateOrderStatus'] as const
export type ApiFunction = (typeof API_FUNCTIONS)[number]

export interface Route {
  fn: ApiFunction
  /** The login from /<login>/api/..., when the path has one. */
  login?: string
}

const BY_LOWER_NAME = new Map<string, ApiFunction>(API_FUNCTIONS.map((fn) => [fn.toLowerCase(), fn]))

export function matchRoute(url: string | undefined): Route | undefined {
  const path = (url ?? '').split('?')[0] ?? ''
  const match = /^\/(?:([^/]+)\/)?api\/([^/]+)\/?$/.exec(path)
  if (!match) return undefined
  const fn = BY_LOWER_NAME.get(decodeSegment(match[2] ?? '').toLowerCase())
  if (!fn) return undefined
  return match[1] === undefined ? { fn } : { fn, login: decodeSegment(match[1]) }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
