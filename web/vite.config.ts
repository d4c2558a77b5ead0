import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// One project, three front ends: `vite build --mode portal`, `--mode admin` and `--mode cashier` (the payer's pages).
// Each has its own index.html folder (portal/, admin/, cashier/) and is served by the gateway under the same path,
// so the base is that path.
const FRONT_ENDS = ['portal', 'admin', 'cashier'] as const

export default defineConfig(({ mode }) => {
  const app = FRONT_ENDS.find((name) => name === mode)
  if (!app) {
    throw new Error(`choose a front end with --mode ${FRONT_ENDS.join(' | ')} (got "${mode}")`)
  }
  const root = fileURLToPath(new URL(`./${app}`, import.meta.url))
  return {
    root,
    base: `/${app}/`,
    plugins: [vue()],
    resolve: {
      alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
    },
    build: {
      outDir: fileURLToPath(new URL(`./dist/${app}`, import.meta.url)),
      emptyOutDir: true,
      // Nothing inlined as data: URLs, so the pages' Content-Security-Policy needs no data: source.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 1500,
    },
    server: {
      fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] },
      // `npm run dev:*` against a local platform: the APIs live on the gateway.
      proxy: { '/api': 'http://127.0.0.1:8080' },
    },
  }
})
