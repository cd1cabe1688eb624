/**
 * The sealing job (ADR 0012): chains entries written since the last run, in the order they became
 * visible, in batches. Every app process runs it every second; the chain head's row lock, taken with
 * SKIP LOCKED, lets one seal while the others go on (no request ever takes that lock).
 */
import { asc, eq, isNull, sql } from 'drizzle-orm';
import { auditEvents, auditHead } from '@tandem/core/schema';
import type { Db } from '../db/client';
import { entryHash } from './audit.chain';

export const SEAL_BATCH = 2000;
/** Batches sealed in one transaction at most. */
export const SEAL_BATCHES_PER_RUN = 25;

/**
 * Seal what is waiting (up to `maxBatches` batches in one transaction). Returns how many entries
 * were sealed, or null when another process holds the head (it is sealing them).
 */
export async function sealAuditTrail(db: Db, maxBatches = SEAL_BATCHES_PER_RUN): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update', { skipLocked: true });
    if (!head) return null;
    let seq = head.seq;
    let hash = head.hash;
    let sealed = 0;
    for (let b = 0; b < maxBatches; b++) {
      const rows = await tx
        .select()
        .from(auditEvents)
        .where(isNull(auditEvents.chainSeq))
        .orderBy(asc(auditEvents.seq))
        .limit(SEAL_BATCH);
      if (rows.length === 0) break;
      const seals = rows.map((row) => {
        seq++;
        const prevHash = hash;
        hash = entryHash({ ...row, seq, prevHash, detail: row.detail });
        return { id: row.seq, chainSeq: seq, prevHash, hash };
      });
      // One statement for the batch, its rows as one JSON parameter (ADR 0004).
      await tx.execute(sql`
        update ${auditEvents} as a
           set chain_seq = s.chain_seq, prev_hash = s.prev_hash, hash = s.hash
          from json_to_recordset(${JSON.stringify(
            seals.map((s) => ({ id: s.id, chain_seq: s.chainSeq, prev_hash: s.prevHash, hash: s.hash })),
          )}::json) as s(id bigint, chain_seq bigint, prev_hash text, hash text)
         where a.seq = s.id and a.chain_seq is null`);
      sealed += seals.length;
      if (rows.length < SEAL_BATCH) break;
    }
    if (sealed > 0) await tx.update(auditHead).set({ seq, hash }).where(eq(auditHead.id, 1));
    return sealed;
  });
}
