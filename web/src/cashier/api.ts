// The payer's calls (cashier-spec "JSON API"). No token and no payer id: the gateway knows the payer from its
// HttpOnly AGGPAY_PAYER cookie, which the browser sends by itself on these same-origin calls.

export interface StoreInfo { store_code: string; store_name: string; merchant_name: string }

export type OrderState = 'PAYING' | 'SUCCESS' | 'CLOSED' | 'FAILED'

/** What creating or paying an order answers: the wallet's parameters to hand to its JS bridge. */
export interface PayStart {
  pay_order_id: string
  amount: number
  pay_way: string
  pay_data_type: string
  pay_data: string
  state?: OrderState
}

export interface CashierOrder {
  pay_order_id: string
  amount: number
  subject?: string | null
  state: OrderState
  pay_way?: string | null
  expires_at?: string | null
  store_name?: string | null
}

/** A problem answer ({"code","message"}), or status 0 when the server could not be reached. */
export class CashierError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** STATIC_QR_DAILY_CAP: the fen this payer may still pay by static codes today. */
    readonly remaining?: number,
  ) {
    super(message || code)
    this.name = 'CashierError'
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(`/api/cashier${path}`, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (e) {
    throw new CashierError(0, 'NETWORK_ERROR', e instanceof Error ? e.message : String(e))
  }
  const text = await response.text()
  let json: Record<string, unknown> = {}
  try {
    json = text ? JSON.parse(text) : {}
  } catch {
    // a proxy's HTML error page: the status says enough
  }
  if (!response.ok) {
    throw new CashierError(response.status, String(json.code ?? `HTTP_${response.status}`),
      String(json.message ?? json.detail ?? ''), typeof json.remaining === 'number' ? json.remaining : undefined)
  }
  return json as T
}

const segment = encodeURIComponent

export const cashierApi = {
  store: (storeCode: string) => call<StoreInfo>('GET', `/stores/${segment(storeCode)}`),
  createOrder: (body: { store_code: string; amount: number; request_id: string }) =>
    call<PayStart>('POST', '/orders', body),
  order: (payOrderId: string) => call<CashierOrder>('GET', `/orders/${segment(payOrderId)}`),
  pay: (payOrderId: string) => call<PayStart>('POST', `/orders/${segment(payOrderId)}/pay`),
}

/** A fresh UUID for one pay press sequence. randomUUID needs a secure context; getRandomValues does not. */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40 // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80 // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
