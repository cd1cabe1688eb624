import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock';

describe('one server per embedded data directory', () => {
  it('refuses a second lock while the first holder lives, and allows it once released', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-lock-'));
    const release = lockDataDir(dir);
    // A second server is another process: simulate one by writing a live PID that is not ours.
    fs.writeFileSync(path.join(dir, 'tandem.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/already running on the data directory/);
    fs.writeFileSync(path.join(dir, 'tandem.lock'), String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'tandem.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over the lock of a server that died without cleaning up', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(path.join(dir, 'tandem.lock'), dead);
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'tandem.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
