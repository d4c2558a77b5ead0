// The merchant's and the operator's story, told through the browser against a running platform:
// signup → KYC (a bad USCC refused on its field, then fixed) → licence → submit → operator rejects with a reason →
// merchant reads it, edits, resubmits → operator approves (and sees its default contracts) → merchant creates an app and keeps its secrets →
// a test webhook to the app's URL is delivered →
// a store code with its QR → a signed WX_NATIVE order (outside the browser) is paid in the simulator → the order and its webhook delivery show
// in the portal → resend adds an attempt → both front ends render in 简体中文 and English.
//
// Env: BASE_URL (gateway), SIM_URL (channel simulator), RECEIVER_URL (a webhook endpoint the platform may call),
// SCREENSHOT_DIR (default ./e2e-screenshots), CHROMIUM (default /usr/bin/chromium). Exit 0 only if every step passed.
import { check, required, story } from './story.mjs'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { solidPng } from './png.mjs'
import { signedCall, standardWebhooksSecret } from './merchant-api.mjs'

const BASE_URL = required('BASE_URL').replace(/\/$/, '')
const SIM_URL = required('SIM_URL').replace(/\/$/, '')
const RECEIVER_URL = required('RECEIVER_URL')
const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? 'e2e-screenshots')
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
// Chromium quiet on a closed network (STACK.md): no background calls to the outside.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

const run = Date.now().toString(36)
const merchant = {
  email: `e2e-${run}@example.com`,
  password: `E2e-portal-${run}-pass`,
  company: `E2E 测试商户 ${run}`,
}
const validKyc = {
  company_name: merchant.company,
  uscc: '91350100M000100Y43',
  legal_person: '张三',
  legal_person_id_no: '11010519491231002X',
  contact_phone: '13800138000',
  business_category: 'CATERING',
  settlement_account_name: merchant.company,
  settlement_bank: '招商银行上海分行',
  settlement_account_no: '6225880137000001',
}
const REJECT_REASON = `营业执照不清晰，请重新上传 (${run})`

const { step, cspViolations, finish } = story('portal-flow')

/** Element Plus puts test attributes on the native input or on its wrapper: either way, the input. */
function input(page, testId) {
  return page.locator(`input[data-test="${testId}"], textarea[data-test="${testId}"], ` +
    `[data-test="${testId}"] input, [data-test="${testId}"] textarea`).first()
}

async function shot(page, name) {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

async function newPage(browser, label) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(`${label}: ${msg.text()}`)
  })
  page.on('pageerror', (error) => console.log(`  [${label} page error] ${error.message}`))
  return page
}

async function fillKyc(page, kyc) {
  for (const [field, value] of Object.entries(kyc)) {
    if (field === 'business_category') {
      await page.locator('[data-test="kyc-business_category"]').click()
      await page.locator(`[data-test="kyc-category-${value}"]`).click()
    } else {
      await input(page, `kyc-${field}`).fill(value)
    }
  }
}

/** Re-runs a refresh until the locator shows up: the platform's events travel asynchronously. */
async function eventually(page, refresh, locator, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    await refresh()
    try {
      await locator.first().waitFor({ state: 'visible', timeout: 2_000 })
      return
    } catch (e) {
      if (Date.now() > deadline) throw e
    }
  }
}

async function operatorOpensMerchant(admin) {
  await admin.goto(`${BASE_URL}/admin/#/review`)
  const link = admin.getByRole('link', { name: merchant.company })
  await eventually(admin, () => admin.locator('[data-test="merchants-refresh"]').click(), link, 20_000)
  await link.click()
  await admin.locator('[data-test="detail-state"][data-state="SUBMITTED"]').waitFor()
  await admin.locator('[data-test="licence-image"]').waitFor()
}

