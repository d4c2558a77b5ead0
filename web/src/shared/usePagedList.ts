import { ref, shallowRef } from 'vue'
import { toPage } from './paging'

/** A cursor-paged list: `reload()` for new filters, `more()` for the next page. */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<unknown>) {
  const items = shallowRef<T[]>([])
  const cursor = ref<string | null>(null)
  const loading = ref(false)
  const error = shallowRef<unknown>(null)

  async function load(reset: boolean) {
    loading.value = true
    error.value = null
    try {
      const page = toPage<T>(await fetchPage(reset ? null : cursor.value))
      items.value = reset ? page.items : [...items.value, ...page.items]
      cursor.value = page.nextCursor
    } catch (e) {
      error.value = e
      if (reset) items.value = []
    } finally {
      loading.value = false
    }
  }

  return { items, cursor, loading, error, reload: () => load(true), more: () => load(false) }
}
