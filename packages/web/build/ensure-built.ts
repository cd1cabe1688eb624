/**
 * Builds the web app only if its inputs changed since the last build (see inputs.ts), so a
 * restart takes the server's own start-up time, not a build's. FORCE_WEB_BUILD=1 always builds.
 * Run alone (the bench does), or by start.ts before the server.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST_DIR, hashInputs, REPO_ROOT, STAMP_FILE } from './inputs.ts';

export function ensureWebBuilt(): void {
  const started = performance.now();
  const current = hashInputs();
  const stamp = fs.existsSync(STAMP_FILE) ? fs.readFileSync(STAMP_FILE, 'utf8').trim() : null;
  const built = fs.existsSync(path.join(DIST_DIR, 'index.html'));
  if (built && stamp === current && process.env.FORCE_WEB_BUILD !== '1') {
    console.log(`Web app up to date (checked in ${String(Math.round(performance.now() - started))} ms).`);
    return;
  }
  console.log(built ? 'Web app sources changed: building it…' : 'Building the web app…');
  execFileSync('npm', ['run', 'build', '-w', '@tandem/web'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureWebBuilt();
}
