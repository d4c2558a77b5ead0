// The signed-in user's role, read from the portal token's payload (base64url JSON with a `role` claim such as
// MERCHANT_DEVELOPER). It only decides which buttons a page shows: merchant-service checks every call itself.
export type PortalRole = 'OWNER' | 'DEVELOPER' | 'VIEWER'

const ROLES: readonly PortalRole[] = ['OWNER', 'DEVELOPER', 'VIEWER']

export function roleOf(token: string | null): PortalRole | null {
  const payload = token?.split('.')[0]
  if (!payload) return null
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: unknown }
    const role = typeof claims.role === 'string' ? claims.role.replace(/^MERCHANT_/, '') : ''
    return (ROLES as readonly string[]).includes(role) ? (role as PortalRole) : null
  } catch {
    return null
  }
}

/** Developers and owners manage apps and webhooks (enable an endpoint, send a test); viewers only read. */
export function managesWebhooks(role: PortalRole | null): boolean {
  return role === 'OWNER' || role === 'DEVELOPER'
}
