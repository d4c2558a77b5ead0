// Money stays integer fen end to end; only the display and the input are in yuan, converted as text, never float.

export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return ''
  const negative = fen < 0
  const abs = Math.abs(Math.trunc(fen))
  const text = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
  return negative ? `-${text}` : text
}

/** "12.3" → 1230; null when the text is not a positive amount with at most two decimals. */
export function fenOf(text: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text)
  if (!match) return null
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return fen > 0 ? fen : null
}
