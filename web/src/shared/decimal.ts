// Rates are typed and shown as decimal text and sent as integers. The decimal point is moved in the text, never by
// floating-point arithmetic: 0.6 % is exactly 6000 ppm, while 0.6 * 10000 in binary floating point is not.

/** "0.6" with 4 places → 6000; null unless the text is a non-negative number with at most `places` decimals. */
export function scaledOf(text: string, places: number): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d+))?\s*$/.exec(text)
  const fraction = match?.[2] ?? ''
  if (!match || fraction.length > places) return null
  return Number(match[1]) * 10 ** places + Number(fraction.padEnd(places, '0'))
}

/** 6000 with 4 places → "0.6" (trailing zeros dropped); the inverse of scaledOf for non-negative integers. */
export function scaledText(value: number, places: number): string {
  const scale = 10 ** places
  const fraction = value % scale
  const whole = (value - fraction) / scale
  const digits = String(fraction).padStart(places, '0').replace(/0+$/, '')
  return digits ? `${whole}.${digits}` : String(whole)
}

/** A fee in parts per million as a percentage: 1 % = 10,000 ppm, so four decimals of a percent are exact. */
export const PERCENT_PLACES_OF_PPM = 4
