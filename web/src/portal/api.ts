// The merchant portal's calls (API.md "Portal and operator API"), typed. Read endpoints answer pages
// (`items` + `next_cursor`); toPage() in the views reads either shape.
import { createApiClient, sessionStore, withQuery, type Query } from '@/shared/http'
import { router } from './router'

export const session = sessionStore('aggpay-portal-token')
export const http = createApiClient('/api/portal', session, () => {
  const current = router.currentRoute.value
  if (current.name !== 'login') void router.push({ name: 'login', query: { expired: '1', next: current.fullPath } })
})

export type MerchantState = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED'

export interface Merchant {
  merchant_id: string
  mch_no?: string | null
  state: MerchantState
  reject_reason?: string | null
  company_name?: string
}

export interface Kyc {
  company_name: string
  uscc: string
  legal_person: string
  legal_person_id_no: string
  contact_phone: string
  business_category: string
  settlement_account_name: string
  settlement_bank: string
  settlement_account_no: string
}

export interface HistoryEntry { at: string; actor: string; action: string; reason?: string | null }

export interface AppSummary {
  app_id: string
  name?: string
  webhook_url?: string | null
  state?: string
  enabled?: boolean
  sign_type?: string
  has_rsa_public_key?: boolean
  created_at?: string
}

export interface CreatedApp { app_id: string; app_secret: string; webhook_secret: string }
export interface RotatedSecret { app_id: string; app_secret: string; previous_valid_until: string }

export interface Order {
  pay_order_id: string
  mch_order_no: string
  app_id?: string
  amount: number
  currency: string
  pay_way: string
  subject?: string
  state: string
  channel?: string | null
  channel_trade_no?: string | null
  refunded_amount?: number
  created_at: string
  paid_at?: string | null
  attempts?: unknown[]
  routing_attempts?: unknown[]
  refunds?: Refund[]
}

export interface Refund {
  refund_id: string
  pay_order_id: string
  mch_refund_no?: string
  amount: number
  state: string
  created_at?: string
}

export interface PortalUser { email: string; role: string; created_at?: string; user_id?: string; disabled?: boolean }

/** A store's static code (聚合码): `qr_url` is what the printed QR code encodes. */
export interface Store {
  store_code: string
  name: string
  qr_url: string
  app_id: string
  state: 'ACTIVE' | 'DISABLED'
  /** The code issued in this one's place by a re-issue. */
  replaced_by?: string | null
  created_at?: string
}

const storePath = (code: string) => `/stores/${encodeURIComponent(code)}`

export const portalApi = {
  signup: (body: { email: string; password: string; company_name: string }) =>
    http.request<{ merchant_id: string; state: string }>('POST', '/signup', { json: body, anonymous: true }),
  login: (body: { email: string; password: string }) =>
    http.request<{ token: string; expires_at: string }>('POST', '/login', { json: body, anonymous: true }),
  merchant: () => http.get<Merchant>('/merchant'),
  history: () => http.get<unknown>('/merchant/history'),
  kyc: () => http.get<Partial<Kyc>>('/kyc'),
  saveKyc: (kyc: Kyc) => http.put<Partial<Kyc>>('/kyc', kyc),
  uploadLicence(file: Blob, name: string) {
    const form = new FormData()
    form.append('file', file, name)
    return http.request<unknown>('POST', '/kyc/licence', { form })
  },
  submitKyc: () => http.post<{ merchant_id: string; state: string }>('/kyc/submit'),
  apps: () => http.get<unknown>('/apps'),
  createApp: (body: { name: string; webhook_url: string }) => http.post<CreatedApp>('/apps', body),
  rotateSecret: (appId: string) => http.post<RotatedSecret>(`/apps/${encodeURIComponent(appId)}/rotate-secret`),
  uploadRsaKey: (appId: string, pem: string) =>
    http.put<unknown>(`/apps/${encodeURIComponent(appId)}/rsa-public-key`, { public_key_pem: pem }),
  setWebhookUrl: (appId: string, url: string) =>
    http.put<unknown>(`/apps/${encodeURIComponent(appId)}/webhook-url`, { webhook_url: url }),
  webhookEvents: (query: Query) => http.get<unknown>('/webhooks/events', query),
  resendEvent: (eventId: string) => http.post<unknown>(`/webhooks/events/${encodeURIComponent(eventId)}/resend`),
  webhookEndpoints: () => http.get<unknown>('/webhooks/endpoints'),
  enableEndpoint: (url: string) =>
    http.post<{ url: string; state: string; replayed: number }>('/webhooks/endpoints/enable', { url }),
  testWebhook: (appId: string) => http.post<unknown>('/webhooks/test', { app_id: appId }),
  orders: (query: Query) => http.get<unknown>('/orders', query),
  // GET /orders/{id} answers {order, attempts, refunds}: the drawer reads one Order with its attempts and refunds
  async order(payOrderId: string): Promise<Order> {
    const detail = await http.get<{ order: Order; attempts?: unknown[]; refunds?: Refund[] }>(
      `/orders/${encodeURIComponent(payOrderId)}`)
    return { ...detail.order, attempts: detail.attempts ?? [], refunds: detail.refunds ?? [] }
  },
  refund: (body: { pay_order_id: string; amount: number; reason: string; mch_refund_no?: string }) =>
    http.post<Refund>('/refunds', body),
  refunds: (query: Query) => http.get<unknown>('/refunds', query),
  statement: (date: string) => http.request<Response>('GET', `/statements/${encodeURIComponent(date)}`, { raw: true }),
  dashboard: () => http.get<Record<string, unknown>>('/dashboard'),
  users: () => http.get<unknown>('/users'),
  addUser: (body: { email: string; password: string; role: string }) => http.post<PortalUser>('/users', body),
  setUserDisabled: (userId: string, disabled: boolean) =>
    http.post<PortalUser>(`/users/${encodeURIComponent(userId)}/${disabled ? 'disable' : 'enable'}`),
  stores: () => http.get<unknown>('/stores'),
  createStore: (body: { name: string; app_id?: string }) => http.post<Store>('/stores', body),
  // The images come with the bearer token, so they are fetched as blobs (shown and saved through blob URLs).
  storeQr: (code: string) => http.blob(`${storePath(code)}/qr.png`),
  storePoster: (code: string) => http.blob(`${storePath(code)}/poster`),
  disableStore: (code: string) => http.post<Store>(`${storePath(code)}/disable`),
  reissueStore: (code: string) => http.post<Store>(`${storePath(code)}/reissue`),
}

/** The platform's public key is public: no token, outside /api/portal. */
export async function platformPublicKey(): Promise<{ key_id: string; algorithm: string; public_key_pem: string }> {
  const response = await fetch(withQuery('/api/v1/platform/public-key'))
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.json()
}

/** The merchant API's OpenAPI document is public too (a gateway route of its own), read by the developer page. */
export async function merchantApiDocument(): Promise<unknown> {
  const response = await fetch('/api/v1/openapi.json', { headers: { Accept: 'application/json' } })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.json()
}
