/**
 * The e-mail outbox. A feature queues its e-mail in the transaction that makes the change
 * (`queueMail`), so a message exists exactly when the change does: nothing is sent about something
 * rolled back, and a process that dies after its commit loses nothing.
 *
 * Sending: the process that committed tries at once, after the commit (the request waits for it,
 * as it waited for the mailer before). Whatever it could not send, every process's outbox worker
 * picks up (`startMailWorker`, every few seconds, and the `mailOutbox` due job). On PostgreSQL a
 * sender claims its rows with SELECT ... FOR UPDATE SKIP LOCKED and marks them sent in the same
 * transaction, holding the lock while it sends (for `mailTimeoutMs` at most): no two processes
 * send one row, and if the sender dies mid-send its lock goes with its connection and another
 * process sends the row. (Only a death between the mail server's acceptance and the commit can
 * send a message twice; the Message-ID, the same on every attempt, lets a receiver drop it.) On
 * the embedded database one process owns the data, so rows being sent are kept in memory instead
 * and no transaction is held open during a send.
 *
 * A failed attempt is tried again after 1, 2, 4 ... minutes (at most 2 hours apart) and given up
 * after MAX_MAIL_ATTEMPTS; the give-up is logged with the row's id, never its content. Once sent, a
 * row's text is emptied (a link in it may sign someone in) and the row is deleted after
 * SENT_KEPT_DAYS.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte, notInArray, or, sql, isNotNull, lt } from 'drizzle-orm';
import { mailOutbox } from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import type { DueJob } from '../platform/registries';
import { startPeriodic } from '../platform/periodic';
import type { Database, DbOrTx } from '../db/client';
import { loggableError } from '../http/errors';

/** One e-mail to queue: its text never names a pupil or carries case text. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Gated work: the transaction to write in, and where to run the first attempt after commit. */
export interface MailWork {
  readonly tx: DbOrTx;
  readonly deps: AppDeps;
  afterCommit(effect: () => Promise<void> | void): void;
}

export const MAX_MAIL_ATTEMPTS = 8;
export const SENT_KEPT_DAYS = 7;
/** Rows given up on are kept longer, for an operator to see what was never sent. */
export const GIVEN_UP_KEPT_DAYS = 30;
const BATCH = 50;
const DAY_MS = 86_400_000;

/** How long to wait after the `attempts`-th failed attempt: 1 minute, doubling, at most 2 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 2 * 3_600_000);
}

/**
 * Queue e-mails in the work's transaction. Once it has committed, this process tries to send them
 * at once (the caller's after-commit effects wait for it); what it cannot send the workers retry.
 * Works in any gated work, a system transaction (`asSystem`) included.
 */
export async function queueMail(work: MailWork, messages: OutgoingMail | readonly OutgoingMail[]): Promise<void> {
  const ids = await insertMail(work.tx, work.deps, [messages].flat());
  if (ids.length === 0) return;
  const { deps } = work;
  // The change has committed: a fault here must not turn its answer into an error. The workers
  // send what this attempt could not.
  work.afterCommit(() =>
    sendMail(deps, { ids }).then(
      () => undefined,
      (err: unknown) => deps.mailer.log?.error({ err: loggableError(err) }, 'e-mail outbox: first attempt failed'),
    ),
  );
}

/** Write e-mails to the outbox in a transaction, for the workers to send; their ids. */
export async function insertMail(tx: DbOrTx, deps: AppDeps, messages: readonly OutgoingMail[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const now = deps.clock.now();
  const host = new URL(deps.config.publicUrl).hostname || 'tandem.invalid';
  const rows = messages.map((m) => {
    const id = randomUUID();
    return {
      id,
      messageId: `<${id}@${host}>`,
      to: m.to,
      subject: m.subject,
      body: m.text,
      createdAt: now,
      nextAttemptAt: now,
    };
  });
  await tx.insert(mailOutbox).values(rows);
  return rows.map((r) => r.id);
}

type OutboxRow = typeof mailOutbox.$inferSelect;

/** Rows being sent by this process, for the embedded database (one process owns it). */
const sending = new WeakMap<Database, Set<string>>();

/**
 * Send queued e-mail: the rows given (just committed), or every row due by `dueBy` (a batch).
 * Returns how many rows it attempted. Never throws for a mail fault: that is recorded on the row.
 */
export async function sendMail(deps: AppDeps, which: { ids: readonly string[] } | { dueBy: Date }): Promise<number> {
  const open = and(isNull(mailOutbox.sentAt), isNull(mailOutbox.gaveUpAt));
  const chosen =
    'ids' in which
      ? and(open, inArray(mailOutbox.id, [...which.ids]))
      : and(open, lte(mailOutbox.nextAttemptAt, which.dueBy));
  const limit = 'ids' in which ? Math.max(which.ids.length, 1) : BATCH;
  const { database } = deps;

  if (database.kind === 'postgres') {
    return database.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(mailOutbox)
        .where(chosen)
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return 0;
      const outcomes = await Promise.all(rows.map((r) => attempt(deps, r)));
      await record(tx, deps, rows, outcomes);
      return rows.length;
    });
  }

  let mine = sending.get(database);
  if (!mine) sending.set(database, (mine = new Set()));
  const busy = [...mine];
  const rows = await database.db
    .select()
    .from(mailOutbox)
    .where(busy.length > 0 ? and(chosen, notInArray(mailOutbox.id, busy)) : chosen)
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(limit);
  const taken = rows.filter((r) => !mine.has(r.id));
  if (taken.length === 0) return 0;
  for (const r of taken) mine.add(r.id);
  try {
    const outcomes = await Promise.all(taken.map((r) => attempt(deps, r)));
    await database.db.transaction((tx) => record(tx, deps, taken, outcomes));
  } finally {
    for (const r of taken) mine.delete(r.id);
  }
  return taken.length;
}

