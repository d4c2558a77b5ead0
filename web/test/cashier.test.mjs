// The payer's cashier: keypad input rules, amount formatting, and its texts in both languages.
// Run with the other web tests: npm test (node --test test/).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'

const src = new URL('../src/', import.meta.url).pathname

/** Transpiles the modules into a scratch folder as `<folder>-<name>.mjs`, their '@/…' imports pointed there too. */
async function loadModules(files) {
  const dir = mkdtempSync(join(tmpdir(), 'cashier-test-'))
  const flat = (path) => `${path.replace(/\.ts$/, '').replaceAll('/', '-')}.mjs`
  for (const file of files) {
    const js = ts.transpileModule(readFileSync(join(src, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText.replace(/from '@\/([\w/]+)'/g, (_, path) => `from './${flat(path)}'`)
    writeFileSync(join(dir, flat(file)), js)
  }
  return (file) => import(pathToFileURL(join(dir, flat(file))).href)
}

const load = await loadModules(['shared/decimal.ts', 'shared/money.ts', 'shared/messages.ts', 'cashier/amount.ts',
  'cashier/messages.ts', 'cashier/pages.ts'])
const { pressKey, fenOfInput, payableFen, yuanLabel, MAX_INPUT_FEN } = await load('cashier/amount.ts')

/** Types a sequence of keys ('d' = delete) from empty text, as the payer taps them. */
function typed(keys) {
  return [...keys].reduce((text, key) => pressKey(text, key === 'd' ? 'del' : key), '')
}

test('digits and one decimal point make the amount', () => {
  assert.equal(typed('12.34'), '12.34')
  assert.equal(fenOfInput('12.34'), 1234)
  assert.equal(typed('12.3.4'), '12.34')
})

test('at most two decimals: a third is ignored', () => {
  assert.equal(typed('0.019'), '0.01')
  assert.equal(typed('5.999'), '5.99')
})

test('a leading point reads as 0., and leading zeros are not kept', () => {
  assert.equal(typed('.5'), '0.5')
  assert.equal(typed('007'), '7')
  assert.equal(typed('0.05'), '0.05')
})

test('delete removes the last character, and does nothing on empty text', () => {
  assert.equal(typed('12.3d'), '12.')
  assert.equal(typed('12.dd'), '1')
  assert.equal(typed('d'), '')
})

test('a key that would pass 50,000.00 yuan is ignored', () => {
  assert.equal(MAX_INPUT_FEN, 5_000_000)
  assert.equal(typed('50000'), '50000')
  assert.equal(typed('500001'), '50000')
  assert.equal(typed('50000.01'), '50000.0')
  assert.equal(typed('49999.99'), '49999.99')
})

test('only 0.01 and up is payable; a trailing point counts as whole yuan', () => {
  assert.equal(payableFen(''), null)
  assert.equal(payableFen('0'), null)
  assert.equal(payableFen('0.'), null)
  assert.equal(payableFen('0.00'), null)
  assert.equal(payableFen('0.01'), 1)
  assert.equal(payableFen('12.'), 1200)
  assert.equal(payableFen('0.1'), 10)
  assert.equal(payableFen('50000'), 5_000_000)
})

test('fen are shown as yuan with two decimals, exactly', () => {
  assert.equal(yuanLabel(1234), '¥12.34')
  assert.equal(yuanLabel(1), '¥0.01')
  assert.equal(yuanLabel(50_000), '¥500.00')
  assert.equal(yuanLabel(48_766), '¥487.66')
  assert.equal(yuanLabel(5_000_000), '¥50000.00')
  assert.equal(yuanLabel(null), '')
  // 0.1 + 0.2 in floating point is not 0.3: the text path never goes through it
  assert.equal(yuanLabel(payableFen(typed('0.29'))), '¥0.29')
  assert.equal(yuanLabel(payableFen(typed('1.1'))), '¥1.10')
})

test('the page is read from the path the gateway lands the payer on', async () => {
  const { pageOf, storeEntry, orderEntry } = await load('cashier/pages.ts')
  assert.deepEqual(pageOf('/cashier/store/demo-store'), { kind: 'store', storeCode: 'demo-store' })
  assert.deepEqual(pageOf('/cashier/order/P2026000001/'), { kind: 'order', payOrderId: 'P2026000001' })
  assert.deepEqual(pageOf('/cashier/pay/P1'), { kind: 'unknown' })
  assert.deepEqual(pageOf('/cashier/store/a/b'), { kind: 'unknown' })
  assert.deepEqual(pageOf('/cashier/store/%E0%A4%A'), { kind: 'unknown' })
  assert.equal(storeEntry('demo store'), '/qr/demo%20store')
  assert.equal(orderEntry('P1'), '/cashier/pay/P1')
})

function keys(tree, prefix = '') {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.(vue|ts)$/.test(name) ? [path] : []
  })
}

test('cashier: both languages have the same keys, and every key the pages use exists', async () => {
  const { commonMessages } = await load('shared/messages.ts')
  const { cashierMessages } = await load('cashier/messages.ts')
  const zh = new Set(keys({ ...commonMessages['zh-CN'], ...cashierMessages['zh-CN'] }))
  const en = new Set(keys({ ...commonMessages.en, ...cashierMessages.en }))
  assert.deepEqual([...zh].filter((k) => !en.has(k)), [])
  assert.deepEqual([...en].filter((k) => !zh.has(k)), [])
  const used = new Set()
  for (const file of sources(join(src, 'cashier'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bte?\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(m[1])
    // keys built from an order state: every state needs its text
    if (/t\(`result\.\$\{/.test(readFileSync(file, 'utf8'))) {
      for (const state of ['PAYING', 'SUCCESS', 'CLOSED', 'FAILED']) used.add(`result.${state}`).add(`resultHint.${state}`)
    }
  }
  assert.deepEqual([...used].filter((k) => !zh.has(k)), [])
})
