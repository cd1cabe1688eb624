/** Connection rows to API answers: the client secret never leaves the server. */
import type { SsoConnection } from '@tandem/core';
import type { ConnectionRow } from './sso.queries';

export function toConnection(row: ConnectionRow): SsoConnection {
  return {
    provider: row.provider,
    issuer: row.issuer,
    clientId: row.clientId,
    secretSaved: row.clientSecret !== '',
    domains: row.domains,
    acceptIdpMfa: row.acceptIdpMfa,
    enabled: row.enabled,
    updatedAt: row.updatedAt.toISOString(),
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    lastCheckOk: row.lastCheckOk,
  };
}
