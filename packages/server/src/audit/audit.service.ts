/**
 * Appending to and checking the audit trail. Every append happens inside the caller's transaction,
 * so an event is recorded if and only if the change it describes is committed.
 */
import { asc, eq, gt } from 'drizzle-orm';
import type { AuditContext, AuditEvent } from '@tandem/core';
import { auditEvents, auditHead } from '@tandem/core/schema';
import type { Clock } from '../clock';
import type { DbOrTx } from '../db/client';
import { entryHash, GENESIS_HASH } from './audit.chain';

/**
 * Append one event. Locks the chain head row, so concurrent appends queue rather than fork the
 * chain; the lock is held only until the caller's transaction ends.
 */
export async function appendAudit(tx: DbOrTx, clock: Clock, event: AuditEvent, context: AuditContext): Promise<void> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  if (!head) throw new Error('audit chain head is missing');
  const fields = {
    seq: head.seq + 1,
    at: clock.now(),
    actorUserId: context.actorUserId,
    trustId: context.trustId,
    schoolId: context.schoolId,
    action: event.action,
    subjectType: context.subjectType ?? null,
    subjectId: context.subjectId ?? null,
    ip: context.ip ?? null,
    detail: event.detail,
    prevHash: head.hash,
  };
  const hash = entryHash(fields);
  await tx.insert(auditEvents).values({ ...fields, hash });
  await tx.update(auditHead).set({ seq: fields.seq, hash }).where(eq(auditHead.id, 1));
}

export type VerifyResult =
  { ok: true; entries: number } | { ok: false; entries: number; firstBadSeq: number; problem: string };

/** Walk the whole chain in order and report the first entry that is altered or missing. */
export async function verifyAuditChain(db: DbOrTx, batchSize = 5000): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return { ok: false, entries: checked, firstBadSeq: expectedSeq, problem: `entry ${expectedSeq} is missing` };
      }
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          entries: checked,
          firstBadSeq: row.seq,
          problem: `entry ${row.seq} does not follow entry ${row.seq - 1}`,
        };
      }
      if (entryHash({ ...row, detail: row.detail }) !== row.hash) {
        return { ok: false, entries: checked, firstBadSeq: row.seq, problem: `entry ${row.seq} has been altered` };
      }
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < batchSize) break;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head || head.seq !== checked || head.hash !== prevHash) {
    return {
      ok: false,
      entries: checked,
      firstBadSeq: checked + 1,
      problem: `the trail ends at entry ${checked} but ${head?.seq ?? 0} were written: entries after ${checked} are missing`,
    };
  }
  return { ok: true, entries: checked };
}
