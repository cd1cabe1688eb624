/**
 * Per-request authentication: the session cookie is looked up, checked for idle and absolute
 * expiry, and turned into an Actor. Routes ask for the actor with requireActor(), which refuses
 * with 401 until both factors are satisfied.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError, type Actor } from '@tandem/core';
import { roleAssignments, sessions, users } from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { endSession } from '../auth/auth.queries';
import { tokenHash } from '../auth/tokens';
import type { DbOrTx } from '../db/client';
import { forAccount } from '../platform/gate';

export const SESSION_COOKIE = 'tandem_session';

export interface AuthState {
  sessionId: string;
  mfaSatisfied: boolean;
  totpEnabled: boolean;
  idleTimeoutSeconds: number;
  /** Set while the device is handed to a pupil to answer one questionnaire (http/handed-device.ts). */
  handedTo: { schoolId: string; questionnaireId: string } | null;
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** The roles a person holds now, across every school and trust. */
export async function loadAssignments(db: DbOrTx, userId: string): Promise<Actor['assignments']> {
  const rows = await db
    .select({ role: roleAssignments.role, trustId: roleAssignments.trustId, schoolId: roleAssignments.schoolId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), isNull(roleAssignments.revokedAt)));
  return rows.map((r) => ({ role: r.role, trustId: r.trustId, schoolId: r.schoolId }));
}

/** Only update last-seen this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 15_000;

export function registerAuthContext(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    const { db } = app.deps.database;
    const now = app.deps.clock.now();
    const id = tokenHash(token);
    const [row] = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id));
    if (!row || row.session.endedAt || row.user.disabledAt) return;
    const { session, user } = row;
    const idleExpired = now.getTime() - session.lastSeenAt.getTime() > session.idleTimeoutSeconds * 1000;
    if (idleExpired || now >= session.expiresAt) {
      await forAccount(app.deps, { ip: request.ip }, async (a) => {
        await endSession(a.tx, id, now);
        await a.audit({ action: 'auth.session_expired', detail: {} }, { userId: user.id });
      });
      return;
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    }
    request.auth = {
      sessionId: id,
      mfaSatisfied: session.mfaSatisfied,
      totpEnabled: user.totpSecret !== null,
      idleTimeoutSeconds: session.idleTimeoutSeconds,
      handedTo: session.handedTo ?? null,
      actor: {
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
        assignments: await loadAssignments(db, user.id),
      },
    };
  });
}

/** The signed-in person, fully authenticated; otherwise 401. */
export function requireActor(request: FastifyRequest): Actor {
  const auth = request.auth;
  if (!auth) throw new AppError('unauthenticated', 'no session');
  if (!auth.mfaSatisfied) throw new AppError('mfa_required', 'second factor not yet given');
  return auth.actor;
}

/** Routes that must never be cached by a browser or proxy (anything personal). */
export function noStore(reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store');
}
