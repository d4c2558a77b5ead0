import { createApp } from 'vue'
import type { Router } from 'vue-router'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './base.css'
import AppRoot from './components/AppRoot.vue'
import { createAppI18n, type Messages } from './i18n'

/** Both front ends start the same way; only their routes and their own texts differ. */
export function startApp(router: Router, messages: Messages): void {
  createApp(AppRoot).use(createAppI18n(messages)).use(ElementPlus).use(router).mount('#app')
}
