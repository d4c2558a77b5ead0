import { shallowRef } from 'vue'
import { portalApi, type Merchant } from '../../api'

// The signed-in merchant, shared by the layout's banner and the onboarding page (which changes it).
const merchant = shallowRef<Merchant | null>(null)

export function useMerchant() {
  async function refresh(): Promise<Merchant> {
    merchant.value = await portalApi.merchant()
    return merchant.value
  }
  return { merchant, refresh }
}
