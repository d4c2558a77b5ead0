// The wallets' own JS bridges, which the wallet app injects into its in-app browser: the page hands them the
// pay_data the platform answered (cashier-spec "pay_data per pay way") and the wallet shows its payment sheet.
// What a bridge calls back is only a hint for the message shown: the order's state is always read from the server.

/** paid: the wallet says it paid. unknown: the wallet cannot tell yet. The rest leave the payer to retry. */
export type WalletOutcome = 'paid' | 'unknown' | 'cancelled' | 'failed' | 'absent'

interface WeixinBridge {
  invoke(name: string, params: Record<string, unknown>, callback: (res: { err_msg?: string }) => void): void
}
interface AlipayBridge {
  call(name: string, params: Record<string, unknown>, callback: (res: { resultCode?: string }) => void): void
}
interface UnionPaySdk {
  pluginReady?(ready: () => void): void
  pay(options: { tn: string; success: () => void; fail: (err?: { msg?: string }) => void }): void
}

declare global {
  interface Window {
    WeixinJSBridge?: WeixinBridge
    AlipayJSBridge?: AlipayBridge
    upsdk?: UnionPaySdk
  }
}

/** How long to wait for a bridge the wallet has not injected yet (it announces itself with an event). */
const READY_WAIT_MS = 2_000
/** A wallet that never calls back must not leave the payer without the retry button. */
const ANSWER_WAIT_MS = 120_000

function whenPresent<T>(get: () => T | undefined, readyEvent: string | null): Promise<T | undefined> {
  const now = get()
  if (now || !readyEvent) return Promise.resolve(now)
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      document.removeEventListener(readyEvent, done)
      resolve(get())
    }
    const timer = setTimeout(done, READY_WAIT_MS)
    document.addEventListener(readyEvent, done)
  })
}

function answered(start: (settle: (outcome: WalletOutcome) => void) => void): Promise<WalletOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('unknown'), ANSWER_WAIT_MS)
    const settle = (outcome: WalletOutcome) => {
      clearTimeout(timer)
      resolve(outcome)
    }
    try {
      start(settle)
    } catch {
      settle('failed')
    }
  })
}

async function wechat(params: Record<string, unknown>): Promise<WalletOutcome> {
  const bridge = await whenPresent(() => window.WeixinJSBridge, 'WeixinJSBridgeReady')
  if (!bridge) return 'absent'
  return answered((settle) => bridge.invoke('getBrandWCPayRequest', params, (res) => {
    const message = res?.err_msg ?? ''
    settle(message.endsWith(':ok') ? 'paid' : message.endsWith(':cancel') ? 'cancelled' : 'failed')
  }))
}

async function alipay(params: Record<string, unknown>): Promise<WalletOutcome> {
  const bridge = await whenPresent(() => window.AlipayJSBridge, 'AlipayJSBridgeReady')
  const tradeNo = params.trade_no ?? params.tradeNO
  if (!bridge) return 'absent'
  if (typeof tradeNo !== 'string') return 'failed'
  return answered((settle) => bridge.call('tradePay', { tradeNO: tradeNo }, (res) => {
    // 9000 paid; 8000 and 6004 "processing / result unknown"; 6001 the payer left; anything else failed
    const code = res?.resultCode
    settle(code === '9000' ? 'paid' : code === '8000' || code === '6004' ? 'unknown'
      : code === '6001' ? 'cancelled' : 'failed')
  }))
}

async function unionPay(params: Record<string, unknown>): Promise<WalletOutcome> {
  // 云闪付's SDK has no ready event of its own: pluginReady (when there) says when pay may be called
  const sdk = await whenPresent(() => window.upsdk, null)
  const tn = params.tn
  if (!sdk) return 'absent'
  if (typeof tn !== 'string') return 'failed'
  return answered((settle) => {
    const pay = () => sdk.pay({ tn, success: () => settle('paid'), fail: () => settle('failed') })
    if (typeof sdk.pluginReady === 'function') sdk.pluginReady(pay)
    else pay()
  })
}

const WALLETS: Record<string, (params: Record<string, unknown>) => Promise<WalletOutcome>> = {
  WX_JSAPI: wechat,
  ALI_JSAPI: alipay,
  UP_JSAPI: unionPay,
}

/** Opens the wallet's payment sheet for an order's pay_data (JSAPI_PARAMS: a JSON object as text). */
export async function openWallet(payWay: string, payData: string): Promise<WalletOutcome> {
  const wallet = WALLETS[payWay]
  if (!wallet) return 'absent'
  let params: unknown
  try {
    params = JSON.parse(payData)
  } catch {
    return 'failed'
  }
  if (!params || typeof params !== 'object') return 'failed'
  return wallet(params as Record<string, unknown>)
}
