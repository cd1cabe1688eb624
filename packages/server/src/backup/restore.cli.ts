/**
 * `npm run restore -- --key <identity file> --from <backup> (--data-dir <new empty dir> |
 *   --database-url <url of an empty database>) [--checkpoint-dir <dir>] [--signing-key-file <file>]`
 *
 * The audit checkpoints and signing key go where the restored installation will look for them:
 * by default <data-dir>/audit-checkpoints and <data-dir>/audit-signing-key.pem (or, for PostgreSQL,
 * AUDIT_CHECKPOINT_DIR and AUDIT_SIGNING_KEY_FILE as the server is configured), both of which must
 * be new. Exit code 0 when restored and verified, 1 when restored but the check found a difference,
 * 2 when nothing was restored.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { KeyError, readIdentity } from './backup.keys';
import { RestoreRefusedError, redact, restoreBackup, type RestoreTarget } from './restore';

const usage =
  'Usage: npm run restore -- --key <key file> --from <backup file> (--data-dir <new empty directory> | --database-url <empty database>)';

try {
  const { values } = parseArgs({
    options: {
      key: { type: 'string' },
      from: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'checkpoint-dir': { type: 'string' },
      'signing-key-file': { type: 'string' },
    },
  });
  if (!values.key || !values.from || !values['data-dir'] === !values['database-url']) throw new KeyError(usage);
  const target: RestoreTarget = values['data-dir']
    ? { dataDir: path.resolve(values['data-dir']) }
    : { databaseUrl: values['database-url']! };
  // Where the restored installation will look for its files, as the server would work it out.
  const config = loadConfig(
    'dataDir' in target
      ? { ...process.env, TANDEM_DATA_DIR: target.dataDir, DATABASE_URL: '' }
      : { ...process.env, DATABASE_URL: target.databaseUrl },
  );
  const checkpointDir = path.resolve(values['checkpoint-dir'] ?? config.auditCheckpointDir);
  const signingKeyFile = path.resolve(values['signing-key-file'] ?? config.auditSigningKeyFile);
  const identity = readIdentity(values.key);
  const started = performance.now();
  const result = await restoreBackup({ from: values.from, identity, target, checkpointDir, signingKeyFile });
  const m = result.manifest;
  const where =
    'dataDir' in target ? `the data directory ${target.dataDir}` : `the database ${redact(target.databaseUrl)}`;
  console.log(
    `Restored the backup of ${m.createdAt} (${m.kind === 'embedded' ? 'embedded database' : 'PostgreSQL'}, Tandem ${m.appVersion}) into ${where} ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s.\n` +
      `  Audit checkpoints: ${checkpointDir}\n  Audit signing key: ${signingKeyFile}`,
  );
  const tables = Object.keys(m.tables).length;
  const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
  if (result.differences.length === 0) {
    console.log(`Row counts: all ${tables} tables match the backup's manifest (${rows} rows).`);
  } else {
    console.error(`Row counts: ${result.differences.length} of ${tables} tables differ from the backup's manifest:`);
    for (const d of result.differences)
      console.error(`  ${d.table}: ${d.restored} restored, ${d.expected} in the backup`);
  }
  if (result.audit.ok) {
    console.log(
      `Audit trail intact: ${result.audit.entries} entries checked, held to ${result.checkpointFiles} signed checkpoint file${result.checkpointFiles === 1 ? '' : 's'}.` +
        (result.audit.unsealed > 0
          ? ` ${result.audit.unsealed} entries were not sealed yet; the server seals them when it starts.`
          : ''),
    );
  } else {
    console.error(`Audit trail NOT intact: ${result.audit.problem}.`);
  }
  if (result.differences.length > 0 || !result.audit.ok) process.exitCode = 1;
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  console.error(
    err instanceof RestoreRefusedError || err instanceof KeyError ? message : `The restore failed: ${message}`,
  );
  process.exitCode = 2;
}
