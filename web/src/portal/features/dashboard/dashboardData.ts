import { pick } from '@/shared/paging'

// GET /api/portal/dashboard: today's totals and volume by hour and pay way. Names read tolerantly while it settles.
export interface Dashboard {
  volume: number
  count: number
  successRate: number | null
  hours: number[]
  series: { payWay: string; amounts: number[] }[]
}

export function readDashboard(raw: unknown): Dashboard {
  const hours = Array.from({ length: 24 }, (_, h) => h)
  const byWay = new Map<string, number[]>()
  const rows = pick<unknown[]>(raw, 'by_hour', 'hourly', 'volume_by_hour', 'buckets') ?? []
  for (const row of rows) {
    const hour = hourOf(pick(row, 'hour', 'at', 'bucket'))
    if (hour === null) continue
    const nested = pick<Record<string, number>>(row, 'by_pay_way')
    const entries: [string, number][] = nested
      ? Object.entries(nested)
      : [[pick<string>(row, 'pay_way') ?? 'ALL', pick<number>(row, 'paid_amount', 'amount', 'volume', 'success_amount') ?? 0]]
    for (const [way, amount] of entries) {
      const list = byWay.get(way) ?? new Array<number>(24).fill(0)
      list[hour] += Number(amount) || 0
      byWay.set(way, list)
    }
  }
  return {
    volume: pick<number>(raw, 'paid_amount', 'volume', 'success_amount', 'total_amount', 'amount') ?? 0,
    count: pick<number>(raw, 'paid_count', 'count', 'success_count', 'order_count') ?? 0,
    successRate: pick<number>(raw, 'success_rate') ?? null,
    hours,
    series: [...byWay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([payWay, amounts]) => ({ payWay, amounts })),
  }
}

function hourOf(value: unknown): number | null {
  if (typeof value === 'number' && value >= 0 && value < 24) return Math.trunc(value)
  if (typeof value === 'string') {
    // "10", "10:00" or a full RFC 3339 time in the platform's zone (+08:00)
    const m = /(?:T|^)(\d{1,2})(?::|$)/.exec(value)
    const h = m ? Number(m[1]) : NaN
    return h >= 0 && h < 24 ? h : null
  }
  return null
}
