// The payer's story at a store's static code (聚合码), told through a phone-sized browser against a running platform:
// a plain browser gets the "scan with a wallet" page and no order; inside WeChat, Alipay (a user-id payer and an
// OpenID payer) and UnionPay QuickPass, /qr/demo-store goes through the wallet's silent authorisation (the
// simulator's stand-ins) to the cashier page, where the payer types 12.34 on the keypad and pays through the
// wallet's JS bridge; the page then shows the paid order. WeChat also meets the static-code daily cap and an expired
// payer cookie. The wallets' bridges are fakes injected into the page: each pays its order in the simulator.
//
// Env: BASE_URL (gateway), SIM_URL (channel simulator), SCREENSHOT_DIR (default ./e2e-screenshots), CHROMIUM
// (default /usr/bin/chromium), STORE_CODE (default demo-store, the demo merchant M10001's store).
// Exit 0 only if every step passed.
import { check, required, story } from './story.mjs'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'

const BASE_URL = required('BASE_URL').replace(/\/$/, '')
const SIM_URL = required('SIM_URL').replace(/\/$/, '')
const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? 'e2e-screenshots')
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const STORE = process.env.STORE_CODE ?? 'demo-store'
// Chromium quiet on a closed network (STACK.md): no background calls to the outside.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

const ANDROID = 'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230901.001; wv) AppleWebKit/537.36 ' +
  '(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36'
const USER_AGENTS = {
  plain: 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 ' +
    'Mobile Safari/537.36',
  WECHAT: `${ANDROID} XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) ` +
    'WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  ALIPAY: `${ANDROID} UCBS/3.22.2.59 NebulaSDK/1.8.100112 Nebula AliApp(AP/10.5.36.8100) AlipayClient/10.5.36.8100 ` +
    'Language/zh-Hans Region/CN',
  UNIONPAY: `${ANDROID} (com.unionpay.mobilepay) UnionPay/1.0 CloudPay`,
}
/** The simulator's authorisation stand-ins (API.md "Channel simulator"), where the payer is chosen. */
const SIM_AUTHORIZE = /\/_sim\/oauth\/(?:wx\/authorize|alipay\/authorize|unionpay\/userAuth)$/
const ORDER_CALL = /\/api\/cashier\/orders(?:\/[^/]+\/pay)?$/
const DAILY_CAP_FEN = 50_000

const run = Date.now().toString(36)
const { step, cspViolations, finish } = story('cashier-flow')

