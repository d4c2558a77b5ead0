// The platform's business day is Asia/Shanghai's, whatever the browser's zone (statements, dashboards, bills).
export const PLATFORM_ZONE = 'Asia/Shanghai'

export function shanghaiDate(at: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone: PLATFORM_ZONE }).format(at)
}

export function dateTime(value: string | null | undefined, locale: string): string {
  if (!value) return ''
  const at = new Date(value)
  if (Number.isNaN(at.getTime())) return value
  return new Intl.DateTimeFormat(locale, {
    timeZone: PLATFORM_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).format(at)
}
