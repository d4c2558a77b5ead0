import { pick } from '@/shared/paging'

// What one test webhook gave (POST /api/portal/webhooks/test): delivered or not, and what the endpoint answered.
export interface TestSend {
  delivered: boolean
  httpStatus: number | null
  latencyMs: number | null
  error: string
  excerpt: string
  eventId: string
}

export function readTestSend(raw: unknown): TestSend {
  const status = pick<number>(raw, 'http_status')
  const latency = pick<number>(raw, 'latency_ms')
  return {
    delivered: pick<boolean>(raw, 'delivered') === true,
    httpStatus: typeof status === 'number' ? status : null,
    latencyMs: typeof latency === 'number' ? latency : null,
    error: pick<string>(raw, 'error') ?? '',
    excerpt: pick<string>(raw, 'response_excerpt') ?? '',
    eventId: pick<string>(raw, 'event_id') ?? '',
  }
}
