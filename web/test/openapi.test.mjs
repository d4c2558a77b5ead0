// The reference page's reading of an OpenAPI document: operations, $ref resolution, nested fields, problem bodies.
// Run with the other web tests: npm test (node --test test/).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const beside = fileURLToPath(new URL('./openapi.ts', import.meta.url))
const file = existsSync(beside) ? beside : fileURLToPath(new URL('../src/portal/features/developer/openapi.ts', import.meta.url))
const js = ts.transpileModule(readFileSync(file, 'utf8'), {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
}).outputText
const { asOpenApi, operations, typeName } = await import(`data:text/javascript,${encodeURIComponent(js)}`)

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
const doc = {
  openapi: '3.1.0',
  info: { title: 'AggPay merchant API', version: 'v1' },
  paths: {
    '/api/v1/refunds': {
      post: {
        tags: ['Refunds'], operationId: 'createRefund', summary: 'Refund a paid order',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateRefundRequest' } } } },
        responses: { 409: { description: 'REFUND_EXCEEDS_PAID', content: problem }, 201: { description: 'Created' } },
        security: [{ AggpayHmacSha256: [] }, { AggpaySha256Rsa2048: [] }],
      },
    },
    '/api/v1/pay/orders/{pay_order_id}': {
      get: {
        tags: ['Pay orders'], operationId: 'getPayOrder', summary: 'Get an order',
        parameters: [{ name: 'pay_order_id', in: 'path', required: true, description: 'The id.', schema: { type: 'string' } }],
        responses: {
          200: { description: 'The order.', content: { 'application/json': { schema: { $ref: '#/components/schemas/PayOrder' } } } },
          429: { description: 'RATE_LIMITED', headers: { 'Retry-After': { description: 'Seconds.' } }, content: problem },
        },
      },
    },
    '/api/v1/pay/orders': {
      post: { tags: ['Pay orders'], operationId: 'createPayOrder', summary: 'Create', responses: {} },
    },
    '/api/v1/statements/{date}': {
      get: {
        tags: ['Statements'], operationId: 'getStatement',
        responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } } },
      },
    },
  },
  components: {
    schemas: {
      CreateRefundRequest: {
        type: 'object', required: ['mch_refund_no', 'amount'],
        properties: {
          mch_refund_no: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' },
          amount: { type: 'integer', format: 'int64', minimum: 1, maximum: 100000000, description: 'Minor units.' },
          reason: { type: 'string', maxLength: 80 },
        },
      },
      PayOrder: {
        type: 'object', description: 'A payment order.',
        properties: {
          pay_order_id: { type: 'string' },
          state: { type: 'string', enum: ['PAYING', 'SUCCESS', 'FAILED', 'CLOSED'] },
          metadata: { type: 'object', additionalProperties: {} },
          channel_extra: { type: 'object', additionalProperties: { type: 'string' } },
          paid_at: { type: ['string', 'null'] },
        },
      },
      Problem: {
        type: 'object', required: ['code'],
        properties: {
          code: { type: 'string' },
          order: { $ref: '#/components/schemas/PayOrder', description: 'The order, when there is one.' },
        },
      },
    },
  },
}

test('only an OpenAPI 3 document is taken', () => {
  assert.throws(() => asOpenApi({ swagger: '2.0' }))
  assert.throws(() => asOpenApi(null))
  assert.equal(asOpenApi(doc), doc)
})

test('operations come grouped by tag with method, path, summary and security', () => {
  const ops = operations(doc)
  assert.deepEqual(ops.map((o) => o.key), [
    'POST /api/v1/refunds', 'GET /api/v1/pay/orders/{pay_order_id}', 'POST /api/v1/pay/orders', 'GET /api/v1/statements/{date}',
  ])
  assert.deepEqual(ops[0].security, ['AggpayHmacSha256', 'AggpaySha256Rsa2048'])
  assert.equal(ops[1].parameters[0].in, 'path')
  assert.equal(ops[1].parameters[0].required, true)
  assert.equal(ops[1].parameters[0].description, 'The id.')
})

test('a request body $ref is resolved into its fields with required flags and limits', () => {
  const body = operations(doc)[0].requestBody
  assert.equal(body.schemaName, 'CreateRefundRequest')
  assert.equal(body.required, true)
  assert.deepEqual(body.fields.map((f) => [f.name, f.type, f.required]), [
    ['mch_refund_no', 'string', true], ['amount', 'integer (int64)', true], ['reason', 'string', false],
  ])
  assert.deepEqual(body.fields[1].constraints, ['1 … 100000000'])
  assert.deepEqual(body.fields[2].constraints, ['length 0 … 80'])
})

test('responses are sorted by status, problems show the nested order once, maps and nullable types are named', () => {
  const [refund, get] = operations(doc)
  assert.deepEqual(refund.responses.map((r) => r.status), ['201', '409'])
  const conflict = refund.responses[1].bodies[0]
  assert.equal(conflict.contentType, 'application/problem+json')
  assert.deepEqual(conflict.fields.map((f) => [f.name, f.depth]), [
    ['code', 0], ['order', 0], ['order.pay_order_id', 1], ['order.state', 1], ['order.metadata', 1],
    ['order.channel_extra', 1], ['order.paid_at', 1],
  ])
  assert.equal(conflict.fields[1].type, 'PayOrder')
  assert.equal(conflict.fields[1].description, 'The order, when there is one.')
  const order = get.responses[0].bodies[0].fields
  assert.equal(order.find((f) => f.name === 'state').constraints[0], 'PAYING | SUCCESS | FAILED | CLOSED')
  assert.equal(order.find((f) => f.name === 'metadata').type, 'map<string, any>')
  assert.equal(order.find((f) => f.name === 'channel_extra').type, 'map<string, string>')
  assert.equal(order.find((f) => f.name === 'paid_at').type, 'string | null')
  assert.deepEqual(get.responses[1].headers, [{ name: 'Retry-After', description: 'Seconds.' }])
})

test('a body that is no object (a CSV) has a type and no fields; a dangling $ref does not throw', () => {
  const csv = operations(doc)[3].responses[0].bodies[0]
  assert.deepEqual([csv.contentType, csv.schemaName, csv.fields], ['text/csv', 'string', []])
  assert.equal(typeName(doc, { type: 'array', items: { $ref: '#/components/schemas/Missing' } }), 'array<Missing>')
  const broken = { ...doc, paths: { '/x': { get: { responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } } } } } }
  assert.deepEqual(operations(broken)[0].responses[0].bodies[0].fields, [])
})

test('a schema that refers to itself stops instead of recursing forever', () => {
  const loop = {
    openapi: '3.1.0',
    paths: { '/n': { get: { responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } } } } },
    components: { schemas: { Node: { type: 'object', properties: { id: { type: 'string' }, next: { $ref: '#/components/schemas/Node' } } } } },
  }
  assert.deepEqual(operations(loop)[0].responses[0].bodies[0].fields.map((f) => f.name), ['id', 'next'])
})
