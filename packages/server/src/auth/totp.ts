/** Time-based one-time passwords (RFC 6238), via otplib. Each time step may be used once. */
import { generateSecret, generateURI, generate, verify } from 'otplib';

const PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({ issuer: 'Tandem', label: accountLabel, secret });
}

/** The current code for a secret at a time (used by tests and the demo's code printer). */
export function totpCodeAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/**
 * Check a code, allowing one step of clock drift either way. Returns the time step it matched so
 * the caller can refuse a replay of the same or an earlier step, or null if it did not match.
 */
export async function checkTotp(secret: string, code: string, at: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(at.getTime() / 1000);
  for (const offset of [0, -1, 1]) {
    const stepEpoch = epoch + offset * PERIOD;
    const result = await verify({ secret, token: code, epoch: stepEpoch });
    if (result.valid) return Math.floor(stepEpoch / PERIOD);
  }
  return null;
}
