// The operator console's calls (API.md "Portal and operator API", operator side), typed.
import { createApiClient, sessionStore, type Query } from '@/shared/http'
import { router } from './router'

export const session = sessionStore('aggpay-admin-token')
export const http = createApiClient('/api/admin', session, () => {
  const current = router.currentRoute.value
  if (current.name !== 'login') void router.push({ name: 'login', query: { expired: '1', next: current.fullPath } })
})

export interface MerchantRow {
  merchant_id: string
  mch_no?: string | null
  company_name?: string
  email?: string
  state: string
  reject_reason?: string | null
  submitted_at?: string | null
  created_at?: string
}

export interface ChannelHealth {
  name: string
  type: string
  account_id?: string
  enabled: boolean
  priority?: number
  weight?: number
  samples: number
  success_rate: number
  latency_p50_ms: number
  latency_p95_ms: number
  latency_p99_ms: number
  circuit_state: string
  quota_used_today: number
  daily_cap: number | null
}

export interface Discrepancy {
  type: string
  out_trade_no?: string
  out_refund_no?: string
  platform_amount?: number | null
  channel_amount?: number | null
  note?: string
}

export interface Reconciliation {
  channel: string
  date: string
  matched_count: number
  matched_amount: number
  discrepancies: Discrepancy[]
}

const id = encodeURIComponent

export const adminApi = {
  login: (body: { username: string; password: string }) =>
    http.request<{ token: string }>('POST', '/login', { json: body, anonymous: true }),
  logout: () => http.post<unknown>('/logout'),
  merchants: (query: Query) => http.get<unknown>('/merchants', query),
  merchant: (merchantId: string) => http.get<Record<string, unknown>>(`/merchants/${id(merchantId)}`),
  licence: (merchantId: string) => http.blob(`/merchants/${id(merchantId)}/licence`),
  approve: (merchantId: string) =>
    http.post<{ merchant_id: string; state: string; mch_no: string }>(`/merchants/${id(merchantId)}/approve`),
  reject: (merchantId: string, reason: string) =>
    http.post<{ merchant_id: string; state: string; reject_reason: string }>(`/merchants/${id(merchantId)}/reject`, { reason }),
  channels: () => http.get<ChannelHealth[]>('/channels'),
  webhookEvents: (query: Query) => http.get<unknown>('/webhooks/events', query),
  resendEvent: (eventId: string) => http.post<unknown>(`/webhooks/events/${id(eventId)}/resend`),
  reconcile: (channel: string, date: string) => http.post<Reconciliation>('/reconciliations', { channel, date }),
  audit: (query: Query) => http.get<unknown>('/audit', query),
}
