// List endpoints answer `{"items": [...], "next_cursor": "..."}`; a bare array (or `data`) is read the same way,
// so a page keeps working while the read endpoints settle their shape.

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export function toPage<T>(answer: unknown): Page<T> {
  if (Array.isArray(answer)) return { items: answer as T[], nextCursor: null }
  if (answer && typeof answer === 'object') {
    const record = answer as Record<string, unknown>
    const items = [record.items, record.data, record.content, record.events].find(Array.isArray)
    const cursor = record.next_cursor ?? record.nextCursor ?? null
    return { items: (items ?? []) as T[], nextCursor: cursor == null || cursor === '' ? null : String(cursor) }
  }
  return { items: [], nextCursor: null }
}

/** The first present of several field names: tolerates `event_id` vs `id`, `at` vs `created_at`. */
export function pick<T = unknown>(record: unknown, ...names: string[]): T | undefined {
  if (!record || typeof record !== 'object') return undefined
  const r = record as Record<string, unknown>
  for (const name of names) {
    if (r[name] !== undefined && r[name] !== null) return r[name] as T
  }
  return undefined
}
