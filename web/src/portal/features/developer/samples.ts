// Code, not prose: shown verbatim in both languages. Follows API.md "Authentication" exactly.
export const STRING_TO_SIGN = 'METHOD\\nPATH_AND_QUERY\\nTIMESTAMP\\nNONCE\\nBODY\\n'

export const NODE_SAMPLE = `import { createHmac, randomBytes } from 'node:crypto'

const appId = 'your-app-id'
const appSecret = process.env.AGGPAY_APP_SECRET
const body = JSON.stringify({ mch_order_no: 'A20261126001', amount: 1234, pay_way: 'WX_NATIVE', subject: 'Latte' })
const path = '/api/v1/pay/orders'
const timestamp = Math.floor(Date.now() / 1000).toString()
const nonce = randomBytes(8).toString('hex')
const message = \`POST\\n\${path}\\n\${timestamp}\\n\${nonce}\\n\${body}\\n\`
const signature = createHmac('sha256', appSecret).update(message, 'utf8').digest('base64')

const response = await fetch('https://pay.example.com' + path, {
  method: 'POST',
  headers: {
    'Content-Type': 'application/json',
    Authorization: \`AGGPAY-HMAC-SHA256 app_id="\${appId}",timestamp="\${timestamp}",nonce="\${nonce}",signature="\${signature}"\`,
  },
  body,
})
// Check the answer came from the platform: Aggpay-Signature = HMAC(appSecret, "TIMESTAMP\\nNONCE\\nBODY\\n")
const text = await response.text()
const expected = createHmac('sha256', appSecret)
  .update(\`\${response.headers.get('Aggpay-Timestamp')}\\n\${response.headers.get('Aggpay-Nonce')}\\n\${text}\\n\`)
  .digest('base64')
console.log(response.status, expected === response.headers.get('Aggpay-Signature'), text)`
