import { onBeforeUnmount, ref, shallowRef } from 'vue'
import { cashierApi, CashierError, type CashierOrder, type PayStart } from './api'
import { openWallet, type WalletOutcome } from './bridge'

/** How often the page asks for the order's state while the payer is in the wallet. */
export const POLL_INTERVAL_MS = 1_500

export type PaymentPhase = 'idle' | 'starting' | 'waiting' | 'done'

/**
 * One payment, from the order the platform answers to its final state: the wallet's bridge is opened and, whatever
 * it answers, the order is polled until it leaves PAYING. The payer can open the wallet again while waiting.
 * `onUnauthorized` runs when the payer's cookie is gone (it sends the payer back through authorisation).
 */
export function usePayment(onUnauthorized: () => void) {
  const phase = ref<PaymentPhase>('idle')
  const started = shallowRef<PayStart | null>(null)
  const wallet = ref<WalletOutcome | 'opening'>('opening')
  const result = shallowRef<CashierOrder | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let polling = false

  /** Runs the call that answers the wallet's parameters; its errors (none of them left to wait on) are thrown. */
  async function begin(start: () => Promise<PayStart>): Promise<void> {
    phase.value = 'starting'
    let answer: PayStart
    try {
      answer = await start()
    } catch (e) {
      phase.value = 'idle'
      if (e instanceof CashierError && e.status === 401) onUnauthorized()
      throw e
    }
    started.value = answer
    phase.value = 'waiting'
    schedule(POLL_INTERVAL_MS)
    // an idempotent replay may answer an order that is already paid or closed: no wallet for that one
    if (!answer.state || answer.state === 'PAYING') await openAgain()
    else void poll()
  }

  /** Opens the wallet for the current order; a wallet that says it paid makes the page look at once. */
  async function openAgain(): Promise<void> {
    const current = started.value
    if (!current || phase.value !== 'waiting') return
    wallet.value = 'opening'
    const outcome = await openWallet(current.pay_way, current.pay_data)
    if (started.value !== current) return
    wallet.value = outcome
    if (outcome === 'paid') void poll()
  }

  async function poll(): Promise<void> {
    const current = started.value
    if (!current || polling || phase.value !== 'waiting') return
    polling = true
    try {
      const order = await cashierApi.order(current.pay_order_id)
      if (started.value === current && order.state !== 'PAYING') finish(order)
    } catch (e) {
      if (e instanceof CashierError && e.status === 401) {
        stop()
        onUnauthorized()
      } // anything else: a passing network problem; the next poll asks again
    } finally {
      polling = false
    }
  }

  function schedule(delay: number) {
    clearTimeout(timer)
    timer = setTimeout(async () => {
      await poll()
      if (phase.value === 'waiting') schedule(POLL_INTERVAL_MS)
    }, delay)
  }

  function finish(order: CashierOrder) {
    stop()
    result.value = order
    phase.value = 'done'
  }

  function stop() {
    clearTimeout(timer)
    timer = undefined
  }

  /** Back to the start, for another payment. */
  function reset() {
    stop()
    started.value = null
    result.value = null
    wallet.value = 'opening'
    phase.value = 'idle'
  }

  // back from the wallet's sheet (or a locked screen): look now rather than at the next tick
  const onVisible = () => {
    if (document.visibilityState === 'visible') void poll()
  }
  document.addEventListener('visibilitychange', onVisible)
  onBeforeUnmount(() => {
    stop()
    document.removeEventListener('visibilitychange', onVisible)
  })

  return { phase, started, wallet, result, begin, openAgain, finish, reset }
}
