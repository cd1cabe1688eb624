/**
 * The one gate to a school's (or a trust's) data. A service reaches stored records only through
 * these functions, which
 *  1. check the permission: outside the actor's school (or trust) the answer is 404, as if the
 *     thing did not exist; inside it, a missing permission is 403;
 *  2. open the transaction (or, for a read that records nothing, hand over the database);
 *  3. hand the work a handle whose only way to write the audit trail is a typed event, written in
 *     the same transaction as the change it describes;
 *  4. run what must wait for the commit (e-mails, waking live alert streams) only once it has
 *     committed, so nobody is told about a change that was rolled back.
 *
 * Routes never reach the database themselves; features never write the audit trail but through a
 * handle from here (a lint rule keeps `appendAudit` inside platform/ and audit/).
 */
import {
  AppError,
  belongsToSchool,
  canInSchool,
  canInTrust,
  type Actor,
  type AuditEvent,
  type AuditSubjectType,
  type Permission,
} from '@tandem/core';
import { appendAudit } from '../audit/audit.service';
import type { DbOrTx, Tx } from '../db/client';
import type { AppDeps } from './deps';

/**
 * What the work must be allowed: one permission, any of several, or (when the feature decides
 * finer access itself, as for plans given to named staff) simply holding a role in the school.
 */
export type Allowed = Permission | readonly Permission[] | 'member';

/** Who is asking, and where. */
export interface SchoolRequest {
  actor: Actor;
  schoolId: string;
  /** The network address, recorded with each audit entry. */
  ip: string | null;
}

export interface TrustRequest {
  actor: Actor;
  trustId: string;
  ip: string | null;
}

/** What an audit entry is about. */
export interface AuditSubject {
  type: AuditSubjectType;
  id: string | null;
}

/** A read in one school that records nothing: the database, the actor and the time. */
export interface SchoolRead {
  readonly deps: AppDeps;
  readonly db: DbOrTx;
  readonly actor: Actor;
  readonly schoolId: string;
  /** The clock's time when the gate opened, so one piece of work sees one "now". */
  readonly now: Date;
}

/** Work in one school inside one transaction, with its audit trail and after-commit effects. */
export interface SchoolWork extends SchoolRead {
  readonly tx: Tx;
  readonly trustId: string;
  /**
   * Append a typed audit event, in this transaction, about a subject in this school (or about the
   * school as a whole, with no subject, as when its audit trail is viewed).
   */
  audit(event: AuditEvent, subject?: AuditSubject): Promise<void>;
  /** Run once the transaction has committed (the first try at sending its queued e-mail). Never on rollback. */
  afterCommit(effect: () => Promise<void> | void): void;
}

export interface TrustWork {
  readonly deps: AppDeps;
  readonly tx: Tx;
  readonly actor: Actor;
  readonly trustId: string;
  readonly now: Date;
  audit(event: AuditEvent, subject?: AuditSubject): Promise<void>;
  afterCommit(effect: () => Promise<void> | void): void;
}

/** Work done by the server itself (due jobs): no actor; each audit entry names its school. */
export interface SystemWork {
  readonly deps: AppDeps;
  readonly tx: Tx;
  readonly now: Date;
  audit(event: AuditEvent, where: { trustId: string; schoolId: string | null; subject: AuditSubject }): Promise<void>;
  afterCommit(effect: () => Promise<void> | void): void;
}

/** Work on one person's own account (signing in, two-factor, passwords): not in any school. */
export interface AccountWork {
  readonly deps: AppDeps;
  readonly tx: Tx;
  readonly now: Date;
  /** `school`: the school the entry belongs to, when known (a single sign-on through its connection). */
  audit(
    event: AuditEvent,
    who: { userId: string | null; school?: { trustId: string; schoolId: string } },
  ): Promise<void>;
  afterCommit(effect: () => Promise<void> | void): void;
}

function permits(actor: Actor, schoolId: string, allowed: Allowed): boolean {
  if (allowed === 'member') return true;
  if (typeof allowed === 'string') return canInSchool(actor, allowed, schoolId);
  return allowed.some((p) => canInSchool(actor, p, schoolId));
}

function describe(allowed: Allowed): string {
  return typeof allowed === 'string' ? allowed : allowed.join(' or ');
}

/** 404 outside the actor's school, 403 inside it without the permission. */
export function checkSchool(actor: Actor, schoolId: string, allowed: Allowed): void {
  if (!belongsToSchool(actor, schoolId)) throw new AppError('not_found', 'school not in scope');
  if (!permits(actor, schoolId, allowed)) throw new AppError('forbidden', `missing ${describe(allowed)}`);
}

/** 404 outside the actor's trust role, 403 inside it without the permission. */
export function checkTrust(actor: Actor, trustId: string, permission: Permission): void {
  const inTrust = actor.assignments.some((a) => a.schoolId === null && a.trustId === trustId);
  if (!inTrust) throw new AppError('not_found', 'trust not in scope');
  if (!canInTrust(actor, permission, trustId)) throw new AppError('forbidden', `missing ${permission}`);
}

