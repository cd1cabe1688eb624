/**
 * `npm run restore`: a backup brought back into a new, empty data directory or an empty PostgreSQL
 * database, with the audit checkpoints and the signing key; then the audit chain is verified and the
 * row counts compared with the backup's manifest.
 *
 * Nothing is written before the key is known to open the backup (age's header) and the target is
 * known to be empty. The parts are checked (length and SHA-256) as they end; if anything fails part
 * way, what this restore wrote is removed again. The database tar is unpacked as it is read and the
 * pg_dump archive is fed to pg_restore as it is read: neither is held whole in memory. An embedded
 * backup may also be restored into PostgreSQL (restore.to-postgres.ts).
 *
 * The tar is unpacked by restore.tar.ts, pg_restore run by restore.pg-restore.ts, and the checks
 * after the restore are in restore.check.ts.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Decrypter } from 'age-encryption';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../db/client';
import { lockDataDir } from '../db/lock';
import type { VerifyResult } from '../audit/audit.service';
import { pgToolConnection, type RowCounts } from './backup.dump';
import { checkRestore } from './restore.check';
import { emptyPostgres, redact, startPgRestore, writeSink } from './restore.pg-restore';
import { TarExtractor } from './restore.tar';
import { copyEmbeddedToPostgres } from './restore.to-postgres';
import {
  CHECKPOINTS_PREFIX,
  DATABASE_EMBEDDED,
  DATABASE_POSTGRES,
  SIGNING_KEY,
  readArchive,
  type Manifest,
} from './backup.format';

/** A problem found before anything was written: the target is as it was. */
export class RestoreRefusedError extends Error {}

export type RestoreTarget = { dataDir: string } | { databaseUrl: string };

export interface RestoreResult {
  manifest: Manifest;
  counts: RowCounts;
  /** Tables whose restored row count differs from the manifest's. */
  differences: { table: string; expected: number; restored: number }[];
  audit: VerifyResult;
  checkpointFiles: number;
}

export { redact } from './restore.pg-restore';

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || (fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0);
}

