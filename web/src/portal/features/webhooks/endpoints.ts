import { pick, toPage } from '@/shared/paging'

// The merchant's webhook endpoints as notify-service keeps them (through GET /api/portal/webhooks/endpoints).
export type EndpointState = 'ACTIVE' | 'FAILING' | 'DISABLED'

export interface EndpointError {
  at: string
  httpStatus: number | null
  outcome: string
  error: string
  /** The first bytes of the endpoint's answer, on one line. */
  excerpt: string
}

export interface WebhookEndpoint {
  url: string
  state: EndpointState
  /** GONE (it answered 410) or FAILING_TOO_LONG; null unless disabled. */
  disabledReason: string | null
  disabledAt: string
  failingSince: string
  consecutiveFailures: number
  pendingEvents: number
  /** Newest first. */
  lastErrors: EndpointError[]
}

/** How much of an answer the banner shows: enough to recognise an error page, not a whole one. */
export const EXCERPT_CHARS = 160

export function oneLine(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

export function readEndpoints(answer: unknown): WebhookEndpoint[] {
  return toPage<unknown>(answer).items.map((raw): WebhookEndpoint => {
    const state = pick<string>(raw, 'state')
    return {
      url: pick<string>(raw, 'url') ?? '',
      state: state === 'DISABLED' || state === 'FAILING' ? state : 'ACTIVE',
      disabledReason: pick<string>(raw, 'disabled_reason') ?? null,
      disabledAt: pick<string>(raw, 'disabled_at') ?? '',
      failingSince: pick<string>(raw, 'failing_since') ?? '',
      consecutiveFailures: pick<number>(raw, 'consecutive_failures') ?? 0,
      pendingEvents: pick<number>(raw, 'pending_events') ?? 0,
      lastErrors: (pick<unknown[]>(raw, 'last_errors') ?? []).map((e): EndpointError => {
        const status = pick<number>(e, 'http_status')
        return {
          at: pick<string>(e, 'at') ?? '',
          httpStatus: typeof status === 'number' ? status : null,
          outcome: pick<string>(e, 'outcome') ?? '',
          error: pick<string>(e, 'error') ?? '',
          excerpt: oneLine(pick<string>(e, 'response_excerpt') ?? ''),
        }
      }),
    }
  })
}

/** The endpoints the merchant must hear about: disabled ones first, then failing ones. */
export function needingAttention(endpoints: WebhookEndpoint[]): WebhookEndpoint[] {
  const rank = (e: WebhookEndpoint) => (e.state === 'DISABLED' ? 0 : 1)
  return endpoints.filter((e) => e.state !== 'ACTIVE').sort((a, b) => rank(a) - rank(b))
}