async function shot(page, name) {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/**
 * Each wallet's JS bridge as the wallet app injects it: a moment after the page starts (announced by its ready
 * event; 云闪付's SDK has none), and when asked to pay it records the call, has the test pay the order in the
 * simulator (window.__walletPays, exposed below) and answers as the real wallet does.
 */
function fakeBridge(wallet) {
  const bridges = {
    WECHAT: () => setTimeout(() => {
      window.WeixinJSBridge = {
        invoke(name, params, callback) {
          window.__bridgeCalls.push({ name, params })
          window.__walletPays(JSON.stringify(params)).then((ok) =>
            callback({ err_msg: ok ? 'get_brand_wcpay_request:ok' : 'get_brand_wcpay_request:fail' }))
        },
      }
      document.dispatchEvent(new Event('WeixinJSBridgeReady'))
    }, 300),
    ALIPAY: () => setTimeout(() => {
      window.AlipayJSBridge = {
        call(name, params, callback) {
          window.__bridgeCalls.push({ name, params })
          window.__walletPays(JSON.stringify(params)).then((ok) => callback({ resultCode: ok ? '9000' : '4000' }))
        },
      }
      document.dispatchEvent(new Event('AlipayJSBridgeReady'))
    }, 300),
    UNIONPAY: () => {
      window.upsdk = {
        pay({ tn, success, fail }) {
          window.__bridgeCalls.push({ name: 'pay', params: { tn } })
          window.__walletPays(JSON.stringify({ tn })).then((ok) => (ok ? success() : fail({ msg: 'sim refused' })))
        },
      }
    },
  }
  return `window.__bridgeCalls = []; (${bridges[wallet].toString()})()`
}

/** What each bridge was handed must be the order's own pay_data (cashier-spec "pay_data per pay way"). */
function bridgeMatches(wallet, params, payData) {
  const data = JSON.parse(payData)
  if (wallet === 'WECHAT') return ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign'].every((k) => params[k] === data[k])
  // the router's ALI_JSAPI pay data is tradePay's own argument, {"tradeNO":…}
  if (wallet === 'ALIPAY') return typeof data.tradeNO === 'string' && params.tradeNO === data.tradeNO
  return typeof data.tn === 'string' && params.tn === data.tn
}

/**
 * A phone inside one wallet, with its own payer: the authorisation redirects (gateway → simulator) get the payer
 * added to the simulator's authorize URL, the wallet's bridge is faked, and the cashier's order calls are recorded.
 */
async function walletPhone(browser, wallet, payer, extraAuthorizeParams = {}) {
  const context = await browser.newContext({
    userAgent: USER_AGENTS[wallet] ?? USER_AGENTS.plain, viewport: { width: 360, height: 740 }, deviceScaleFactor: 2,
    isMobile: true, hasTouch: true, locale: 'zh-CN',
  })
  const phone = { context, wallet, payer, orderCalls: [], authorizeUrls: [], visited: [] }
  const choosePayer = (href) => {
    const url = new URL(href)
    if (!SIM_AUTHORIZE.test(url.pathname) || url.searchParams.has('sim_payer')) return null
    url.searchParams.set('sim_payer', payer)
    for (const [name, value] of Object.entries(extraAuthorizeParams)) url.searchParams.set(name, value)
    phone.authorizeUrls.push(url.href)
    return url.href
  }
  // A route sees only the first URL of a redirect chain: the gateway's redirect is fetched here and its Location
  // rewritten; a navigation that lands on the simulator directly is rewritten on its way there.
  await context.route((url) => url.pathname.startsWith('/qr/') || url.pathname.startsWith('/cashier/pay/'), async (route) => {
    const response = await route.fetch({ maxRedirects: 0 })
    const location = response.headers().location
    const rewritten = location && choosePayer(new URL(location, route.request().url()).href)
    await route.fulfill(rewritten ? { response, headers: { ...response.headers(), location: rewritten } } : { response })
  })
  await context.route((url) => SIM_AUTHORIZE.test(url.pathname), async (route) => {
    const rewritten = choosePayer(route.request().url())
    await (rewritten ? route.continue({ url: rewritten }) : route.continue())
  })
  if (wallet !== 'plain') {
    await context.exposeFunction('__walletPays', async (paramsJson) => simulatorPays(phone, JSON.parse(paramsJson)))
    await context.addInitScript({ content: fakeBridge(wallet) })
  }
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(`${wallet}: ${msg.text()}`)
  })
  page.on('pageerror', (error) => console.log(`  [${wallet} page error] ${error.message}`))
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) phone.visited.push(frame.url())
  })
  page.on('request', (request) => {
    if (request.url().includes('/qr/')) phone.visited.push(request.url())
  })
  page.on('response', async (response) => {
    const request = response.request()
    if (request.method() !== 'POST' || !ORDER_CALL.test(new URL(response.url()).pathname)) return
    const call = { body: request.postDataJSON(), status: response.status(), answer: null }
    phone.orderCalls.push(call)
    call.answer = await response.json().catch(() => null)
  })
  phone.page = page
  return phone
}

/** The fake bridge's payment: the order whose pay_data the bridge was handed is paid in the simulator. */
async function simulatorPays(phone, params) {
  const deadline = Date.now() + 5_000
  let order
  while (!(order = phone.orderCalls.map((c) => c.answer).find((a) => a?.pay_data && bridgeMatches(phone.wallet, params, a.pay_data)))) {
    if (Date.now() > deadline) {
      console.log(`  [${phone.wallet}] the bridge was handed ${JSON.stringify(params)}, which is no order's pay_data`)
      return false
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  const paid = await fetch(`${SIM_URL}/_sim/pay`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pay_data: order.pay_data }),
  })
  if (!paid.ok) console.log(`  [${phone.wallet}] simulator pay answered ${paid.status}: ${await paid.text()}`)
  return paid.ok
}

