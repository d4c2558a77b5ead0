// The merchant API outside the browser, signed as API.md "Authentication" says (AGGPAY-HMAC-SHA256).
import { createHmac, randomBytes } from 'node:crypto'

export async function signedCall(baseUrl, { appId, appSecret }, method, pathAndQuery, bodyObject) {
  const body = bodyObject === undefined ? '' : JSON.stringify(bodyObject)
  const timestamp = Math.floor(Date.now() / 1000).toString()
  const nonce = randomBytes(8).toString('hex')
  const message = `${method}\n${pathAndQuery}\n${timestamp}\n${nonce}\n${body}\n`
  const signature = createHmac('sha256', appSecret).update(message, 'utf8').digest('base64')
  const response = await fetch(baseUrl + pathAndQuery, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `AGGPAY-HMAC-SHA256 app_id="${appId}",timestamp="${timestamp}",nonce="${nonce}",signature="${signature}"`,
    },
    body: body || undefined,
  })
  const text = await response.text()
  // the platform signs its answer with the same secret: check it, as a merchant would
  const expected = createHmac('sha256', appSecret)
    .update(`${response.headers.get('aggpay-timestamp')}\n${response.headers.get('aggpay-nonce')}\n${text}\n`, 'utf8')
    .digest('base64')
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    signedByPlatform: expected === response.headers.get('aggpay-signature'),
  }
}

export function standardWebhooksSecret(secret) {
  return `whsec_${Buffer.from(secret, 'utf8').toString('base64')}`
}
