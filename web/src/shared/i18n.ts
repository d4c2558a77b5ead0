import { computed, watch } from 'vue'
import { createI18n } from 'vue-i18n'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import en from 'element-plus/es/locale/lang/en'
import { commonMessages } from './messages'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
const STORAGE_KEY = 'aggpay-locale'

export type Messages = Record<Locale, Record<string, unknown>>

function remembered(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY)
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : 'zh-CN' // 简体中文 by default
}

/** Both apps: common words plus the app's own, the choice remembered in localStorage for the next visit. */
export function createAppI18n(appMessages: Messages) {
  const i18n = createI18n({
    legacy: false,
    locale: remembered(),
    fallbackLocale: 'en',
    messages: {
      'zh-CN': { ...commonMessages['zh-CN'], ...appMessages['zh-CN'] },
      en: { ...commonMessages.en, ...appMessages.en },
    },
  })
  const locale = i18n.global.locale
  watch(locale, (value) => {
    localStorage.setItem(STORAGE_KEY, value)
    document.documentElement.lang = value
  }, { immediate: true })
  return i18n
}

/** Element Plus's own texts (pagination, dialogs, date pickers) follow the chosen language. */
export function elementLocale(locale: { value: string }) {
  return computed(() => (locale.value === 'en' ? en : zhCn))
}
