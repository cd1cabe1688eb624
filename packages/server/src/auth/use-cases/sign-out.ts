import type { AuthState } from '../../http/context';
import type { AppDeps } from '../../platform/deps';
import { forAccount } from '../../platform/gate';
import { endSession } from '../auth.queries';

/** End the session on the server, so its token is worthless even if the cookie survives. */
export async function signOut(deps: AppDeps, auth: AuthState, ip: string): Promise<void> {
  await forAccount(deps, { ip }, async (a) => {
    await endSession(a.tx, auth.sessionId, a.now);
    await a.audit({ action: 'auth.signed_out', detail: {} }, { userId: auth.actor.userId });
  });
}
