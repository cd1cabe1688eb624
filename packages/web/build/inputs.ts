/**
 * What the web build is made from, hashed, so `npm start` can tell whether packages/web/dist is
 * up to date without building (a build takes seconds; a start should not).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const WEB_DIR = path.join(REPO_ROOT, 'packages/web');
export const DIST_DIR = path.join(WEB_DIR, 'dist');
/** A dotfile, so the server never serves it. */
export const STAMP_FILE = path.join(DIST_DIR, '.build-inputs');

const SKIP = new Set(['node_modules', 'dist', '.vite', 'test-results']);

function filesUnder(dir: string, into: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(full, into);
    else if (entry.isFile() && !entry.name.endsWith('.test.ts')) into.push(full);
  }
}

/** The web app's sources, core's (the web imports it), and the locked dependency versions. */
export function hashInputs(): string {
  const files: string[] = [];
  filesUnder(WEB_DIR, files);
  filesUnder(path.join(REPO_ROOT, 'packages/core'), files);
  for (const f of ['package-lock.json', 'tsconfig.base.json']) files.push(path.join(REPO_ROOT, f));
  const hash = crypto.createHash('sha256');
  for (const file of files.sort()) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(REPO_ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
