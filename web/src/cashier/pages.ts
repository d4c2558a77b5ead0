// The cashier's two pages are real paths (the gateway's authorisation return lands on them), so the page is read
// from the location itself: no router needed for two screens.

export type CashierPage =
  | { kind: 'store'; storeCode: string }
  | { kind: 'order'; payOrderId: string }
  | { kind: 'unknown' }

export function pageOf(pathname: string): CashierPage {
  const match = /^\/cashier\/(store|order)\/([^/]+)\/?$/.exec(pathname)
  if (!match) return { kind: 'unknown' }
  let id: string
  try {
    id = decodeURIComponent(match[2])
  } catch {
    return { kind: 'unknown' }
  }
  return match[1] === 'store' ? { kind: 'store', storeCode: id } : { kind: 'order', payOrderId: id }
}

/**
 * The payer's authorisation is missing or expired: back through the gateway's wallet authorisation, which sets a
 * new cookie and returns here. Replace, so Back does not land on the page that sent the payer away.
 */
export function authoriseAgain(path: string): void {
  window.location.replace(path)
}

export const storeEntry = (storeCode: string) => `/qr/${encodeURIComponent(storeCode)}`
export const orderEntry = (payOrderId: string) => `/cashier/pay/${encodeURIComponent(payOrderId)}`
