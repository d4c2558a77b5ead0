// Every literal key a page passes to t() exists in both languages, and both languages have the same keys.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

const root = new URL('../src/', import.meta.url).pathname

async function load(file, name) {
  const source = readFileSync(join(root, file), 'utf8').replace(/^import .*$/gm, '')
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
  return (await import(`data:text/javascript,${encodeURIComponent(js)}`))[name]
}

function keys(tree, prefix = '') {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.(vue|ts)$/.test(name) ? [path] : []
  })
}

function usedKeys(dirs) {
  const used = new Set()
  for (const file of dirs.flatMap((d) => sources(join(root, d)))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bte?\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(m[1])
  }
  return used
}

const common = await load('shared/messages.ts', 'commonMessages')
for (const [app, exported] of [['portal', 'portalMessages'], ['admin', 'adminMessages']]) {
  const own = await load(`${app}/messages.ts`, exported)
  const zh = new Set(keys({ ...common['zh-CN'], ...own['zh-CN'] }))
  const en = new Set(keys({ ...common.en, ...own.en }))

  test(`${app}: both languages have the same keys`, () => {
    assert.deepEqual([...zh].filter((k) => !en.has(k)), [])
    assert.deepEqual([...en].filter((k) => !zh.has(k)), [])
  })

  test(`${app}: every key the pages use exists`, () => {
    const missing = [...usedKeys([app, 'shared'])].filter((k) => !zh.has(k))
    assert.deepEqual(missing, [])
  })
}
