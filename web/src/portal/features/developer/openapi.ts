// Reads the merchant API's OpenAPI 3.x document (GET /api/v1/openapi.json) into what the reference page shows:
// operations with their parameters, request body and responses, each schema flattened into rows of fields with
// every $ref resolved from components.schemas. Pure: no Vue, no fetch, so it can be tested on its own.

export interface SchemaObject {
  $ref?: string
  type?: string | string[]
  format?: string
  description?: string
  properties?: Record<string, SchemaObject>
  required?: string[]
  items?: SchemaObject
  additionalProperties?: SchemaObject | boolean
  enum?: unknown[]
  pattern?: string
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  default?: unknown
  example?: unknown
  allOf?: SchemaObject[]
  oneOf?: SchemaObject[]
  anyOf?: SchemaObject[]
}

interface MediaTypeObject { schema?: SchemaObject }
interface ParameterObject { name: string; in: string; description?: string; required?: boolean; schema?: SchemaObject }
interface ResponseObject {
  description?: string
  content?: Record<string, MediaTypeObject>
  headers?: Record<string, { description?: string; schema?: SchemaObject }>
}
interface OperationObject {
  operationId?: string
  summary?: string
  description?: string
  tags?: string[]
  parameters?: ParameterObject[]
  requestBody?: { required?: boolean; description?: string; content?: Record<string, MediaTypeObject> }
  responses?: Record<string, ResponseObject>
  security?: Record<string, string[]>[]
}

export interface OpenApiDocument {
  openapi: string
  info?: { title?: string; version?: string; description?: string }
  paths?: Record<string, Record<string, OperationObject>>
  components?: {
    schemas?: Record<string, SchemaObject>
    securitySchemes?: Record<string, { type?: string; in?: string; name?: string; description?: string }>
  }
  security?: Record<string, string[]>[]
}

/** One row of a schema table; nested fields are named with dots (`order.pay_order_id`, `items[].id`). */
export interface FieldRow {
  name: string
  type: string
  required: boolean
  description: string
  /** enum, pattern, bounds, default: what limits the value, in the schema's own terms */
  constraints: string[]
  depth: number
}

export interface Body {
  contentType: string
  /** the component's name when the body is a $ref, else the plain type */
  schemaName: string
  fields: FieldRow[]
}

export interface ResponseView {
  status: string
  description: string
  headers: { name: string; description: string }[]
  bodies: Body[]
}

export interface OperationView {
  key: string
  method: string
  path: string
  operationId: string
  summary: string
  description: string
  tag: string
  parameters: (FieldRow & { in: string })[]
  requestBody: (Body & { required: boolean }) | null
  responses: ResponseView[]
  security: string[]
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
/** Deep enough for the order inside a problem document; cycles stop earlier. */
const MAX_DEPTH = 3

/** Throws when the answer is not an OpenAPI 3 document, so the page can say so instead of rendering nothing. */
export function asOpenApi(value: unknown): OpenApiDocument {
  const doc = value as OpenApiDocument | null
  if (!doc || typeof doc !== 'object' || typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    throw new Error('not an OpenAPI 3 document')
  }
  return doc
}

export function operations(doc: OpenApiDocument): OperationView[] {
  const result: OperationView[] = []
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      result.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        operationId: op.operationId ?? '',
        summary: op.summary ?? '',
        description: op.description ?? '',
        tag: op.tags?.[0] ?? '',
        parameters: (op.parameters ?? []).map((p) => ({
          ...field(doc, p.name, p.schema ?? {}, p.required ?? false, 0, p.description),
          in: p.in,
        })),
        requestBody: op.requestBody?.content
          ? { ...bodies(doc, op.requestBody.content)[0], required: op.requestBody.required ?? false }
          : null,
        responses: Object.entries(op.responses ?? {})
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([status, r]) => ({
            status,
            description: r.description ?? '',
            headers: Object.entries(r.headers ?? {}).map(([name, h]) => ({ name, description: h.description ?? '' })),
            bodies: bodies(doc, r.content ?? {}),
          })),
        security: (op.security ?? doc.security ?? []).flatMap((requirement) => Object.keys(requirement)),
      })
    }
  }
  // grouped by tag, in the document's order within a tag
  const tags = [...new Set(result.map((o) => o.tag))]
  return result.sort((a, b) => tags.indexOf(a.tag) - tags.indexOf(b.tag))
}

