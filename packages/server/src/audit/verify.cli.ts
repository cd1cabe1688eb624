/**
 * `npm run audit:verify`: walks the audit trail's hash chain and reports the first altered or
 * missing entry. Exit code 0 when intact, 1 when not, 2 when it could not run.
 */
import { loadConfig } from '../config';
import { openPglite, openPostgres } from '../db/client';
import { lockDataDir } from '../db/lock';
import { verifyAuditChain } from './audit.service';

const config = loadConfig();
let release: (() => void) | null = null;
try {
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, 1)
    : await (async () => {
        release = lockDataDir(config.dataDir);
        return openPglite({ dataDir: config.dataDir });
      })();
  const result = await verifyAuditChain(database.db);
  await database.close();
  if (result.ok) {
    console.log(`Audit trail intact: ${result.entries} entries checked.`);
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
