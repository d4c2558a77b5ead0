import { startApp } from '@/shared/startApp'
import { router } from './router'
import { portalMessages } from './messages'

startApp(router, portalMessages)
