/**
 * The running server's local admin socket (embedded database only): a Unix socket beside the data
 * directory, readable and writable by the server's own user only (mode 0600), removed on stop. It
 * answers one request, a consistent dump of the live database (backup.dump.ts), so `npm run backup`
 * can take the database without stopping the server. Nothing else is offered on it.
 *
 * Protocol: the client sends one line `{"request":"dump"}`; the server answers one JSON line
 * `{"ok":true,"bytes":n,"tables":{...},"at":"..."}` followed by the n bytes of the data
 * directory's tar, or `{"ok":false,"error":"..."}`.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../db/client';
import { dumpPglite, type RowCounts } from './backup.dump';

/**
 * Next to the data directory, not in it: PGlite's dumpDataDir walks the whole directory and fails
 * (EINVAL) on a socket inside it. For /srv/tandem/data it is /srv/tandem/data.admin.sock.
 */
export function adminSocketPath(dataDir: string): string {
  return `${path.resolve(dataDir)}.admin.sock`;
}

interface SocketLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Start answering on the socket; returns a function that stops and removes it. */
export async function startAdminSocket(
  database: Database,
  dataDir: string,
  log: SocketLog,
): Promise<{ close(): Promise<void> }> {
  const client = (database as Database & { pglite?: PGlite }).pglite;
  if (!client) throw new Error('the admin socket is for the embedded database only');
  const file = adminSocketPath(dataDir);
  // The data directory is locked by this process (db/lock.ts): a socket left there is a dead one's.
  fs.rmSync(file, { force: true });
  let busy = false;
  const server = net.createServer((socket) => {
    let line = '';
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    const onData = (chunk: string) => {
      line += chunk;
      if (line.length > 1000) socket.destroy();
      const end = line.indexOf('\n');
      if (end < 0) return;
      socket.off('data', onData);
      let request: unknown;
      try {
        request = (JSON.parse(line.slice(0, end)) as { request?: unknown }).request;
      } catch {
        request = null;
      }
      if (request !== 'dump') {
        socket.end(`${JSON.stringify({ ok: false, error: 'unknown request' })}\n`);
        return;
      }
      if (busy) {
        socket.end(`${JSON.stringify({ ok: false, error: 'a backup is already being taken' })}\n`);
        return;
      }
      busy = true;
      const started = performance.now();
      dumpPglite(client)
        .then(async ({ tar, tables, at }) => {
          const bytes = Buffer.from(await tar.arrayBuffer());
          log.info(
            { bytes: bytes.length, ms: Math.round(performance.now() - started) },
            'backup: database dump taken for a local backup',
          );
          socket.write(`${JSON.stringify({ ok: true, bytes: bytes.length, tables, at: at.toISOString() })}\n`);
          socket.end(bytes);
        })
        .catch((err: unknown) => {
          log.error({ err }, 'backup: database dump failed');
          const error = err instanceof Error ? err.message : JSON.stringify(err);
          socket.end(`${JSON.stringify({ ok: false, error })}\n`);
        })
        .finally(() => {
          busy = false;
        });
    };
    socket.on('data', onData);
  });
  // Made with no access for group or others from the start, then set so again.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(file, () => resolve());
    });
    fs.chmodSync(file, 0o600);
  } catch (err) {
    // The server runs on without it; a backup then needs the server stopped.
    log.error(
      { err, file },
      'backup: the admin socket could not be opened; `npm run backup` will need the server stopped',
    );
    server.close();
    return { close: async () => undefined };
  } finally {
    process.umask(umask);
  }
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(file, { force: true });
      }),
  };
}

export interface SocketDump {
  tables: RowCounts;
  at: Date;
  bytes: number;
  /** The tar's bytes as they arrive. */
  body: AsyncIterable<Uint8Array>;
}

/**
 * Ask the running server for a dump. Resolves null when no server answers (no socket, or a stale
 * one), so the caller opens the data directory itself.
 */
export async function requestDump(dataDir: string): Promise<SocketDump | null> {
  const file = adminSocketPath(dataDir);
  if (!fs.existsSync(file)) return null;
  const socket = net.createConnection(file);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED' || code === 'ENOENT') return null;
    throw err;
  }
  socket.write(`${JSON.stringify({ request: 'dump' })}\n`);
  const iterator = socket[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let buffered = Buffer.alloc(0);
  let end = -1;
  while (end < 0) {
    const next = await iterator.next();
    if (next.done) throw new Error('the running server closed the admin socket without answering');
    buffered = Buffer.concat([buffered, next.value]);
    end = buffered.indexOf(10);
    if (end < 0 && buffered.length > 1_000_000) throw new Error('the running server answered nonsense');
  }
  const header = JSON.parse(buffered.subarray(0, end).toString('utf8')) as
    { ok: true; bytes: number; tables: RowCounts; at: string } | { ok: false; error: string };
  if (!header.ok) {
    socket.destroy();
    throw new Error(`the running server could not take the dump: ${header.error}`);
  }
  const first = buffered.subarray(end + 1);
  const expected = header.bytes;
  async function* body(): AsyncGenerator<Uint8Array> {
    let received = first.length;
    if (first.length) yield first;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      received += next.value.length;
      yield next.value;
    }
    if (received !== expected) {
      throw new Error(`the running server sent ${received} of the dump's ${expected} bytes`);
    }
  }
  return { tables: header.tables, at: new Date(header.at), bytes: expected, body: body() };
}
