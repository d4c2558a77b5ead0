import { pick } from '../paging'

// A webhook event and its delivery attempts as both the portal and the console list them; names read tolerantly.
export interface DeliveryAttempt {
  seq: number
  at: string
  status: number | null
  outcome: string
  error: string
  durationMs: number | null
  /** The first bytes of the endpoint's answer, as notify-service recorded them. */
  excerpt: string
}

export interface WebhookEvent {
  id: string
  type: string
  state: string
  createdAt: string
  subject: string
  appId: string
  url: string
  attempts: DeliveryAttempt[]
}

export function readEvent(raw: unknown): WebhookEvent {
  const attempts = (pick<unknown[]>(raw, 'attempts', 'deliveries') ?? []).map((a, i): DeliveryAttempt => {
    const status = pick<number>(a, 'status_code', 'http_status', 'response_status', 'status')
    return {
      seq: pick<number>(a, 'attempt', 'attempt_no', 'seq') ?? i + 1,
      at: pick<string>(a, 'at', 'started_at', 'attempted_at', 'created_at', 'sent_at') ?? '',
      status: typeof status === 'number' ? status : null,
      outcome: pick<string>(a, 'outcome', 'result', 'state') ?? '',
      error: pick<string>(a, 'error', 'error_message', 'message') ?? '',
      durationMs: pick<number>(a, 'duration_ms', 'latency_ms', 'elapsed_ms') ?? null,
      excerpt: pick<string>(a, 'response_excerpt', 'excerpt') ?? '',
    }
  })
  const data = pick<Record<string, unknown>>(raw, 'data') ?? pick<Record<string, unknown>>(body(raw), 'data')
  return {
    id: pick<string>(raw, 'event_id', 'id') ?? '',
    type: pick<string>(raw, 'type', 'event_type') ?? '',
    state: pick<string>(raw, 'state', 'status', 'delivery_state') ?? '',
    createdAt: pick<string>(raw, 'created_at', 'at') ?? '',
    subject: pick<string>(raw, 'pay_order_id', 'refund_id', 'subject_id') ?? pick<string>(data, 'pay_order_id', 'refund_id') ?? '',
    appId: pick<string>(raw, 'app_id') ?? '',
    url: pick<string>(raw, 'url', 'notify_url', 'endpoint') ?? '',
    attempts,
  }
}

/** notify-service lists each event with the exact body it sends (a JSON string): the order or refund is in it. */
function body(raw: unknown): unknown {
  const text = pick<string>(raw, 'body')
  if (typeof text !== 'string') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