type Effect = () => Promise<void> | void;

async function runEffects(effects: Effect[]): Promise<void> {
  for (const effect of effects) await effect();
}

async function transaction<T>(deps: AppDeps, work: (tx: Tx, effects: Effect[]) => Promise<T>): Promise<T> {
  const effects: Effect[] = [];
  const result = await deps.database.db.transaction((tx) => work(tx, effects));
  await runEffects(effects);
  return result;
}

/**
 * Do work in a school: check the permission, open a transaction, hand over the audited handle,
 * and run after-commit effects once it has committed.
 */
export async function inSchool<T>(
  deps: AppDeps,
  request: SchoolRequest,
  allowed: Allowed,
  work: (s: SchoolWork) => Promise<T>,
): Promise<T> {
  const { actor, schoolId, ip } = request;
  checkSchool(actor, schoolId, allowed);
  const now = deps.clock.now();
  return transaction(deps, async (tx, effects) => {
    // The trust comes from the actor's own role in the school (checked above): no query needed.
    const trustId = actor.assignments.find((a) => a.schoolId === schoolId)?.trustId;
    if (!trustId) throw new AppError('not_found', 'school not in scope');
    const handle: SchoolWork = {
      deps,
      db: tx,
      tx,
      actor,
      schoolId,
      trustId,
      now,
      audit: (event, subject) =>
        (deps.auditWriter ?? appendAudit)(tx, deps.clock, event, {
          actorUserId: actor.userId,
          trustId,
          schoolId,
          subjectType: subject?.type ?? null,
          subjectId: subject?.id ?? null,
          ip,
        }),
      afterCommit: (effect) => {
        effects.push(effect);
      },
    };
    return work(handle);
  });
}

/**
 * Read in a school without writing anything (lists, pickers, counts): the same check, no
 * transaction and no audit handle. Anything that reads a pupil's sensitive record is audited, and
 * so goes through `inSchool`.
 */
export async function readInSchool<T>(
  deps: AppDeps,
  request: Omit<SchoolRequest, 'ip'>,
  allowed: Allowed,
  work: (s: SchoolRead) => Promise<T>,
): Promise<T> {
  checkSchool(request.actor, request.schoolId, allowed);
  return work({
    deps,
    db: deps.database.db,
    actor: request.actor,
    schoolId: request.schoolId,
    now: deps.clock.now(),
  });
}

/** Do work across a trust (trust roles only): the trust's check, a transaction, an audit handle. */
export async function inTrust<T>(
  deps: AppDeps,
  request: TrustRequest,
  permission: Permission,
  work: (t: TrustWork) => Promise<T>,
): Promise<T> {
  const { actor, trustId, ip } = request;
  checkTrust(actor, trustId, permission);
  const now = deps.clock.now();
  return transaction(deps, (tx, effects) =>
    work({
      deps,
      tx,
      actor,
      trustId,
      now,
      audit: (event, subject) =>
        (deps.auditWriter ?? appendAudit)(tx, deps.clock, event, {
          actorUserId: actor.userId,
          trustId,
          schoolId: subject?.type === 'school' ? subject.id : null,
          subjectType: subject?.type ?? null,
          subjectId: subject?.id ?? null,
          ip,
        }),
      afterCommit: (effect) => {
        effects.push(effect);
      },
    }),
  );
}

/** Work the server does by itself when something falls due: one transaction, entries with no actor. */
export async function asSystem<T>(deps: AppDeps, work: (s: SystemWork) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  return transaction(deps, (tx, effects) =>
    work({
      deps,
      tx,
      now,
      audit: (event, where) =>
        (deps.auditWriter ?? appendAudit)(tx, deps.clock, event, {
          actorUserId: null,
          trustId: where.trustId,
          schoolId: where.schoolId,
          subjectType: where.subject.type,
          subjectId: where.subject.id,
        }),
      afterCommit: (effect) => {
        effects.push(effect);
      },
    }),
  );
}

/** Work on a person's own account (sign-in, two-factor, passwords, sessions), not in a school. */
export async function forAccount<T>(
  deps: AppDeps,
  request: { ip: string | null },
  work: (a: AccountWork) => Promise<T>,
): Promise<T> {
  const now = deps.clock.now();
  return transaction(deps, (tx, effects) =>
    work({
      deps,
      tx,
      now,
      audit: (event, who) =>
        (deps.auditWriter ?? appendAudit)(tx, deps.clock, event, {
          actorUserId: who.userId,
          trustId: who.school?.trustId ?? null,
          schoolId: who.school?.schoolId ?? null,
          ip: request.ip,
        }),
      afterCommit: (effect) => {
        effects.push(effect);
      },
    }),
  );
}
