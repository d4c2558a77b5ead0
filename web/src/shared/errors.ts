import { ElMessage } from 'element-plus'
import type { Composer } from 'vue-i18n'
import { ApiError } from './http'

/** The problem's own `detail` is what the user reads: it says what is wrong, in the server's words. */
export function describe(error: unknown, t: Composer['t']): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('common.networkError')
    return t('common.requestFailed', { code: error.code, detail: error.detail })
  }
  return error instanceof Error ? error.message : String(error)
}

export function showError(error: unknown, t: Composer['t']): void {
  ElMessage({ type: 'error', message: describe(error, t), showClose: true, duration: 6000 })
}

/** A 400 naming a field: its message belongs next to that field, not in a toast. */
export function fieldError(error: unknown): { param: string; detail: string } | null {
  return error instanceof ApiError && error.status === 400 && error.param
    ? { param: error.param, detail: error.detail }
    : null
}
