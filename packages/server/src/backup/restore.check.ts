/**
 * The checks after a restore: every table's row count against the backup's manifest, and the audit
 * trail verified against the signed checkpoint files and the database's own record of checkpoints.
 */
import fs from 'node:fs';
import { auditCheckpoints } from '@tandem/core/schema';
import type { Database } from '../db/client';
import { loadSigningKey, readCheckpointFiles } from '../audit/audit.checkpoints';
import { verifyAuditChain, type ChainPoint } from '../audit/audit.service';
import { countRows } from './backup.dump';
import type { Manifest } from './backup.format';
import type { RestoreResult } from './restore';

/** Checks the restored database (open) against the manifest and the restored audit checkpoints. */
export async function checkRestore(
  db: Database,
  manifest: Manifest,
  o: { checkpointDir: string; signingKeyFile: string },
): Promise<RestoreResult> {
  const counts = await countRows(<T>(text: string) => db.raw<T>(text));
  const names = new Set([...Object.keys(manifest.tables), ...Object.keys(counts)]);
  const differences = [...names]
    .sort()
    .map((table) => ({ table, expected: manifest.tables[table] ?? 0, restored: counts[table] ?? 0 }))
    .filter((d) => d.expected !== d.restored);
  let points: ChainPoint[] = [];
  let checkpointFiles = 0;
  if (fs.existsSync(o.signingKeyFile)) {
    const files = readCheckpointFiles(o.checkpointDir, loadSigningKey(o.signingKeyFile, false).key.publicKey);
    if (!files.ok) {
      return {
        manifest,
        counts,
        differences,
        audit: { ok: false, entries: 0, firstBadSeq: 0, problem: files.problem },
        checkpointFiles: 0,
      };
    }
    points = files.points;
    checkpointFiles = files.points.length;
  }
  const recorded = await db.db.select().from(auditCheckpoints);
  const audit = await verifyAuditChain(db.db, {
    checkpoints: [
      ...points,
      ...recorded.map((r) => ({
        treeSize: r.treeSize,
        rootHash: r.rootHash,
        label: `the database's record of checkpoint ${r.treeSize}`,
      })),
    ],
  });
  return { manifest, counts, differences, audit, checkpointFiles };
}
