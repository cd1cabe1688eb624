/**
 * `npm run audit:verify`: walks the audit trail's hash chain, reports the first altered or missing
 * entry, and holds the trail to every signed checkpoint (ADR 0012): the files in the checkpoint
 * directory, each checked with the installation's public key, and the database's own record of
 * them. Exit code 0 when intact, 1 when not, 2 when it could not run.
 *
 * The public key comes from AUDIT_PUBLIC_KEY_FILE if set (keep a copy away from the server), or else
 * from the signing key (AUDIT_SIGNING_KEY_FILE).
 */
import fs from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { auditCheckpoints } from '@tandem/core/schema';
import { loadConfig } from '../config';
import { openPglite, openPostgres } from '../db/client';
import { lockDataDir } from '../db/lock';
import { loadPublicKey, loadSigningKey, readCheckpointFiles } from './audit.checkpoints';
import { verifyAuditChain, type ChainPoint } from './audit.service';

const config = loadConfig();
let release: (() => void) | null = null;

function publicKey(): KeyObject | null {
  const file = process.env.AUDIT_PUBLIC_KEY_FILE;
  if (file) return loadPublicKey(file);
  if (fs.existsSync(config.auditSigningKeyFile)) return loadSigningKey(config.auditSigningKeyFile, false).key.publicKey;
  return null;
}

try {
  const key = publicKey();
  let points: ChainPoint[] = [];
  if (key) {
    const files = readCheckpointFiles(config.auditCheckpointDir, key);
    if (!files.ok) {
      console.error(`Audit trail NOT intact: ${files.problem}.`);
      process.exit(1);
    }
    points = files.points;
  } else if (fs.existsSync(config.auditCheckpointDir)) {
    throw new Error(
      `no key to check the checkpoints in ${config.auditCheckpointDir} with: set AUDIT_PUBLIC_KEY_FILE or AUDIT_SIGNING_KEY_FILE`,
    );
  }
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, 1)
    : await (async () => {
        release = lockDataDir(config.dataDir);
        return openPglite({ dataDir: config.dataDir });
      })();
  const recorded = await database.db.select().from(auditCheckpoints);
  const fromDatabase = recorded.map((r) => ({
    treeSize: r.treeSize,
    rootHash: r.rootHash,
    label: `the database's record of checkpoint ${r.treeSize} (${r.signedAt.toISOString()})`,
  }));
  const result = await verifyAuditChain(database.db, { checkpoints: [...points, ...fromDatabase] });
  await database.close();
  if (result.ok) {
    const latest = points.at(-1);
    console.log(
      `Audit trail intact: ${result.entries} entries checked, held to ${points.length} signed checkpoint file${points.length === 1 ? '' : 's'}` +
        (latest ? ` (the latest: ${latest.treeSize} entries, ${latest.label})` : '') +
        '.',
    );
    if (!key) console.log('No signing key was found, so no checkpoint could be checked: only the chain itself was.');
    if (result.unsealed > 0) {
      console.log(
        `${result.unsealed} entries written since ${result.oldestUnsealedAt?.toISOString() ?? '?'} are not sealed into the chain yet: a running server seals them within seconds, and one starting seals them first.`,
      );
    }
  } else {
    console.error(
      `Audit trail NOT intact: ${result.problem}. First bad entry: ${result.firstBadSeq}. (${result.entries} entries before it are intact.)`,
    );
    process.exitCode = 1;
  }
} catch (err) {
  console.error('Could not check the audit trail:', err instanceof Error ? err.message : err);
  process.exitCode = 2;
} finally {
  (release as (() => void) | null)?.();
}
