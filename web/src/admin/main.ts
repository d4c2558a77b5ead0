import { startApp } from '@/shared/startApp'
import { router } from './router'
import { adminMessages } from './messages'

startApp(router, adminMessages)
