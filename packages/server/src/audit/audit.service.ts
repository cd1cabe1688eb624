/**
 * Appending to and checking the audit trail (ADR 0012). Every append happens inside the caller's
 * transaction, so an event is recorded if and only if the change it describes is committed. An
 * append takes no lock shared with other requests: the entry is written unsealed, and the sealing
 * job (audit.sealer.ts) chains it within seconds.
 */
import { asc, count, eq, gt, isNull, min } from 'drizzle-orm';
import type { AuditContext, AuditEvent } from '@tandem/core';
import { auditEvents, auditHead } from '@tandem/core/schema';
import type { Clock } from '../clock';
import type { DbOrTx } from '../db/client';
import { entryHash, GENESIS_HASH } from './audit.chain';

/** Append one event, unsealed: its number comes from a sequence, so nothing waits for anything else. */
export async function appendAudit(tx: DbOrTx, clock: Clock, event: AuditEvent, context: AuditContext): Promise<void> {
  await tx.insert(auditEvents).values({
    at: clock.now(),
    actorUserId: context.actorUserId,
    trustId: context.trustId,
    schoolId: context.schoolId,
    action: event.action,
    subjectType: context.subjectType ?? null,
    subjectId: context.subjectId ?? null,
    ip: context.ip ?? null,
    detail: event.detail,
  });
}

/** A checkpoint to hold the trail to: at this size, the chain's hash must be this. */
export interface ChainPoint {
  treeSize: number;
  rootHash: string;
  /** How the report names it (a file's name, or "the database's record of ..."). */
  label: string;
}

export type VerifyResult =
  | { ok: true; entries: number; unsealed: number; oldestUnsealedAt: Date | null; checkpoints: number }
  | { ok: false; entries: number; firstBadSeq: number; problem: string };

/**
 * Walk the whole chain in order and report the first entry that is altered or missing, and any
 * checkpoint the chain does not match. Entries written but not yet sealed are counted, not judged.
 */
export async function verifyAuditChain(
  db: DbOrTx,
  options: { checkpoints?: ChainPoint[]; batchSize?: number } = {},
): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 5000;
  const points = [...(options.checkpoints ?? [])].sort((a, b) => a.treeSize - b.treeSize);
  let next = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const checkPoint = (): VerifyResult | null => {
    while (points[next] && points[next]!.treeSize <= checked) {
      const point = points[next]!;
      next++;
      if (point.treeSize === 0) continue;
      if (point.treeSize === checked && point.rootHash !== prevHash) {
        return {
          ok: false,
          entries: checked,
          firstBadSeq: checked,
          problem: `the trail up to entry ${checked} is not the one ${point.label} recorded: it has been rewritten`,
        };
      }
    }
    return null;
  };
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.chainSeq, expectedSeq - 1))
      .orderBy(asc(auditEvents.chainSeq))
      .limit(batchSize);
    for (const row of rows) {
      const chainSeq = row.chainSeq ?? 0;
      if (chainSeq !== expectedSeq) {
        return { ok: false, entries: checked, firstBadSeq: expectedSeq, problem: `entry ${expectedSeq} is missing` };
      }
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          entries: checked,
          firstBadSeq: chainSeq,
          problem: `entry ${chainSeq} does not follow entry ${chainSeq - 1}`,
        };
      }
      if (entryHash({ ...row, seq: chainSeq, prevHash, detail: row.detail }) !== row.hash) {
        return { ok: false, entries: checked, firstBadSeq: chainSeq, problem: `entry ${chainSeq} has been altered` };
      }
      prevHash = row.hash;
      expectedSeq++;
      checked++;
      const bad = checkPoint();
      if (bad) return bad;
    }
    if (rows.length < batchSize) break;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head || head.seq !== checked || head.hash !== prevHash) {
    return {
      ok: false,
      entries: checked,
      firstBadSeq: checked + 1,
      problem: `the trail ends at entry ${checked} but ${head?.seq ?? 0} were sealed: entries after ${checked} are missing`,
    };
  }
  const beyond = points.slice(next).find((p) => p.treeSize > checked);
  if (beyond) {
    return {
      ok: false,
      entries: checked,
      firstBadSeq: checked + 1,
      problem: `the trail has ${checked} entries but ${beyond.label} recorded ${beyond.treeSize}: entries after ${checked} are missing`,
    };
  }
  const [unsealed] = await db
    .select({ n: count(), oldest: min(auditEvents.at) })
    .from(auditEvents)
    .where(isNull(auditEvents.chainSeq));
  return {
    ok: true,
    entries: checked,
    unsealed: unsealed?.n ?? 0,
    oldestUnsealedAt: unsealed?.oldest ?? null,
    checkpoints: points.length,
  };
}
