import { AppError, type SsoConnection, type SsoConnectionBody, type SsoProvider } from '@tandem/core';
import { ssoConnections } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { asSsoAdmin } from '../sso.access';
import { toConnection } from '../sso.mapping';
import { issuerAllowed } from '../sso.oidc';
import { connectionOf } from '../sso.queries';

const EDITABLE = ['issuer', 'clientId', 'domains', 'acceptIdpMfa', 'enabled'] as const;

/**
 * Create or replace the school's connection for one provider. The client secret is write-only:
 * given the first time, then only to replace it. Audited with the fields changed, never a secret.
 */
export async function saveConnection(
  deps: AppDeps,
  at: SchoolRequest,
  provider: SsoProvider,
  body: SsoConnectionBody,
): Promise<SsoConnection> {
  return asSsoAdmin(deps, at, async (w) => {
    const issuer = body.issuer.replace(/\/$/, '');
    if (!issuerAllowed(deps, issuer)) {
      const message = 'The issuer address must start https://';
      throw new AppError('validation', 'issuer not https', {
        userMessage: message,
        fields: [{ path: 'issuer', message }],
      });
    }
    const before = await connectionOf(w.tx, w.schoolId, provider);
    if (!before && body.clientSecret === undefined) {
      const message = 'Enter the client secret';
      throw new AppError('validation', 'secret needed', {
        userMessage: message,
        fields: [{ path: 'clientSecret', message }],
      });
    }
    const domains = [...new Set(body.domains.map((d) => d.replace(/^@/, '')))].sort();
    const values = {
      issuer,
      clientId: body.clientId,
      domains,
      acceptIdpMfa: body.acceptIdpMfa,
      enabled: body.enabled,
      updatedBy: w.userId,
      updatedAt: w.now,
      ...(body.clientSecret !== undefined ? { clientSecret: body.clientSecret } : {}),
    };
    const fields = before
      ? EDITABLE.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(values[f]))
      : [...EDITABLE];
    const [row] = await w.tx
      .insert(ssoConnections)
      .values({ schoolId: w.schoolId, provider, clientSecret: body.clientSecret ?? '', ...values })
      .onConflictDoUpdate({ target: [ssoConnections.schoolId, ssoConnections.provider], set: values })
      .returning();
    await w.audit({
      action: 'sso.connection_saved',
      detail: { provider, fields: [...fields], secretReplaced: body.clientSecret !== undefined, enabled: body.enabled },
    });
    return toConnection(row!);
  });
}
