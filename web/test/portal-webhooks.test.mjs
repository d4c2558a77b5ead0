// The portal's webhook endpoints banner and test send: what they read from the answers, and who sees the buttons.
// Run with the other web tests: npm test (node --test test/).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'

const src = new URL('../src/', import.meta.url).pathname

/** Transpiles the modules into a scratch folder as `<folder>-<name>.mjs`, their '@/…' imports pointed there too. */
async function loadModules(files) {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-'))
  const flat = (path) => `${path.replace(/\.ts$/, '').replaceAll('/', '-')}.mjs`
  for (const file of files) {
    const js = ts.transpileModule(readFileSync(join(src, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText.replace(/from '@\/([\w/]+)'/g, (_, path) => `from './${flat(path)}'`)
    writeFileSync(join(dir, flat(file)), js)
  }
  return (file) => import(pathToFileURL(join(dir, flat(file))).href)
}

const load = await loadModules(['shared/paging.ts', 'portal/role.ts', 'portal/features/webhooks/endpoints.ts',
  'portal/features/apps/testSend.ts'])
const { roleOf, managesWebhooks } = await load('portal/role.ts')
const { readEndpoints, needingAttention, oneLine, EXCERPT_CHARS } = await load('portal/features/webhooks/endpoints.ts')
const { readTestSend } = await load('portal/features/apps/testSend.ts')

/** A portal token as merchant-service issues it: base64url(JSON payload) "." base64url(MAC). */
function token(claims) {
  return `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`
}

test('the role comes from the token; only developers and owners get the webhook buttons', () => {
  assert.equal(roleOf(token({ sub: 'u_1', role: 'MERCHANT_OWNER', exp: 1, jti: 'a' })), 'OWNER')
  assert.equal(roleOf(token({ sub: 'u_1', role: 'MERCHANT_DEVELOPER', exp: 1, jti: 'a' })), 'DEVELOPER')
  assert.equal(roleOf(token({ sub: 'u_1', role: 'MERCHANT_VIEWER', exp: 1, jti: 'a' })), 'VIEWER')
  assert.equal(roleOf(token({ sub: 'admin', role: 'OPERATOR' })), null)
  assert.equal(roleOf('not a token'), null)
  assert.equal(roleOf(null), null)
  assert.deepEqual(['OWNER', 'DEVELOPER', 'VIEWER', null].map(managesWebhooks), [true, true, false, false])
})

test('a payload whose base64url needs + and / is still read', () => {
  // '>>>' and '???' in the subject turn into '-' and '_' in base64url
  assert.equal(roleOf(token({ sub: '>>>???>>>', role: 'MERCHANT_DEVELOPER' })), 'DEVELOPER')
})

const answer = [
  { url: 'https://ok.example/h', state: 'ACTIVE', disabled_reason: null, consecutive_failures: 0, pending_events: 0, last_errors: [] },
  {
    url: 'https://slow.example/h', state: 'FAILING', disabled_reason: null, failing_since: '2026-12-04T01:00:00Z',
    consecutive_failures: 4, pending_events: 12,
    last_errors: [{ at: '2026-12-05T01:00:00Z', http_status: null, outcome: 'TIMEOUT', error: 'read timed out', response_excerpt: null }],
  },
  {
    url: 'https://gone.example/h', state: 'DISABLED', disabled_reason: 'GONE', disabled_at: '2026-12-05T02:00:00Z',
    failing_since: '2026-12-05T02:00:00Z', consecutive_failures: 1, pending_events: 3,
    last_errors: [{ at: '2026-12-05T02:00:00Z', http_status: 410, outcome: 'GONE', error: null,
      response_excerpt: '<html>\n  <body>Gone</body>\n</html>' }],
  },
]

test('endpoints are read from the list, and the banner shows the disabled first, then the failing', () => {
  const endpoints = readEndpoints(answer)
  const shown = needingAttention(endpoints)

  assert.deepEqual(shown.map((e) => `${e.state} ${e.url}`), ['DISABLED https://gone.example/h', 'FAILING https://slow.example/h'])
  assert.equal(shown[0].disabledReason, 'GONE')
  assert.equal(shown[0].pendingEvents, 3)
  assert.deepEqual(shown[0].lastErrors[0], {
    at: '2026-12-05T02:00:00Z', httpStatus: 410, outcome: 'GONE', error: '', excerpt: '<html> <body>Gone</body> </html>',
  })
  assert.equal(shown[1].lastErrors[0].httpStatus, null)
  assert.equal(shown[1].lastErrors[0].error, 'read timed out')
  assert.equal(shown[1].consecutiveFailures, 4)
  assert.deepEqual(needingAttention(readEndpoints({ items: [answer[0]] })), [])
  assert.deepEqual(readEndpoints([]), [])
})

test('an answer excerpt is shown on one line and cut at a fixed length', () => {
  const long = 'x'.repeat(EXCERPT_CHARS + 40)
  assert.equal(oneLine(long), `${'x'.repeat(EXCERPT_CHARS)}…`)
  assert.equal(oneLine(' a\r\n\tb '), 'a b')
})

test('a test send reads delivered only when the answer says so', () => {
  assert.deepEqual(readTestSend({ delivered: true, http_status: 204, latency_ms: 12, error: null, response_excerpt: '',
    event_id: 'evt_t' }), { delivered: true, httpStatus: 204, latencyMs: 12, error: '', excerpt: '', eventId: 'evt_t' })
  const refused = readTestSend({ delivered: false, http_status: null, latency_ms: 3000, error: 'connect refused', event_id: 'evt_u' })
  assert.equal(refused.delivered, false)
  assert.equal(refused.httpStatus, null)
  assert.equal(refused.error, 'connect refused')
  assert.equal(readTestSend({ delivered: 'yes' }).delivered, false)
})
