import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import '@/shared/base.css'
import App from './App.vue'
import { router } from './router'
import { createAppI18n } from '@/shared/i18n'
import { portalMessages } from './messages'

createApp(App).use(createAppI18n(portalMessages)).use(ElementPlus).use(router).mount('#app')
