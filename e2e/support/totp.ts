/**
 * Two-factor codes for the browser tests. The server accepts each 30-second step once per account,
 * so we remember (in a file shared by every test file of the run) which step each account last used
 * and wait for a later one when an account signs in again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { totpCodeAt } from '../../packages/server/src/auth/totp';
import { DEMO_TOTP_SECRET } from '../../packages/server/src/demo/demo-data';

export { DEMO_TOTP_SECRET };

const STEP_MS = 30_000;

function stateFile(): string {
  return path.join(inject('stateDir'), 'totp-steps.json');
}

function readSteps(): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(stateFile(), 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/** "ABCD EFGH ..." as shown on the set-up page, to the key otplib expects. */
export function normaliseKey(shown: string): string {
  return shown
    .replace(/^\s*Key:\s*/i, '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/**
 * A code for `account` from a time step it has not used yet, waiting for the next step if needed.
 * A code is never handed out in the last 3 seconds of its step, so it is still current when typed.
 */
export async function freshTotpCode(account: string, secret: string = DEMO_TOTP_SECRET): Promise<string> {
  const used = readSteps()[account.toLowerCase()] ?? -1;
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / STEP_MS);
    const leftInStep = (step + 1) * STEP_MS - now;
    if (step > used && leftInStep > 3_000) {
      const steps = readSteps();
      steps[account.toLowerCase()] = step;
      fs.writeFileSync(stateFile(), JSON.stringify(steps));
      return totpCodeAt(secret, new Date(now));
    }
    await new Promise((r) => setTimeout(r, leftInStep + 50));
  }
}
