/**
 * The one session question the platform asks outside a request: whether a long-lived connection
 * (the live alert stream) still belongs to a live session. Signing in and out belongs to auth/.
 */
import { eq } from 'drizzle-orm';
import { sessions, users } from '@tandem/core/schema';
import type { AppDeps } from './deps';

/** Whether the session is still live: not signed out, not timed out (idle or absolute), not disabled. */
export async function sessionStillLive(deps: AppDeps, sessionId: string): Promise<boolean> {
  const [row] = await deps.database.db
    .select({ s: sessions, disabledAt: users.disabledAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId));
  if (!row || row.s.endedAt || row.disabledAt) return false;
  const now = deps.clock.now().getTime();
  return now < row.s.expiresAt.getTime() && now - row.s.lastSeenAt.getTime() <= row.s.idleTimeoutSeconds * 1000;
}
