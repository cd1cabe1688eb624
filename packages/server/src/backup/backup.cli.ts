/**
 * `npm run backup`: an encrypted backup of the whole installation (README "Backups", ADR 0015).
 *
 *   npm run backup -- --new-key <file>      make the school's key; prints its public half
 *   npm run backup [-- --out <file>] [--to age1...]
 *
 * The key to encrypt to comes from --to, BACKUP_RECIPIENT or BACKUP_RECIPIENT_FILE. Exit code 0
 * when the backup is written, 2 when it could not be.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { createBackup } from './backup';
import { KeyError, resolveRecipient, writeNewKey } from './backup.keys';

try {
  const { values } = parseArgs({
    options: { 'new-key': { type: 'string' }, out: { type: 'string' }, to: { type: 'string' } },
  });
  if (values['new-key']) {
    const recipient = await writeNewKey(values['new-key'], new Date());
    console.log(`The backup key is in ${values['new-key']} (readable by you only).`);
    console.log(`Its public key, for the server (BACKUP_RECIPIENT):\n${recipient}`);
    console.log(
      'Keep the key file offline (two copies, held by two people); the server needs only the public key. ' +
        'Without the key file no backup can be restored.',
    );
  } else {
    const config = loadConfig();
    const recipient = resolveRecipient({
      to: values.to,
      recipient: config.backupRecipient,
      recipientFile: config.backupRecipientFile,
    });
    const started = performance.now();
    const { file, manifest } = await createBackup({ config, recipient, out: values.out, now: () => new Date() });
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    const bytes = manifest.parts.reduce((a, p) => a + p.bytes, 0);
    console.log(
      `Backup written: ${file}\n` +
        `  ${manifest.kind === 'embedded' ? 'embedded database' : 'PostgreSQL'}, taken by ${manifest.takenBy} at ${manifest.createdAt}\n` +
        `  ${Object.keys(manifest.tables).length} tables, ${rows} rows; ${manifest.parts.length} parts, ${(bytes / 1e6).toFixed(1)} MB before compression and encryption; ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  console.error(err instanceof KeyError ? message : `The backup was not made: ${message}`);
  process.exitCode = 2;
}
