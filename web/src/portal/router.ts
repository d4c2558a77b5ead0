import { createRouter, createWebHashHistory } from 'vue-router'
import { sessionStore } from '@/shared/http'

// Hash history: the gateway serves one index.html for /portal/ and every client route lives after the '#'.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./features/auth/LoginView.vue'), meta: { public: true } },
    { path: '/signup', name: 'signup', component: () => import('./features/auth/SignupView.vue'), meta: { public: true } },
    {
      path: '/',
      component: () => import('./features/layout/PortalLayout.vue'),
      children: [
        { path: '', redirect: { name: 'dashboard' } },
        { path: 'dashboard', name: 'dashboard', component: () => import('./features/dashboard/DashboardView.vue') },
        { path: 'onboarding', name: 'onboarding', component: () => import('./features/kyc/OnboardingView.vue') },
        { path: 'apps', name: 'apps', component: () => import('./features/apps/AppsView.vue') },
        { path: 'stores', name: 'stores', component: () => import('./features/stores/StoresView.vue') },
        { path: 'orders', name: 'orders', component: () => import('./features/orders/OrdersView.vue') },
        { path: 'webhooks', name: 'webhooks', component: () => import('./features/webhooks/WebhookEventsView.vue') },
        { path: 'statements', name: 'statements', component: () => import('./features/statements/StatementsView.vue') },
        { path: 'developer', name: 'developer', component: () => import('./features/developer/DeveloperView.vue') },
        { path: 'users', name: 'users', component: () => import('./features/users/UsersView.vue') },
      ],
    },
    { path: '/:unknown(.*)*', redirect: { name: 'dashboard' } },
  ],
})

const session = sessionStore('aggpay-portal-token')
router.beforeEach((to) => {
  if (!to.meta.public && !session.token()) return { name: 'login', query: { next: to.fullPath } }
  return true
})