function bodies(doc: OpenApiDocument, content: Record<string, MediaTypeObject>): Body[] {
  return Object.entries(content).map(([contentType, media]) => {
    const schema = media.schema ?? {}
    return { contentType, schemaName: typeName(doc, schema), fields: fields(doc, schema) }
  })
}

/** The rows of an object schema (after $ref), or one row for a body that is not an object (a CSV string). */
export function fields(doc: OpenApiDocument, schema: SchemaObject): FieldRow[] {
  const resolved = resolve(doc, schema)
  if (!resolved.properties) return []
  return properties(doc, resolved, '', 0, new Set(schema.$ref ? [schema.$ref] : []))
}

function properties(doc: OpenApiDocument, schema: SchemaObject, prefix: string, depth: number,
                    seen: Set<string>): FieldRow[] {
  const required = new Set(schema.required ?? [])
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const row = field(doc, prefix + name, property, required.has(name), depth)
    const target = property.type === 'array' && property.items ? property.items : property
    const nested = resolve(doc, target)
    const ref = target.$ref
    if (!nested.properties || depth + 1 >= MAX_DEPTH || (ref && seen.has(ref))) return [row]
    const childPrefix = `${prefix}${name}${target === property ? '' : '[]'}.`
    return [row, ...properties(doc, nested, childPrefix, depth + 1, ref ? new Set([...seen, ref]) : seen)]
  })
}

function field(doc: OpenApiDocument, name: string, schema: SchemaObject, required: boolean, depth: number,
               description?: string): FieldRow {
  const resolved = resolve(doc, schema)
  return {
    name,
    type: typeName(doc, schema),
    required,
    // a property's own description wins over that of the component it points to
    description: description ?? schema.description ?? resolved.description ?? '',
    constraints: constraints(resolved),
    depth,
  }
}

/** `string`, `integer (int64)`, `PayOrder`, `array<string>`, `map<string, string>`, `string | null` */
export function typeName(doc: OpenApiDocument, schema: SchemaObject): string {
  if (schema.$ref) return refName(schema.$ref)
  const variants = schema.oneOf ?? schema.anyOf ?? schema.allOf
  if (variants?.length) return variants.map((s) => typeName(doc, s)).join(schema.allOf ? ' & ' : ' | ')
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  const names = types.map((type) => {
    if (type === 'array') return `array<${schema.items ? typeName(doc, schema.items) : 'any'}>`
    if (type === 'object' && !schema.properties && schema.additionalProperties !== undefined) {
      const values = schema.additionalProperties
      const valueType = typeof values === 'object' && Object.keys(values).length ? typeName(doc, values) : 'any'
      return `map<string, ${valueType}>`
    }
    return schema.format && type !== 'null' ? `${type} (${schema.format})` : type
  })
  return names.length ? names.join(' | ') : 'any'
}

function constraints(schema: SchemaObject): string[] {
  const out: string[] = []
  if (schema.enum?.length) out.push(schema.enum.map(String).join(' | '))
  if (schema.pattern) out.push(`pattern ${schema.pattern}`)
  if (schema.minimum !== undefined || schema.maximum !== undefined) {
    out.push(`${schema.minimum ?? ''} … ${schema.maximum ?? ''}`.trim())
  }
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    out.push(`length ${schema.minLength ?? 0} … ${schema.maxLength ?? ''}`.trim())
  }
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`)
  return out
}

function resolve(doc: OpenApiDocument, schema: SchemaObject): SchemaObject {
  let current = schema
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    const target = doc.components?.schemas?.[refName(current.$ref)]
    if (!target) return {}
    current = target
  }
  return current
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1)
}
