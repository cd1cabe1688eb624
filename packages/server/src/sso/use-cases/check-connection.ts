import { and, eq } from 'drizzle-orm';
import { AppError, SSO_PROVIDER_LABELS, type SsoCheckResponse, type SsoProvider } from '@tandem/core';
import { ssoConnections } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import type { SchoolRequest } from '../../platform/gate';
import { asSsoAdmin } from '../sso.access';
import { discover } from '../sso.oidc';
import { connectionOf } from '../sso.queries';

/**
 * Check the saved connection: discovery of the issuer over the network (outside any transaction),
 * then the result recorded and audited. The client secret can only be proven by a real sign-in.
 */
export async function checkConnection(
  deps: AppDeps,
  at: SchoolRequest,
  provider: SsoProvider,
): Promise<SsoCheckResponse> {
  const saved = await asSsoAdmin(deps, at, (w) => connectionOf(w.tx, w.schoolId, provider));
  if (!saved) {
    throw new AppError('not_found', 'no connection', {
      userMessage: `Save the ${SSO_PROVIDER_LABELS[provider]} connection before checking it.`,
    });
  }
  let ok = true;
  try {
    await discover(deps, saved);
  } catch {
    ok = false;
  }
  await asSsoAdmin(deps, at, async (w) => {
    await w.tx
      .update(ssoConnections)
      .set({ lastCheckedAt: w.now, lastCheckOk: ok })
      .where(and(eq(ssoConnections.schoolId, w.schoolId), eq(ssoConnections.provider, provider)));
    await w.audit({ action: 'sso.connection_checked', detail: { provider, ok } });
  });
  const label = SSO_PROVIDER_LABELS[provider];
  return ok
    ? {
        ok,
        message: `Tandem reached ${saved.issuer} and read its ${label} sign-in settings. Sign in once with a staff account to prove the client ID and secret.`,
      }
    : {
        ok,
        message: `Tandem could not read the sign-in settings at ${saved.issuer}. Check the issuer address${provider === 'microsoft' ? ' (the tenant ID)' : ''} and that this server can reach it.`,
      };
}