async function userTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new RestoreRefusedError(`Could not connect to ${redact(url)}: ${(err as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
       where s.nspname not in ('pg_catalog', 'information_schema') and s.nspname not like 'pg_toast%'
         and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** Decrypt a backup and read its manifest (checking every part on the way), writing nothing. */
export async function readBackupManifest(file: string, identity: string): Promise<Manifest> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  const plain = await decrypter.decrypt(
    Readable.toWeb(fs.createReadStream(file)) as unknown as ReadableStream<Uint8Array>,
  );
  const decrypted = Readable.fromWeb(plain as never);
  const gunzip = createGunzip();
  decrypted.on('error', (err) => gunzip.destroy(err));
  decrypted.pipe(gunzip);
  for await (const event of readArchive(gunzip as AsyncIterable<Uint8Array>)) {
    if (event.type === 'manifest') return event.manifest;
  }
  throw new Error('the backup has no manifest');
}

/** Decrypt and restore. Throws RestoreRefusedError (nothing written) or another Error (cleaned up). */
export async function restoreBackup(o: {
  from: string;
  identity: string;
  target: RestoreTarget;
  checkpointDir: string;
  signingKeyFile: string;
}): Promise<RestoreResult> {
  if (!fs.existsSync(o.from)) throw new RestoreRefusedError(`There is no backup file at ${o.from}.`);
  // 1. The target must be empty: nothing is ever restored over data.
  if ('dataDir' in o.target) {
    if (!isEmptyDir(o.target.dataDir)) {
      throw new RestoreRefusedError(
        `The data directory ${o.target.dataDir} is not empty. Restore into a new, empty directory ` +
          '(then point TANDEM_DATA_DIR at it); nothing was written.',
      );
    }
  } else if ((await userTables(o.target.databaseUrl)) > 0) {
    throw new RestoreRefusedError(
      `The database ${redact(o.target.databaseUrl)} is not empty. Restore into a new, empty database ` +
        '(createdb tandem_restored); nothing was written.',
    );
  }
  if (!isEmptyDir(o.checkpointDir)) {
    throw new RestoreRefusedError(
      `The audit checkpoint directory ${o.checkpointDir} is not empty: restore with --checkpoint-dir <a new directory>; nothing was written.`,
    );
  }
  if (fs.existsSync(o.signingKeyFile)) {
    throw new RestoreRefusedError(
      `There is already an audit signing key at ${o.signingKeyFile}: restore with --signing-key-file <a new file>; nothing was written.`,
    );
  }

  // 2. The key must open the backup (age checks its header before any content is read).
  const decrypter = new Decrypter();
  try {
    decrypter.addIdentity(o.identity);
  } catch {
    throw new RestoreRefusedError('The key file does not hold a usable age key (AGE-SECRET-KEY-1...).');
  }
  const input = Readable.toWeb(fs.createReadStream(o.from)) as unknown as ReadableStream<Uint8Array>;
  let plain: ReadableStream<Uint8Array>;
  try {
    plain = await decrypter.decrypt(input);
  } catch (err) {
    const message = (err as Error).message;
    if (/no identity matched|invalid header HMAC/.test(message)) {
      throw new RestoreRefusedError(
        'This key does not open this backup: it was encrypted to another key. Nothing was written.',
      );
    }
    throw new RestoreRefusedError(`${o.from} is not an encrypted Tandem backup (${message}). Nothing was written.`);
  }

  // 3. Restore, undoing what was written if anything fails.
  const created: string[] = [];
  const createDir = (dir: string) => {
    // Remember the outermost directory made, so a failed restore removes it all.
    const first = fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (first) created.push(first);
  };
  let release: (() => void) | null = null;
  let restoreProcess: ChildProcessWithoutNullStreams | null = null;
  let restoreDone: Promise<void> | null = null;
  let postgresTouched = false;
  let manifest: Manifest | null = null;
  let unpacked: string | null = null;
  try {
    let extractor: TarExtractor | null = null;
    let fileChunks: Buffer[] = [];
    const decrypted = Readable.fromWeb(plain as never);
    const gunzip = createGunzip();
    decrypted.on('error', (err) => gunzip.destroy(err));
    decrypted.pipe(gunzip);
    for await (const event of readArchive(gunzip as AsyncIterable<Uint8Array>)) {
      if (event.type === 'begin') {
        if (event.name === DATABASE_EMBEDDED) {
          if ('dataDir' in o.target) {
            createDir(o.target.dataDir);
            release = lockDataDir(o.target.dataDir);
            extractor = new TarExtractor(o.target.dataDir);
          } else {
            // Into PostgreSQL: unpacked aside (readable by this user only), copied once all is checked.
            unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-restore-'));
            extractor = new TarExtractor(unpacked);
          }
        } else if (event.name === DATABASE_POSTGRES) {
          if (!('databaseUrl' in o.target)) {
            throw new RestoreRefusedError(
              'This is a backup of a PostgreSQL database: restore it with --database-url <an empty database>. Nothing was written.',
            );
          }
          const { dbname, env } = pgToolConnection(o.target.databaseUrl);
          postgresTouched = true;
          const pgRestore = startPgRestore(dbname, env);
          restoreProcess = pgRestore.child;
          restoreDone = pgRestore.done;
        } else if (!event.name.startsWith(CHECKPOINTS_PREFIX) && event.name !== SIGNING_KEY) {
          throw new Error(`the backup holds an unknown part ${event.name}`);
        }
        fileChunks = [];
      } else if (event.type === 'data') {
        if (event.name === DATABASE_EMBEDDED) extractor!.write(event.chunk);
        else if (event.name === DATABASE_POSTGRES) await writeSink(restoreProcess!.stdin, event.chunk);
        else fileChunks.push(event.chunk);
      } else if (event.type === 'end') {
        const name = event.part.name;
        if (name === DATABASE_EMBEDDED) extractor!.finish();
        else if (name === DATABASE_POSTGRES) {
          restoreProcess!.stdin.end();
          await restoreDone;
        } else if (name === SIGNING_KEY) {
          createDir(path.dirname(o.signingKeyFile));
          fs.writeFileSync(o.signingKeyFile, Buffer.concat(fileChunks), { mode: 0o600, flag: 'wx' });
          created.push(o.signingKeyFile);
        } else {
          const base = path.basename(name.slice(CHECKPOINTS_PREFIX.length));
          createDir(o.checkpointDir);
          fs.writeFileSync(path.join(o.checkpointDir, base), Buffer.concat(fileChunks), { mode: 0o644 });
          created.push(path.join(o.checkpointDir, base));
        }
      } else {
        manifest = event.manifest;
      }
    }
    if (!manifest) throw new Error('the backup has no manifest');
    if (unpacked && 'databaseUrl' in o.target) {
      postgresTouched = true;
      await copyEmbeddedToPostgres(unpacked, o.target.databaseUrl);
    }
  } catch (err) {
    restoreProcess?.kill('SIGTERM');
    await restoreDone?.catch(() => undefined);
    if (postgresTouched && 'databaseUrl' in o.target) await emptyPostgres(o.target.databaseUrl).catch(() => undefined);
    for (const p of created.reverse()) fs.rmSync(p, { recursive: true, force: true });
    if ('dataDir' in o.target && fs.existsSync(o.target.dataDir)) {
      // It was empty before: empty it again.
      for (const entry of fs.readdirSync(o.target.dataDir)) {
        fs.rmSync(path.join(o.target.dataDir, entry), { recursive: true, force: true });
      }
    }
    release?.();
    if (err instanceof RestoreRefusedError) throw err;
    const message = (err as Error).message;
    const damaged =
      /invalid tag|STREAM|unexpected end of file|incorrect header check|invalid (stored block|distance|code)/i.test(
        message,
      )
        ? 'the backup file is damaged or incomplete'
        : message;
    throw new Error(
      `${damaged}${damaged === message ? '' : ` (${message})`}. What the restore had written was removed again.`,
    );
  } finally {
    if (unpacked) fs.rmSync(unpacked, { recursive: true, force: true });
  }

  // 4. Check it: row counts against the manifest, and the audit trail against its checkpoints.
  let database: Database | null = null;
  try {
    database =
      'dataDir' in o.target
        ? await openPglite({ dataDir: o.target.dataDir })
        : await openPostgres(o.target.databaseUrl, 1);
    return await checkRestore(database, manifest, o);
  } finally {
    await database?.close();
    release?.();
  }
}
