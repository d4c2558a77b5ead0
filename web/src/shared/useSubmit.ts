import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { describe } from './errors'

/**
 * A form's submit: busy while the action runs, and a failure described in `error` for the user, unless
 * `placeError` puts it somewhere better (next to a field) and answers true.
 */
export function useSubmit(action: () => Promise<unknown>, placeError?: (failure: unknown) => boolean) {
  const { t } = useI18n()
  const busy = ref(false)
  const error = ref('')

  async function submit() {
    error.value = ''
    busy.value = true
    try {
      await action()
    } catch (e) {
      if (!placeError?.(e)) error.value = describe(e, t)
    } finally {
      busy.value = false
    }
  }

  return { busy, error, submit }
}
