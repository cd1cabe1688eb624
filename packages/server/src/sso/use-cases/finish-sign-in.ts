import { amrShowsMfa, type SsoProvider, type SsoRefusal } from '@tandem/core';
import { openSignedInSession, type SignedInSession } from '../../auth/session-start';
import { assertNotLocked, clearFailures, recordAddressFailure, recordFailure, throttleKey } from '../../auth/throttle';
import { safeEqual, tokenHash } from '../../auth/tokens';
import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { discover, exchangeCode, redirectUriFor, verifiedEmail } from '../sso.oidc';
import {
  connectionById,
  holdsStaffRole,
  lockAttempt,
  markAttemptUsed,
  schoolTrust,
  userWithEmail,
  type ConnectionRow,
} from '../sso.queries';

export type FinishResult = { session: SignedInSession } | { refused: SsoRefusal };

interface Refusal {
  reason: SsoRefusal;
  provider: SsoProvider | null;
  connection: ConnectionRow | null;
  userId: string | null;
  throttleKey: string | null;
}

/**
 * Finish a single sign-on when the identity provider sends the person back. The attempt must be
 * Tandem's, unused and unexpired (marked used in the same transaction, so a replayed state is
 * refused), and come back to the browser that started it (its cookie); openid-client exchanges the code and checks the ID token; then the verified e-mail
 * must be in the connection's domains and belong to an active member of staff of THAT school who
 * is not disabled. The session is opened as for a password; the identity provider's MFA stands in
 * for Tandem's second factor only where the school accepts it. Every refusal is audited (reason
 * code, school, the person when known; never the address) and counts towards the throttle.
 */
export async function finishSignIn(
  deps: AppDeps,
  query: Record<string, string>,
  browserToken: string,
  ip: string,
): Promise<FinishResult> {
  const state = query.state ?? '';
  const claimed = await forAccount(deps, { ip }, async (a) => {
    const attempt = state === '' || state.length > 500 ? undefined : await lockAttempt(a.tx, tokenHash(state));
    if (!attempt) return { reason: 'unknown_state' as const, connection: null, attempt: null };
    const connection = (await connectionById(a.tx, attempt.connectionId)) ?? null;
    if (attempt.usedAt) return { reason: 'replayed_state' as const, connection, attempt };
    // Started in another browser: refused, and the attempt stays for the browser that started it.
    if (!safeEqual(tokenHash(browserToken), attempt.browserHash)) {
      return { reason: 'other_browser' as const, connection, attempt };
    }
    await markAttemptUsed(a.tx, attempt.id, a.now);
    if (attempt.expiresAt <= a.now) return { reason: 'expired' as const, connection, attempt };
    if (!connection?.enabled) return { reason: 'domain_not_connected' as const, connection, attempt };
    return { reason: null, connection, attempt };
  });
  const { connection, attempt } = claimed;
  const base = {
    provider: connection?.provider ?? null,
    connection,
    userId: null,
    throttleKey: attempt?.throttleKey ?? null,
  };
  if (claimed.reason !== null || !connection || !attempt) {
    return refuse(deps, ip, { ...base, reason: claimed.reason ?? 'unknown_state' });
  }
  if (query.error !== undefined) return refuse(deps, ip, { ...base, reason: 'idp_error' });

  let exchanged;
  try {
    const config = await discover(deps, connection);
    const callbackUrl = new URL(redirectUriFor(deps));
    for (const [k, v] of Object.entries(query)) callbackUrl.searchParams.set(k, v);
    exchanged = await exchangeCode(config, callbackUrl, {
      state,
      nonce: attempt.nonce,
      codeVerifier: attempt.codeVerifier,
    });
  } catch {
    exchanged = { refused: 'idp_error' as const };
  }
  if ('refused' in exchanged) return refuse(deps, ip, { ...base, reason: exchanged.refused });

  const { claims } = exchanged;
  const email = verifiedEmail(claims);
  if (!email) return refuse(deps, ip, { ...base, reason: 'email_unverified' });
  const key = throttleKey(email);
  const withKey = { ...base, throttleKey: key };
  if (!connection.domains.includes(email.slice(email.lastIndexOf('@') + 1))) {
    return refuse(deps, ip, { ...withKey, reason: 'domain_not_connected' });
  }
  const { db } = deps.database;
  try {
    await assertNotLocked(db, key, deps.clock.now());
  } catch {
    return refuse(deps, ip, { ...withKey, reason: 'locked', throttleKey: null });
  }
  const user = await userWithEmail(db, email);
  if (!user) return refuse(deps, ip, { ...withKey, reason: 'not_staff' });
  const who = { ...withKey, userId: user.id };
  if (user.disabledAt) return refuse(deps, ip, { ...who, reason: 'disabled' });
  if (!(await holdsStaffRole(db, user.id, connection.schoolId)))
    return refuse(deps, ip, { ...who, reason: 'not_staff' });

  const secondFactor = connection.acceptIdpMfa && amrShowsMfa(claims.amr);
  const session = await forAccount(deps, { ip }, async (a) => {
    await clearFailures(a.tx, key);
    return openSignedInSession(a, { user, secondFactor, method: { method: 'sso', provider: connection.provider }, ip });
  });
  return { session };
}

async function refuse(deps: AppDeps, ip: string, r: Refusal): Promise<FinishResult> {
  const trustId = r.connection ? await schoolTrust(deps.database.db, r.connection.schoolId) : undefined;
  await forAccount(deps, { ip }, async (a) => {
    await recordAddressFailure(a.tx, ip, a.now);
    if (r.throttleKey) await recordFailure(a.tx, r.throttleKey, a.now);
    await a.audit(
      { action: 'auth.sso_refused', detail: { provider: r.provider, reason: r.reason } },
      {
        userId: r.userId,
        ...(r.connection && trustId ? { school: { trustId, schoolId: r.connection.schoolId } } : {}),
      },
    );
  });
  return { refused: r.reason };
}