async function main() {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  try {
    const portal = await newPage(browser, 'portal')
    const admin = await newPage(browser, 'admin')
    const licence = { name: 'licence.png', mimeType: 'image/png', buffer: solidPng() }

    await step('merchant signs up', async () => {
      await portal.goto(`${BASE_URL}/portal/#/signup`)
      await input(portal, 'signup-company').fill(merchant.company)
      await input(portal, 'signup-email').fill(merchant.email)
      await input(portal, 'signup-password').fill(merchant.password)
      await shot(portal, '01-portal-signup')
      await portal.locator('[data-test="signup-submit"]').click()
      await portal.waitForURL(/#\/onboarding/)
      await portal.locator('[data-test="kyc-status"] [data-state="DRAFT"]').waitFor()
    })

    await step('KYC with an invalid USCC is refused on the uscc field', async () => {
      await fillKyc(portal, { ...validKyc, uscc: '91350100M000100Y44' })
      await portal.locator('[data-test="kyc-save"]').click()
      const error = portal.locator('[data-test="kyc-item-uscc"] .el-form-item__error')
      await error.waitFor()
      check((await error.innerText()).trim().length > 0, 'the uscc error says nothing')
      await shot(portal, '02-portal-kyc-invalid-uscc')
    })

    await step('KYC fixed and saved', async () => {
      await input(portal, 'kyc-uscc').fill(validKyc.uscc)
      await portal.locator('[data-test="kyc-save"]').click()
      await portal.locator('.el-message--success').first().waitFor()
      // the error leaves with a transition: wait for it to be gone rather than count it at once
      await portal.locator('[data-test="kyc-item-uscc"] .el-form-item__error').waitFor({ state: 'detached', timeout: 5_000 })
    })

    await step('licence uploaded', async () => {
      await portal.locator('[data-test="licence-file"]').setInputFiles(licence)
      await portal.locator('[data-test="licence-uploaded"]').waitFor()
    })

    await step('KYC submitted for review', async () => {
      await portal.locator('[data-test="kyc-submit"]').click()
      await portal.locator('[data-test="kyc-status"] [data-state="SUBMITTED"]').waitFor()
      await shot(portal, '03-portal-kyc-submitted')
    })

    await step('operator logs in and finds the merchant in the review queue', async () => {
      await admin.goto(`${BASE_URL}/admin/`)
      await input(admin, 'admin-username').fill('admin')
      await input(admin, 'admin-password').fill('admin-local-only')
      await admin.locator('[data-test="admin-login-submit"]').click()
      await admin.waitForURL(/#\/review/)
      await operatorOpensMerchant(admin)
      await shot(admin, '04-admin-merchant-detail')
    })

    await step('operator rejects with a reason', async () => {
      await input(admin, 'reject-reason').fill(REJECT_REASON)
      await admin.locator('[data-test="reject"]').click()
      await admin.locator('[data-test="detail-state"][data-state="REJECTED"]').waitFor()
    })

    await step('merchant sees the reject reason and the review history', async () => {
      await portal.reload()
      await portal.locator('[data-test="kyc-status"] [data-state="REJECTED"]').waitFor()
      const reason = await portal.locator('[data-test="reject-reason"]').innerText()
      check(reason.includes(REJECT_REASON), `reject reason shown as "${reason}"`)
      await portal.locator('[data-test="review-history"]').getByText(REJECT_REASON).waitFor()
      await shot(portal, '05-portal-rejected')
    })

    await step('merchant edits and resubmits', async () => {
      await fillKyc(portal, { ...validKyc, business_category: 'GROCERY', settlement_bank: '招商银行福州分行' })
      await portal.locator('[data-test="licence-file"]').setInputFiles({ ...licence, buffer: solidPng(96, [30, 120, 200]) })
      await portal.locator('[data-test="licence-uploaded"]').waitFor()
      await portal.locator('[data-test="kyc-submit"]').click()
      await portal.locator('[data-test="kyc-status"] [data-state="SUBMITTED"]').waitFor()
    })

    await step('operator approves', async () => {
      await operatorOpensMerchant(admin)
      await admin.locator('[data-test="approve"]').click()
      await admin.locator('[data-test="detail-state"][data-state="APPROVED"]').waitFor()
      // approval gave the merchant its default channel contracts, which the console shows for routing configuration
      await admin.locator('[data-test^="contract-enabled-"]').first().waitFor()
      await shot(admin, '06a-admin-merchant-approved-contracts')
      await portal.reload()
      await portal.locator('[data-test="kyc-status"] [data-state="APPROVED"]').waitFor()
    })

    const app = await step('merchant creates an app and keeps the secrets shown once', async () => {
      await portal.locator('[data-test="nav-apps"]').click()
      await portal.locator('[data-test="app-create"]').click()
      await input(portal, 'app-name').fill(`e2e shop ${run}`)
      await input(portal, 'app-webhook-url').fill(RECEIVER_URL)
      await portal.locator('[data-test="app-create-submit"]').click()
      await portal.locator('[data-test="secrets-dialog"]').waitFor()
      const secrets = {
        appId: await input(portal, 'secret-app-id').inputValue(),
        appSecret: await input(portal, 'secret-app-secret').inputValue(),
        webhookSecret: await input(portal, 'secret-webhook-secret').inputValue(),
        whsec: await input(portal, 'secret-webhook-whsec').inputValue(),
      }
      check(secrets.appId && secrets.appSecret && secrets.webhookSecret, 'a secret is missing from the dialog')
      check(secrets.whsec === standardWebhooksSecret(secrets.webhookSecret), `whsec form wrong: ${secrets.whsec}`)
      await shot(portal, '06-portal-app-secrets')
      await portal.locator('[data-test="secrets-done"]').click()
      await portal.locator('[data-test="apps-table"]').getByText(secrets.appId).waitFor()
      return secrets
    })

    await step('a test webhook from the apps page reaches the receiver: delivered', async () => {
      await portal.locator(`[data-test="app-test-${app.appId}"]`).click()
      // one delivery attempt, sent at once: the receiver answers 204
      const result = portal.locator('[data-test="test-result"]')
      await result.waitFor({ timeout: 30_000 })
      check(await result.getAttribute('data-delivered') === 'true',
        `the test webhook was not delivered: ${(await portal.locator('.el-dialog').last().innerText()).trim()}`)
      const status = Number((await portal.locator('[data-test="test-status"]').innerText()).trim())
      check(status >= 200 && status < 300, `the receiver answered ${status}`)
      await shot(portal, '06-portal-app-test-webhook')
      await portal.keyboard.press('Escape')
      await result.waitFor({ state: 'hidden' })
    })

    await step('merchant creates a store code and sees its QR code', async () => {
      await portal.locator('[data-test="nav-stores"]').click()
      await portal.locator('[data-test="store-create"]').click()
      await input(portal, 'store-name').fill(`柜台 ${run}`)
      await portal.locator('[data-test="store-create-submit"]').click()
      const row = portal.locator('[data-test^="store-row-"]').last()
      await row.waitFor()
      const code = (await row.innerText()).trim()
      // a new code is shown at once, ready to print
      await portal.locator('[data-test="store-qr-image"]').waitFor()
      check((await portal.locator('[data-test="store-qr-url"]').innerText()).trim().endsWith(`/qr/${code}`),
        'the store code does not point at its /qr/ URL')
      await shot(portal, '06b-portal-store-code')
      await portal.keyboard.press('Escape')
    })

    const order = await step('a signed WX_NATIVE order is created with the new keys and paid in the simulator', async () => {
      const created = await signedCall(BASE_URL, app, 'POST', '/api/v1/pay/orders', {
        mch_order_no: `E2EWEB${run}`, amount: 1234, pay_way: 'WX_NATIVE', subject: 'E2E latte',
      })
      check(created.status === 201, `create answered ${created.status}: ${JSON.stringify(created.body)}`)
      check(created.signedByPlatform, 'the answer is not signed with the app secret')
      const paid = await fetch(`${SIM_URL}/_sim/pay`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ pay_data: created.body.pay_data }),
      })
      check(paid.ok, `simulator pay answered ${paid.status}: ${await paid.text()}`)
      return created.body
    })

    await step('the order appears in the portal order list, paid', async () => {
      await portal.locator('[data-test="nav-orders"]').click()
      await eventually(portal, () => portal.locator('[data-test="orders-search"]').click(),
        portal.locator(`[data-test="orders-table"] tr:has([data-test="order-${order.pay_order_id}"]) [data-state="SUCCESS"]`))
      await portal.locator(`[data-test="order-${order.pay_order_id}"]`).click()
      await portal.locator('[data-test="order-drawer"]').getByText(order.pay_order_id).first().waitFor()
      await shot(portal, '07-portal-order-detail')
      await portal.keyboard.press('Escape')
    })

    await step('its webhook delivery is in the delivery log; a resend adds an attempt', async () => {
      await portal.locator('[data-test="nav-webhooks"]').click()
      const count = portal.locator(`[data-test^="attempt-count-"][data-subject="${order.pay_order_id}"]`)
      const refresh = () => portal.locator('[data-test="webhooks-refresh"]').click()
      await eventually(portal, refresh, count)
      const eventId = (await count.first().getAttribute('data-test')).slice('attempt-count-'.length)
      let before = 0
      const deadline = Date.now() + 60_000
      while ((before = Number(await count.first().innerText())) < 1) { // the first delivery may still be on its way
        check(Date.now() < deadline, 'the event was never attempted')
        await refresh()
        await portal.waitForTimeout(1_000)
      }
      await portal.locator(`[data-test="resend-${eventId}"]`).click()
      await portal.locator('.el-message--success').first().waitFor()
      for (;;) {
        await refresh()
        await portal.waitForTimeout(1_000)
        const now = Number(await count.first().innerText())
        if (now > before) break
        check(Date.now() < deadline + 60_000, `still ${now} attempt(s) after the resend`)
      }
      await portal.locator(`[data-test="webhook-events"] tr:has([data-test="event-${eventId}"]) .el-table__expand-icon`).click()
      await shot(portal, '08-portal-webhook-resent')
    })

    await step('the portal renders in 简体中文 and, switched, in English (remembered)', async () => {
      await portal.locator('[data-test="nav-dashboard"]').click()
      await portal.getByText('今日成交额（元）').waitFor()
      check(await portal.evaluate(() => document.documentElement.lang) === 'zh-CN', 'html lang is not zh-CN')
      await shot(portal, '09-portal-dashboard-zh')
      await portal.locator('[data-test="locale-switch"]').click()
      await portal.getByRole('option', { name: 'English' }).click()
      await portal.getByText('Today’s volume (CNY)').waitFor()
      await portal.reload()
      await portal.getByText('Today’s volume (CNY)').waitFor()
      check(await portal.evaluate(() => document.documentElement.lang) === 'en', 'html lang is not en')
      await shot(portal, '10-portal-dashboard-en')
    })

    await step('the operator console renders in 简体中文 and English', async () => {
      await admin.goto(`${BASE_URL}/admin/#/channels`)
      await admin.getByRole('heading', { name: '渠道健康' }).waitFor()
      await admin.locator('[data-test="channels-table"] .el-table__row').first().waitFor()
      await shot(admin, '11-admin-channels-zh')
      await admin.locator('[data-test="locale-switch"]').click()
      await admin.getByRole('option', { name: 'English' }).click()
      await admin.getByRole('heading', { name: 'Channel health' }).waitFor()
      await shot(admin, '12-admin-channels-en')
      await admin.goto(`${BASE_URL}/admin/#/review`)
      await admin.getByRole('heading', { name: 'Review queue' }).waitFor()
    })

    await step('no page broke the Content-Security-Policy', async () => {
      check(cspViolations.length === 0, cspViolations.join('\n'))
    })
  } finally {
    await browser.close()
  }
}

finish(main, SCREENSHOT_DIR)
