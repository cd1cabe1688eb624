import { AppError, SSO_ATTEMPT_MINUTES, notConnectedMessage, type SsoStartQuery } from '@tandem/core';
import { assertNotLocked, throttleKey } from '../../auth/throttle';
import { newToken, tokenHash } from '../../auth/tokens';
import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { authorizationUrl, discover, newAttemptSecrets } from '../sso.oidc';
import { enabledConnectionsFor, holdsStaffRole, insertAttempt, userWithEmail } from '../sso.queries';

/**
 * Start a single sign-on: find the enabled connection for the provider and the address's domain
 * (the answer never says whether an account exists), store a one-time attempt in the database
 * (state as a hash, nonce, PKCE verifier; 10 minutes; sso.jobs.ts deletes it a day after) and answer the identity provider's address,
 * with the value the starting browser keeps in a cookie: only that browser may finish the attempt.
 */
export async function startSignIn(deps: AppDeps, query: SsoStartQuery): Promise<{ url: URL; browserToken: string }> {
  const { db } = deps.database;
  const key = throttleKey(query.email);
  await assertNotLocked(db, key, deps.clock.now());
  const domain = query.email.slice(query.email.lastIndexOf('@') + 1);
  const candidates = await enabledConnectionsFor(db, query.provider, domain);
  if (candidates.length === 0) {
    throw new AppError('bad_request', 'no sso connection', {
      userMessage: notConnectedMessage(query.provider),
      fields: [{ path: 'email', message: notConnectedMessage(query.provider) }],
    });
  }
  // Schools of a trust may share a domain: the one where the address is on the staff list, if any.
  let connection = candidates[0]!;
  if (candidates.length > 1) {
    const user = await userWithEmail(db, query.email);
    for (const c of candidates) {
      if (user && (await holdsStaffRole(db, user.id, c.schoolId))) {
        connection = c;
        break;
      }
    }
  }
  let config;
  try {
    config = await discover(deps, connection);
  } catch {
    throw new AppError('bad_request', 'sso discovery failed', {
      userMessage:
        "Tandem could not reach your school's sign-in service. Try again later, or sign in with your password.",
    });
  }
  const secrets = newAttemptSecrets();
  const browserToken = newToken();
  await forAccount(deps, { ip: null }, async (a) => {
    await insertAttempt(a.tx, {
      schoolId: connection.schoolId,
      connectionId: connection.id,
      stateHash: tokenHash(secrets.state),
      browserHash: tokenHash(browserToken),
      nonce: secrets.nonce,
      codeVerifier: secrets.codeVerifier,
      throttleKey: key,
      createdAt: a.now,
      expiresAt: new Date(a.now.getTime() + SSO_ATTEMPT_MINUTES * 60_000),
    });
  });
  return { url: await authorizationUrl(deps, config, secrets, query.email), browserToken };
}
