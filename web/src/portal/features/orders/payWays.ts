// API.md "Create a payment order": every pay_way the merchant API takes.
export const PAY_WAYS = ['WX_NATIVE', 'WX_JSAPI', 'WX_H5', 'WX_APP', 'ALI_QR', 'ALI_WAP', 'ALI_PC', 'ALI_APP',
  'ALI_JSAPI', 'UP_QR', 'UP_JSAPI', 'QR_CASHIER'] as const
export const ORDER_STATES = ['PAYING', 'SUCCESS', 'FAILED', 'CLOSED'] as const
