/**
 * The inside of a Tandem backup (a backup file is age( gzip( this ) )): a stream of framed parts, so a part of
 * unknown size (pg_dump's output, the database dump arriving from the running server) can be
 * written as it comes, never whole in memory.
 *
 *   "TANDEM-BACKUP/1\n"
 *   then frames: [type: 1 byte][length: 4 bytes, big-endian][payload]
 *     H  a part begins: JSON { name }
 *     D  some of its bytes (at most 1 MiB a frame)
 *     E  the part ends: JSON { bytes, sha256 }, checked by the reader before the part is used
 *     M  the manifest (last): JSON Manifest, then the stream ends
 */
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';

export const MAGIC = Buffer.from('TANDEM-BACKUP/1\n');
export const FORMAT = 'tandem-backup/1';
const MAX_FRAME = 1 << 20;

export interface Part {
  name: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  kind: 'embedded' | 'postgres';
  appVersion: string;
  /** How the database was taken: from the running server, from the data directory, or pg_dump. */
  takenBy: 'running server' | 'data directory' | 'pg_dump';
  /** Rows in every table ("schema.table") at the moment of the dump. */
  tables: Record<string, number>;
  parts: Part[];
}

/** Part names. */
export const DATABASE_EMBEDDED = 'database/pgdata.tar';
export const DATABASE_POSTGRES = 'database/postgres.dump';
export const CHECKPOINTS_PREFIX = 'files/audit-checkpoints/';
export const SIGNING_KEY = 'files/audit-signing-key.pem';

function frame(type: 'H' | 'D' | 'E' | 'M', payload: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

/** Writes frames into a Node stream, waiting when it is full. */
export class ArchiveWriter {
  readonly parts: Part[] = [];
  private started = false;

  constructor(private readonly out: Writable) {}

  private async put(buf: Buffer): Promise<void> {
    if (!this.started) {
      this.started = true;
      await this.put(MAGIC);
    }
    if (!this.out.write(buf)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          this.out.off('error', onError);
          this.out.off('close', onClose);
          resolve();
        };
        const onError = (err: Error) => {
          this.out.off('drain', onDrain);
          this.out.off('close', onClose);
          reject(err);
        };
        const onClose = () => onError(new Error('the backup stream was closed before it was finished'));
        this.out.once('drain', onDrain);
        this.out.once('error', onError);
        this.out.once('close', onClose);
      });
    }
  }

  /** Write one part from any source of bytes. */
  async addPart(name: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Part> {
    await this.put(frame('H', Buffer.from(JSON.stringify({ name }))));
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of source) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      for (let at = 0; at < buf.length; at += MAX_FRAME) {
        const piece = buf.subarray(at, Math.min(buf.length, at + MAX_FRAME));
        hash.update(piece);
        bytes += piece.length;
        await this.put(frame('D', piece));
      }
    }
    const part = { name, bytes, sha256: hash.digest('hex') };
    await this.put(frame('E', Buffer.from(JSON.stringify({ bytes: part.bytes, sha256: part.sha256 }))));
    this.parts.push(part);
    return part;
  }

  async finish(manifest: Omit<Manifest, 'parts'>): Promise<Manifest> {
    const full: Manifest = { ...manifest, parts: this.parts };
    await this.put(frame('M', Buffer.from(JSON.stringify(full))));
    await new Promise<void>((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(() => resolve());
    });
    return full;
  }
}

export class BadArchiveError extends Error {}

/** What the reader hands over, in order. */
export type ArchiveEvent =
  | { type: 'begin'; name: string }
  | { type: 'data'; name: string; chunk: Buffer }
  | { type: 'end'; part: Part }
  | { type: 'manifest'; manifest: Manifest };

/** Buffered reads of exact lengths from a stream of chunks. */
class ByteReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private done = false;
  private readonly iterator: AsyncIterator<Uint8Array>;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<boolean> {
    while (this.length < n && !this.done) {
      const next = await this.iterator.next();
      if (next.done) this.done = true;
      else {
        const b = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
        this.chunks.push(b);
        this.length += b.length;
      }
    }
    return this.length >= n;
  }

  /** Exactly n bytes, or null at a clean end (nothing left), or an error when cut short. */
  async read(n: number): Promise<Buffer | null> {
    if (!(await this.fill(n))) {
      if (this.length === 0) return null;
      throw new BadArchiveError('the backup ends part-way through: the file is incomplete');
    }
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
    return out;
  }
}

/**
 * Read the frames back, checking each part's length and SHA-256 at its end and the manifest
 * against the parts at the end of the stream.
 */
export async function* readArchive(source: AsyncIterable<Uint8Array>): AsyncGenerator<ArchiveEvent> {
  const reader = new ByteReader(source);
  const magic = await reader.read(MAGIC.length);
  if (!magic || !magic.equals(MAGIC)) throw new BadArchiveError('this is not a Tandem backup');
  const seen: Part[] = [];
  let current: { name: string; hash: ReturnType<typeof createHash>; bytes: number } | null = null;
  for (;;) {
    const head = await reader.read(5);
    if (!head) throw new BadArchiveError('the backup ends before its manifest: the file is incomplete');
    const type = head.toString('latin1', 0, 1);
    const length = head.readUInt32BE(1);
    if (length > MAX_FRAME) throw new BadArchiveError('the backup is damaged (a frame too large)');
    const payload = length === 0 ? Buffer.alloc(0) : await reader.read(length);
    if (!payload) throw new BadArchiveError('the backup ends part-way through: the file is incomplete');
    if (type === 'H') {
      if (current) throw new BadArchiveError('the backup is damaged (a part inside a part)');
      const { name } = JSON.parse(payload.toString('utf8')) as { name: string };
      current = { name, hash: createHash('sha256'), bytes: 0 };
      yield { type: 'begin', name };
    } else if (type === 'D') {
      if (!current) throw new BadArchiveError('the backup is damaged (data outside a part)');
      current.hash.update(payload);
      current.bytes += payload.length;
      yield { type: 'data', name: current.name, chunk: payload };
    } else if (type === 'E') {
      if (!current) throw new BadArchiveError('the backup is damaged (an end outside a part)');
      const claimed = JSON.parse(payload.toString('utf8')) as { bytes: number; sha256: string };
      const sha256 = current.hash.digest('hex');
      if (claimed.bytes !== current.bytes || claimed.sha256 !== sha256) {
        throw new BadArchiveError(`the part ${current.name} does not match its checksum: the backup is damaged`);
      }
      const part = { name: current.name, bytes: current.bytes, sha256 };
      seen.push(part);
      current = null;
      yield { type: 'end', part };
    } else if (type === 'M') {
      if (current) throw new BadArchiveError('the backup is damaged (a manifest inside a part)');
      const manifest = JSON.parse(payload.toString('utf8')) as Manifest;
      if (manifest.format !== FORMAT) throw new BadArchiveError(`unknown backup format ${String(manifest.format)}`);
      const same =
        manifest.parts.length === seen.length &&
        manifest.parts.every(
          (p, i) => p.name === seen[i]!.name && p.bytes === seen[i]!.bytes && p.sha256 === seen[i]!.sha256,
        );
      if (!same) throw new BadArchiveError('the manifest does not list the parts the backup holds: it is damaged');
      if ((await reader.read(1)) !== null) throw new BadArchiveError('the backup has bytes after its manifest');
      yield { type: 'manifest', manifest };
      return;
    } else {
      throw new BadArchiveError('the backup is damaged (an unknown frame)');
    }
  }
}
