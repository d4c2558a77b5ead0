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

/** GET/PATCH /api/admin/channels/{name}: amounts in fen, the fee in parts per million; null limits = none. */
export interface ChannelConfig {
  name: string
  type: string
  account_id?: string | null
  pay_ways: string[]
  enabled: boolean
  priority: number
  weight: number
  fee_rate_ppm: number
  min_amount: number
  max_amount: number | null
  daily_cap: number | null
  api_base_url?: string | null
  created_at?: string | null
  updated_at?: string | null
}

/** The fields PATCH accepts; absent ones keep their value, null clears a limit. */
export type ChannelSettingsPatch = Partial<Pick<ChannelConfig, 'enabled' | 'priority' | 'weight' | 'fee_rate_ppm'
  | 'min_amount' | 'max_amount' | 'daily_cap' | 'pay_ways'>>

export interface Contract {
  channel: string
  enabled: boolean
  sub_mch_id: string | null
  daily_cap: number | null
  created_at?: string | null
  updated_at?: string | null
}

/** PUT replaces the whole contract: a null sub_mch_id or daily_cap clears it. */
export interface ContractBody {
  enabled: boolean
  sub_mch_id: string | null
  daily_cap: number | null
}

/** The strategies the router's ConfigureRouting accepts. */
export const STRATEGIES = ['SUCCESS_RATE', 'FIXED_PRIORITY', 'WEIGHTED', 'LOWEST_FEE'] as const

export interface RoutingPolicy {
  mch_no: string
  strategy: string
  min_sample: number
  exploration_share: number
  /** true: the merchant has no policy of its own and follows the platform default */
  inherited: boolean
  updated_at?: string | null
}

export interface RoutingPolicyBody {
  strategy: string
  min_sample: number
  /** 0..1, at most four decimals */
  exploration_share: number
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
  channel: (name: string) => http.get<ChannelConfig>(`/channels/${id(name)}`),
  changeChannel: (name: string, patch: ChannelSettingsPatch) =>
    http.request<ChannelConfig>('PATCH', `/channels/${id(name)}`, { json: patch }),
  contracts: (mchNo: string) => http.get<{ mch_no: string; contracts: Contract[] }>(`/contracts/${id(mchNo)}`),
  putContract: (mchNo: string, channel: string, body: ContractBody) =>
    http.put<Contract>(`/contracts/${id(mchNo)}/${id(channel)}`, body),
  routing: (mchNo: string) => http.get<RoutingPolicy>(`/routing/${id(mchNo)}`),
  putRouting: (mchNo: string, body: RoutingPolicyBody) => http.put<RoutingPolicy>(`/routing/${id(mchNo)}`, body),
  resetRouting: (mchNo: string) => http.request<void>('DELETE', `/routing/${id(mchNo)}`),
  webhookEvents: (query: Query) => http.get<unknown>('/webhooks/events', query),
  resendEvent: (eventId: string) => http.post<unknown>(`/webhooks/events/${id(eventId)}/resend`),
  reconcile: (channel: string, date: string) => http.post<Reconciliation>('/reconciliations', { channel, date }),
  audit: (query: Query) => http.get<unknown>('/audit', query),
}
