/** The Standard Webhooks libraries take the secret as `whsec_` + base64 of its bytes (API.md "Webhooks"). */
export function standardWebhooksSecret(secret: string): string {
  const bytes = new TextEncoder().encode(secret)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return `whsec_${btoa(binary)}`
}