async function typeAmount(page, text) {
  for (const key of text) await page.locator(`[data-test="key-${key === '.' ? 'dot' : key}"]`).click()
}

/** /qr/<store> inside the wallet: authorised through the simulator and landed on the store's cashier page. */
async function opensStoreCode(phone) {
  const { page } = phone
  await page.goto(`${BASE_URL}/qr/${STORE}?src=e2e-${run}`)
  await page.waitForURL((url) => url.pathname === `/cashier/store/${STORE}`)
  check(phone.authorizeUrls.length > 0, 'the gateway did not send the wallet to the simulator\'s authorisation')
  await page.locator('[data-test="store-name"]').filter({ hasNotText: '…' }).waitFor()
  const cookie = (await phone.context.cookies(BASE_URL)).find((c) => c.name === 'AGGPAY_PAYER')
  check(cookie?.httpOnly, `the payer cookie is missing or readable by scripts: ${JSON.stringify(cookie)}`)
}

/** Types the amount, presses pay, and waits for the paid result; the wallet's bridge must have been used once. */
async function paysAtStore(phone, amountText, fen, shotPrefix) {
  const { page } = phone
  const callsBefore = phone.orderCalls.length
  await typeAmount(page, amountText)
  check(await page.locator('[data-test="amount-display"]').getAttribute('data-fen') === String(fen),
    `the keypad shows ${await page.locator('[data-test="amount-display"]').innerText()}`)
  await shot(page, `${shotPrefix}-amount`)
  await page.locator('[data-test="pay-button"]').click()
  await page.locator('[data-test="result"][data-state="SUCCESS"]').waitFor({ timeout: 30_000 })
  const shown = (await page.locator('[data-test="result-amount"]').innerText()).trim()
  check(shown === `¥${(fen / 100).toFixed(2)}`, `the result shows ${shown}`)
  const call = phone.orderCalls[callsBefore]
  check(call?.status === 201, `POST /api/cashier/orders answered ${call?.status}: ${JSON.stringify(call?.answer)}`)
  check(JSON.stringify(Object.keys(call.body).sort()) === '["amount","request_id","store_code"]',
    `the page sent ${JSON.stringify(call.body)} (never a payer id)`)
  check(call.body.amount === fen && call.body.store_code === STORE, `the page sent ${JSON.stringify(call.body)}`)
  check(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(call.body.request_id),
    `request_id ${call.body.request_id} is no UUID`)
  const bridgeCalls = await page.evaluate(() => window.__bridgeCalls)
  check(bridgeCalls.length === 1, `the bridge was called ${bridgeCalls.length} times`)
  const expectedName = { WECHAT: 'getBrandWCPayRequest', ALIPAY: 'tradePay', UNIONPAY: 'pay' }[phone.wallet]
  check(bridgeCalls[0].name === expectedName && bridgeMatches(phone.wallet, bridgeCalls[0].params, call.answer.pay_data),
    `the bridge got ${JSON.stringify(bridgeCalls[0])} for pay_data ${call.answer.pay_data}`)
  await shot(page, `${shotPrefix}-paid`)
  return call.answer
}

async function walletStory(browser, wallet, label, shotPrefix, extraAuthorizeParams) {
  const payer = `e2e-${label}-${run}`
  const phone = await step(`${label}: /qr/${STORE} authorises the payer and lands on the cashier page`, async () => {
    const opened = await walletPhone(browser, wallet, payer, extraAuthorizeParams)
    await opensStoreCode(opened)
    const overflow = await opened.page.evaluate(() => document.documentElement.scrollWidth)
    check(overflow <= 360, `the page is ${overflow} px wide on a 360 px phone`)
    await shot(opened.page, `${shotPrefix}-store`)
    return opened
  })
  await step(`${label}: 12.34 typed on the keypad is paid through the wallet's bridge`, async () => {
    await paysAtStore(phone, '12.34', 1234, shotPrefix)
  })
  return phone
}

