/**
 * Open a signed-in session once a person's identity is proven, the same way for every path
 * (password, single sign-on): their roles, the idle time-out of their schools, whether their
 * second factor is already satisfied, and the one `auth.signed_in` entry once it is.
 */
import { eq } from 'drizzle-orm';
import { actorRequiresMfa, SSO_PROVIDERS, type SsoProvider } from '@tandem/core';
import { sessions } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { loadAssignments, type AuthState } from '../http/context';
import type { AccountWork } from '../platform/gate';
import { idleSecondsFor, openSession } from './sessions';
import { tokenHash } from './tokens';

export interface SignedInSession {
  token: string;
  auth: AuthState;
}

export interface ProvenIdentity {
  user: { id: string; email: string; displayName: string; totpSecret: string | null };
  /** A second factor was given with it (Tandem's code, or the identity provider's accepted MFA). */
  secondFactor: boolean;
  method: SignInMethod;
  ip: string;
}

export type SignInMethod = { method: 'password' } | { method: 'sso'; provider: SsoProvider };

/**
 * The session is complete at once when a second factor came with the sign-in, or when the account
 * has none and no role that needs one; otherwise Tandem's own second factor completes it.
 */
export async function openSignedInSession(a: AccountWork, who: ProvenIdentity): Promise<SignedInSession> {
  const { user, secondFactor, ip } = who;
  const assignments = await loadAssignments(a.tx, user.id);
  const totpEnabled = user.totpSecret !== null;
  const mfaSatisfied = secondFactor || (!totpEnabled && !actorRequiresMfa({ assignments }));
  const idleTimeoutSeconds = await idleSecondsFor(a.tx, a.deps, { assignments });
  const token = await openSession(a.tx, a.deps, {
    userId: user.id,
    now: a.now,
    idleTimeoutSeconds,
    mfaSatisfied,
    ip,
    signInMethod: who.method.method === 'sso' ? `sso:${who.method.provider}` : 'password',
  });
  if (mfaSatisfied) {
    await a.audit({ action: 'auth.signed_in', detail: { mfa: secondFactor, ...who.method } }, { userId: user.id });
  }
  return {
    token,
    auth: {
      sessionId: tokenHash(token),
      mfaSatisfied,
      totpEnabled,
      idleTimeoutSeconds,
      handedTo: null,
      actor: { userId: user.id, email: user.email, displayName: user.displayName, assignments },
    },
  };
}

/**
 * How the session's person signed in, for the `auth.signed_in` entry written when Tandem's second
 * factor completes the sign-in; nothing for a session opened before the method was kept.
 */
export async function signInMethodOf(tx: DbOrTx, sessionId: string): Promise<SignInMethod | Record<string, never>> {
  const [row] = await tx
    .select({ signInMethod: sessions.signInMethod })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  const kept = row?.signInMethod ?? null;
  if (kept === 'password') return { method: 'password' };
  const provider = SSO_PROVIDERS.find((p) => kept === `sso:${p}`);
  return provider ? { method: 'sso', provider } : {};
}
