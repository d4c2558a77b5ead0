import { createRouter, createWebHashHistory } from 'vue-router'
import { sessionStore } from '@/shared/http'

// Hash history, as in the portal: the gateway serves one index.html for /admin/.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./features/auth/LoginView.vue'), meta: { public: true } },
    {
      path: '/',
      component: () => import('./features/layout/AdminLayout.vue'),
      children: [
        { path: '', redirect: { name: 'review' } },
        { path: 'review', name: 'review', component: () => import('./features/merchants/MerchantsView.vue'), props: { reviewQueue: true } },
        { path: 'merchants', name: 'merchants', component: () => import('./features/merchants/MerchantsView.vue'), props: { reviewQueue: false } },
        { path: 'merchants/:merchantId', name: 'merchant', component: () => import('./features/merchants/MerchantDetailView.vue'), props: true },
        { path: 'channels', name: 'channels', component: () => import('./features/channels/ChannelsView.vue') },
        { path: 'webhooks', name: 'webhooks', component: () => import('./features/webhooks/WebhookEventsView.vue') },
        { path: 'reconciliation', name: 'reconciliation', component: () => import('./features/reconciliation/ReconciliationView.vue') },
        { path: 'audit', name: 'audit', component: () => import('./features/audit/AuditView.vue') },
      ],
    },
    { path: '/:unknown(.*)*', redirect: { name: 'review' } },
  ],
})

const session = sessionStore('aggpay-admin-token')
router.beforeEach((to) => {
  if (!to.meta.public && !session.token()) return { name: 'login', query: { next: to.fullPath } }
  return true
})
