// The payer's amount: typed on the cashier's own keypad as yuan text, sent as integer fen, shown as ¥ with two
// decimals. The text is converted as text (decimal.ts), never through floating point.
import { scaledOf } from '@/shared/decimal'
import { yuan } from '@/shared/money'

export const AMOUNT_PLACES = 2
/** The keypad's own ceiling (50,000.00 yuan): what the API accepts below it (daily caps) is the API's to say. */
export const MAX_INPUT_FEN = 5_000_000

export const DIGIT_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const
export type KeypadKey = (typeof DIGIT_KEYS)[number] | '.' | 'del'

/** The text after one key press; a press that would make the text invalid leaves it as it was. */
export function pressKey(text: string, key: KeypadKey): string {
  if (key === 'del') return text.slice(0, -1)
  if (key === '.') {
    if (text.includes('.')) return text
    return text === '' ? '0.' : `${text}.`
  }
  const fraction = text.split('.')[1]
  if (fraction !== undefined && fraction.length >= AMOUNT_PLACES) return text
  const next = text === '0' ? key : text + key // no leading zeros: "0" then "5" is "5"
  const fen = fenOfInput(next)
  return fen === null || fen > MAX_INPUT_FEN ? text : next
}

/** The fen a keypad text stands for ("12." counts as 12); null for empty text. */
export function fenOfInput(text: string): number | null {
  if (text === '') return null
  return scaledOf(text.endsWith('.') ? text.slice(0, -1) : text, AMOUNT_PLACES)
}

/** The fen to pay, or null while the text is not a payable amount (at least 0.01). */
export function payableFen(text: string): number | null {
  const fen = fenOfInput(text)
  return fen !== null && fen >= 1 && fen <= MAX_INPUT_FEN ? fen : null
}

/** 1234 → "¥12.34". */
export function yuanLabel(fen: number | null | undefined): string {
  const text = yuan(fen)
  return text ? `¥${text}` : ''
}