async function attempt(deps: AppDeps, row: OutboxRow): Promise<Error | null> {
  try {
    await deps.mailer.send({ to: row.to, subject: row.subject, text: row.body, messageId: row.messageId });
    return null;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

/** A mail server's answer may quote the address (a pupil's may hold their name): it is left out. */
function withoutAddresses(message: string): string {
  return message.replace(/[^\s<>"']+@[^\s<>"']+/g, '[address]').slice(0, 300);
}

async function record(tx: DbOrTx, deps: AppDeps, rows: OutboxRow[], outcomes: (Error | null)[]): Promise<void> {
  const now = deps.clock.now();
  const sent = rows.filter((_, i) => outcomes[i] === null).map((r) => r.id);
  if (sent.length > 0) {
    await tx
      .update(mailOutbox)
      .set({ sentAt: now, body: '', attempts: sql`${mailOutbox.attempts} + 1` })
      .where(inArray(mailOutbox.id, sent));
  }
  for (const [i, row] of rows.entries()) {
    const err = outcomes[i];
    if (!err) continue;
    const attempts = row.attempts + 1;
    const givenUp = attempts >= MAX_MAIL_ATTEMPTS;
    await tx
      .update(mailOutbox)
      .set(
        givenUp
          ? { attempts, gaveUpAt: now }
          : { attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) },
      )
      .where(eq(mailOutbox.id, row.id));
    // The row's id and the fault, never the address or the text.
    deps.mailer.log?.error(
      { outboxId: row.id, attempts, err: { name: err.name, message: withoutAddresses(err.message) } },
      givenUp ? 'e-mail given up after its last attempt' : 'e-mail could not be sent; it will be tried again',
    );
  }
}

/** The outbox worker's run in the due jobs, so `runDueJobs` also sends what is waiting. */
const sendWaitingMail: DueJob = {
  name: 'mailOutbox',
  batchSize: BATCH,
  runBatch: (deps, now) => sendMail(deps, { dueBy: now }),
};

const CLEAN_BATCH = 500;

/** Sent rows are deleted after SENT_KEPT_DAYS, rows given up on after GIVEN_UP_KEPT_DAYS. */
const forgetOldMail: DueJob = {
  name: 'mailOutboxCleanup',
  batchSize: CLEAN_BATCH,
  runBatch: async (deps, now) => {
    const sentBefore = new Date(now.getTime() - SENT_KEPT_DAYS * DAY_MS);
    const gaveUpBefore = new Date(now.getTime() - GIVEN_UP_KEPT_DAYS * DAY_MS);
    const old = deps.database.db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        or(
          and(isNotNull(mailOutbox.sentAt), lt(mailOutbox.sentAt, sentBefore)),
          and(isNotNull(mailOutbox.gaveUpAt), lt(mailOutbox.gaveUpAt, gaveUpBefore)),
        ),
      )
      .limit(CLEAN_BATCH);
    const deleted = await deps.database.db
      .delete(mailOutbox)
      .where(inArray(mailOutbox.id, old))
      .returning({ id: mailOutbox.id });
    return deleted.length;
  },
};

export const mailDueJobs: readonly DueJob[] = [sendWaitingMail, forgetOldMail];

export interface WorkerLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Every process's outbox worker: sends what is due now and every `everyMs`, one run at a time.
 * The timer does not keep the process alive; `stop` clears it and waits for a run in progress.
 */
export function startMailWorker(deps: AppDeps, log: WorkerLog, everyMs: number): { stop(): Promise<void> } {
  return startPeriodic(
    everyMs,
    async () => {
      for (;;) {
        const n = await sendMail(deps, { dueBy: deps.clock.now() });
        if (n < BATCH) break;
      }
    },
    (err) => log.error({ err: loggableError(err) }, 'e-mail outbox run failed'),
  );
}
