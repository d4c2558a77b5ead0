import { createApp } from 'vue'
import { createAppI18n } from '@/shared/i18n'
import './cashier.css'
import CashierApp from './CashierApp.vue'
import { cashierMessages } from './messages'

// The payer's phone: no Element Plus and no router, to stay small on a mobile connection.
createApp(CashierApp).use(createAppI18n(cashierMessages)).mount('#app')
