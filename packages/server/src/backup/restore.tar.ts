/**
 * The embedded database's dump (a tar, as PGlite's dumpDataDir writes it) unpacked into a data
 * directory as it is read, never held whole in memory; a bad path in it is refused.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Unpacks a tar (as PGlite's dumpDataDir writes it: ustar, names in the name field) as it arrives. */
export class TarExtractor {
  private pending = Buffer.alloc(0);
  private file: { fd: number; left: number; pad: number } | null = null;
  private skip = 0;
  private ended = false;

  constructor(private readonly root: string) {}

  private target(name: string): string | null {
    const clean = name.replace(/^\/+/, '');
    if (!clean || clean.split('/').some((p) => p === '..'))
      throw new Error(`the database dump holds a bad path: ${name}`);
    // The running server's lock file, never part of the database.
    if (clean === 'tandem.lock') return null;
    return path.join(this.root, clean);
  }

  write(chunk: Buffer): void {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, buf.length);
        this.skip -= n;
        buf = buf.subarray(n);
        if (this.skip > 0) break;
      }
      if (this.file) {
        const n = Math.min(this.file.left, buf.length);
        if (n > 0) fs.writeSync(this.file.fd, buf, 0, n);
        this.file.left -= n;
        buf = buf.subarray(n);
        if (this.file.left > 0) break;
        fs.closeSync(this.file.fd);
        this.skip = this.file.pad;
        this.file = null;
        continue;
      }
      if (this.ended || buf.length < 512) break;
      const header = buf.subarray(0, 512);
      buf = buf.subarray(512);
      if (header.every((b) => b === 0)) {
        this.ended = true;
        continue;
      }
      const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = Number.parseInt(header.toString('latin1', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8);
      const type = String.fromCharCode(header[156]!);
      const pad = (512 - (size % 512)) % 512;
      const target = this.target(name);
      if ((type === '0' || type === '\0') && target) {
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        this.file = { fd: fs.openSync(target, 'w', 0o600), left: size, pad };
        if (size === 0) {
          fs.closeSync(this.file.fd);
          this.file = null;
          this.skip = pad;
        }
      } else {
        if (type === '5' && target) fs.mkdirSync(target, { recursive: true, mode: 0o700 });
        this.skip = size + pad;
      }
    }
    this.pending = Buffer.from(buf);
  }

  finish(): void {
    if (this.file || this.skip > 0) throw new Error('the database dump ends part-way through a file');
  }
}
