/**
 * `npm run backup`: the whole installation in one encrypted file. The stored files outside the
 * database (the signed audit checkpoints and the audit signing key) are read first, then the
 * database is taken at one moment (backup.dump.ts): every checkpoint file in the backup is then
 * older than the database it is held against, so the restored trail verifies.
 *
 * The archive (backup.format.ts) is written as it is produced, through gzip and then age's streaming
 * encryption, into a temporary file renamed into place at the end: a backup file is whole or absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Encrypter } from 'age-encryption';
import type { Config } from '../config';
import { openPglite } from '../db/client';
import { DataDirLockedError, lockDataDir } from '../db/lock';
import { adminSocketPath, requestDump } from './admin-socket';
import { dumpPglite, dumpPostgres, type RowCounts } from './backup.dump';
import {
  ArchiveWriter,
  CHECKPOINTS_PREFIX,
  DATABASE_EMBEDDED,
  DATABASE_POSTGRES,
  FORMAT,
  SIGNING_KEY,
  type Manifest,
} from './backup.format';

export function appVersion(): string {
  const file = path.resolve(import.meta.dirname, '../../package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The default file name: tandem-backup-2026-12-06T02-00-00Z.age */
export function backupFileName(at: Date): string {
  return `tandem-backup-${at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')}.age`;
}

interface StoredFile {
  name: string;
  data: Buffer;
}

/** The checkpoint files and the signing key, read before the database is taken. */
function readStoredFiles(config: Config): StoredFile[] {
  const files: StoredFile[] = [];
  if (fs.existsSync(config.auditCheckpointDir)) {
    for (const name of fs.readdirSync(config.auditCheckpointDir).sort()) {
      const full = path.join(config.auditCheckpointDir, name);
      if (name.endsWith('.tmp') || !fs.statSync(full).isFile()) continue;
      files.push({ name: CHECKPOINTS_PREFIX + name, data: fs.readFileSync(full) });
    }
  }
  if (fs.existsSync(config.auditSigningKeyFile)) {
    files.push({ name: SIGNING_KEY, data: fs.readFileSync(config.auditSigningKeyFile) });
  }
  return files;
}

interface DatabaseSource {
  name: string;
  takenBy: Manifest['takenBy'];
  tables: RowCounts;
  at: Date;
  body: AsyncIterable<Uint8Array>;
  /** Called once the body has been read: throws if the dump did not finish well. */
  done(): Promise<void>;
}

async function embeddedFromDataDir(dataDir: string): Promise<DatabaseSource> {
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      throw new Error(
        `${err.message} It did not answer on its admin socket (${adminSocketPath(dataDir)}): ` +
          'is it an older version? Upgrade it, or stop it and run the backup again.',
      );
    }
    throw err;
  }
  try {
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) throw new Error(`there is no Tandem database in ${dataDir}`);
    const database = await openPglite({ dataDir });
    try {
      const { tar, tables, at } = await dumpPglite(
        (database as unknown as { pglite: Parameters<typeof dumpPglite>[0] }).pglite,
      );
      const bytes = new Uint8Array(await tar.arrayBuffer());
      return {
        name: DATABASE_EMBEDDED,
        takenBy: 'data directory',
        tables,
        at,
        body: [bytes] as never,
        done: async () => {},
      };
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

async function takeDatabase(config: Config): Promise<DatabaseSource> {
  if (config.databaseUrl) {
    const dump = await dumpPostgres(config.databaseUrl);
    return {
      name: DATABASE_POSTGRES,
      takenBy: 'pg_dump',
      tables: dump.tables,
      at: dump.at,
      body: dump.stream,
      done: () => dump.done,
    };
  }
  const live = await requestDump(config.dataDir);
  if (live) {
    return { name: DATABASE_EMBEDDED, takenBy: 'running server', ...live, done: async () => {} };
  }
  return embeddedFromDataDir(config.dataDir);
}

export interface BackupResult {
  file: string;
  manifest: Manifest;
}

export async function createBackup(o: {
  config: Config;
  recipient: string;
  out?: string | undefined;
  now: () => Date;
}): Promise<BackupResult> {
  const stored = readStoredFiles(o.config);
  const source = await takeDatabase(o.config);
  const file = path.resolve(o.out ?? path.join(o.config.backupDir, backupFileName(source.at)));
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;

  const plain = new PassThrough({ highWaterMark: 1 << 20 });
  const encrypter = new Encrypter();
  encrypter.addRecipient(o.recipient);
  // Compressed before it is encrypted (the data directory's WAL and free pages shrink well).
  const gzip = createGzip({ level: 6 });
  const compressing = pipeline(plain, gzip);
  const encrypted = await encrypter.encrypt(Readable.toWeb(gzip) as unknown as ReadableStream<Uint8Array>);
  const written = pipeline(
    Readable.fromWeb(encrypted as unknown as Parameters<typeof Readable.fromWeb>[0]),
    fs.createWriteStream(temporary, { mode: 0o600, flags: 'wx' }),
  );
  const writer = new ArchiveWriter(plain);
  const writing = (async () => {
    for (const f of stored) await writer.addPart(f.name, [f.data]);
    await writer.addPart(source.name, source.body);
    await source.done();
    return writer.finish({
      format: FORMAT,
      createdAt: source.at.toISOString(),
      kind: o.config.databaseUrl ? 'postgres' : 'embedded',
      appVersion: appVersion(),
      takenBy: source.takenBy,
      tables: source.tables,
    });
  })();
  try {
    const [manifest] = await Promise.all([
      writing.catch((err: unknown) => {
        plain.destroy(err as Error);
        throw err;
      }),
      compressing,
      written,
    ]);
    const fd = fs.openSync(temporary, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temporary, file);
    return { file, manifest };
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    throw err;
  }
}