async function main() {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  try {
    await step('a plain browser gets the scan-with-a-wallet page and no order', async () => {
      const phone = await walletPhone(browser, 'plain', `e2e-plain-${run}`)
      const apiCalls = []
      phone.page.on('request', (request) => {
        if (request.url().includes('/api/cashier/')) apiCalls.push(request.url())
      })
      const response = await phone.page.goto(`${BASE_URL}/qr/${STORE}`)
      check(response.status() === 200, `/qr/${STORE} answered ${response.status()}`)
      check(new URL(phone.page.url()).pathname === `/qr/${STORE}`, `the browser was sent to ${phone.page.url()}`)
      check(phone.authorizeUrls.length === 0, `a plain browser was sent to ${phone.authorizeUrls[0]}`)
      const text = await phone.page.locator('body').innerText()
      for (const word of ['微信', '支付宝', '云闪付']) check(text.includes(word), `the page does not name ${word}: ${text}`)
      await phone.page.waitForTimeout(500)
      check(apiCalls.length === 0 && phone.orderCalls.length === 0, `the page called ${apiCalls.join(', ')}`)
      check(!(await phone.context.cookies(BASE_URL)).some((c) => c.name === 'AGGPAY_PAYER'), 'a payer cookie was set')
      await shot(phone.page, 'cashier-01-plain-browser')
      await phone.context.close()
    })

    const wechat = await walletStory(browser, 'WECHAT', 'WeChat', 'cashier-02-wechat')

    await step('WeChat: past the static-code daily cap the page explains the rule and what is left today', async () => {
      const { page } = wechat
      await page.locator('[data-test="pay-again"]').click()
      await typeAmount(page, '490')
      await page.locator('[data-test="pay-button"]').click()
      await page.locator('[data-test="daily-cap"]').waitFor()
      const refused = wechat.orderCalls.at(-1)
      check(refused.status === 409 && refused.answer?.code === 'STATIC_QR_DAILY_CAP',
        `490.00 answered ${refused.status} ${JSON.stringify(refused.answer)}`)
      check(refused.answer.remaining === DAILY_CAP_FEN - 1234, `remaining ${refused.answer.remaining}, paid 1234 of ${DAILY_CAP_FEN}`)
      const remaining = page.locator('[data-test="cap-remaining"]')
      check(await remaining.getAttribute('data-fen') === String(refused.answer.remaining), 'the page shows another remaining amount')
      check((await remaining.innerText()).includes('¥487.66'), `the page says ${await remaining.innerText()}`)
      check((await page.locator('[data-test="daily-cap"]').innerText()).includes('银发〔2017〕296号'), 'the rule is not named')
      await shot(page, 'cashier-02-wechat-daily-cap')
      await page.locator('[data-test="cap-change"]').click()
      await page.locator('[data-test="keypad"]').waitFor()
    })

    await step('WeChat: with the payer cookie gone, paying sends the payer through /qr/ again and back', async () => {
      const { page, context } = wechat
      await context.clearCookies()
      const before = wechat.authorizeUrls.length
      for (let i = 0; i < 3; i++) await page.locator('[data-test="key-del"]').click()
      await typeAmount(page, '1')
      await page.locator('[data-test="pay-button"]').click()
      await page.waitForURL((url) => url.pathname === `/cashier/store/${STORE}` && wechat.authorizeUrls.length > before)
      check(wechat.orderCalls.at(-1).status === 401, `the order call answered ${wechat.orderCalls.at(-1).status}`)
      check(wechat.visited.some((url) => new URL(url).pathname === `/qr/${STORE}`), 'the page did not go to /qr/')
      await page.locator('[data-test="keypad"]').waitFor()
      await wechat.context.close()
    })

    const alipay = await walletStory(browser, 'ALIPAY', 'Alipay', 'cashier-03-alipay')
    await alipay.context.close()
    const alipayOpenId = await walletStory(browser, 'ALIPAY', 'Alipay (OpenID payer)', 'cashier-04-alipay-openid',
      { sim_openid: '1' })
    await alipayOpenId.context.close()
    const unionPay = await walletStory(browser, 'UNIONPAY', 'UnionPay', 'cashier-05-unionpay')
    await unionPay.context.close()

    await step('no page broke the Content-Security-Policy', async () => {
      check(cspViolations.length === 0, cspViolations.join('\n'))
    })
  } finally {
    await browser.close()
  }
}

finish(main, SCREENSHOT_DIR)
