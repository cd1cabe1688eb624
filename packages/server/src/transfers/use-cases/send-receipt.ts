/**
 * The confirmation of receipt, sent to the installation that sent a file: at once after import,
 * and again by a due job (after 5, 10, 20 ... minutes, at most 6 hours apart) while the sender
 * cannot be reached. The receipt token is forgotten once the sender has it.
 */
import { and, asc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { receivedFiles, schools, users } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { asSystem } from '../../platform/gate';
import type { DueJob } from '../../platform/registries';
import { installationUrl, postToInstallation } from '../transfers.remote';

const BATCH = 20;

function nextTry(now: Date, attempts: number): Date {
  const minutes = Math.min(5 * 2 ** Math.max(0, attempts - 1), 360);
  return new Date(now.getTime() + minutes * 60_000);
}

async function post(
  deps: AppDeps,
  row: typeof receivedFiles.$inferSelect,
  school: { name: string; urn: string | null },
  by: string,
) {
  if (!row.fromAddress || !row.receiptToken) return false;
  try {
    const base = installationUrl(row.fromAddress, deps.config.transferAllowHttp);
    const res = await postToInstallation(base, '/api/transfers/receipt', {
      receiptToken: row.receiptToken,
      receivedBy: by,
      receivingSchool: school.name,
      receivingUrn: school.urn,
    });
    return res.status === 200;
  } catch {
    return false;
  }
}

async function attempt(deps: AppDeps, receivedId: string, byName: string | null): Promise<boolean> {
  // The call to the other installation is made outside any transaction (no lock held while it
  // waits); a receipt sent twice is recorded once by the sender.
  const [row] = await deps.database.db
    .select({ r: receivedFiles, school: schools, importer: users.displayName })
    .from(receivedFiles)
    .innerJoin(schools, eq(schools.id, receivedFiles.schoolId))
    .innerJoin(users, eq(users.id, receivedFiles.importedBy))
    .where(eq(receivedFiles.id, receivedId));
  if (!row) return false;
  if (row.r.receiptSentAt) return true;
  const ok = await post(deps, row.r, row.school, byName ?? row.importer);
  return asSystem(deps, async (s) => {
    const attempts = row.r.receiptAttempts + 1;
    await s.tx
      .update(receivedFiles)
      .set(
        ok
          ? { receiptSentAt: s.now, receiptAttempts: attempts, receiptNextAt: null, receiptToken: null }
          : { receiptAttempts: attempts, receiptNextAt: nextTry(s.now, attempts) },
      )
      .where(and(eq(receivedFiles.id, receivedId), isNull(receivedFiles.receiptSentAt)));
    if (ok) {
      await s.audit(
        { action: 'transfer.receipt_sent', detail: { receivedId, attempts } },
        { trustId: row.school.trustId, schoolId: row.r.schoolId, subject: { type: 'received_file', id: receivedId } },
      );
    }
    return ok;
  });
}

export function sendReceipt(deps: AppDeps, receivedId: string, byName: string): Promise<boolean> {
  return attempt(deps, receivedId, byName);
}

export const receiptRetryJob: DueJob = {
  name: 'transferReceipts',
  batchSize: BATCH,
  async runBatch(deps, now) {
    const due = await deps.database.db
      .select({ id: receivedFiles.id })
      .from(receivedFiles)
      .where(
        and(
          isNull(receivedFiles.receiptSentAt),
          isNotNull(receivedFiles.receiptToken),
          lte(receivedFiles.receiptNextAt, now),
        ),
      )
      .orderBy(asc(receivedFiles.receiptNextAt))
      .limit(BATCH);
    for (const d of due) await attempt(deps, d.id, null);
    return due.length;
  },
};
