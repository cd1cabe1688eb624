/**
 * One-time links sent by e-mail: a password reset (valid for an hour) or an invitation to set up an
 * account (a week). Only the newest link of a kind works, and each works once. Staff management
 * issues invitations through here.
 */
import { AppError, type OneTimeTokenPurpose } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { AppDeps } from '../platform/deps';
import { insertOneTimeToken, liveOneTimeToken, retireAllOneTimeTokens, retireOneTimeTokens } from './auth.queries';
import { randomBytes } from 'node:crypto';
import { newToken, tokenHash } from './tokens';

export const RESET_LINK_MS = 60 * 60_000;
export const INVITATION_LINK_MS = 7 * 24 * 60 * 60_000;
/** A pupil's set-up code, printed on a sheet the tutor hands out: a month to use it. */
export const PUPIL_CODE_MS = 30 * 24 * 60 * 60_000;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A code as a pupil types it: upper case, no spaces or dashes (so "abcd e-fgh" is "ABCDEFGH"). */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * A set-up code for a pupil's account: ten characters without look-alikes (about 49 bits), shown
 * as XXXXX-XXXXX. It works like an invitation link (only its hash is kept, once, for 30 days); the
 * newest code replaces any earlier one.
 */
export async function issuePupilCode(tx: DbOrTx, deps: AppDeps, userId: string): Promise<string> {
  const bytes = randomBytes(10);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET.charAt(b % CODE_ALPHABET.length);
  const now = deps.clock.now();
  await retireOneTimeTokens(tx, userId, 'pupil_setup', now);
  await insertOneTimeToken(tx, {
    userId,
    purpose: 'pupil_setup',
    tokenHash: tokenHash(code),
    expiresAt: new Date(now.getTime() + PUPIL_CODE_MS),
  });
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Create a one-time link token for a person (reset or invitation); returns the raw token. */
export async function issueOneTimeToken(
  tx: DbOrTx,
  deps: AppDeps,
  userId: string,
  purpose: OneTimeTokenPurpose,
): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await retireOneTimeTokens(tx, userId, purpose, now);
  await insertOneTimeToken(tx, {
    userId,
    purpose,
    tokenHash: tokenHash(token),
    expiresAt: new Date(now.getTime() + (purpose === 'invitation' ? INVITATION_LINK_MS : RESET_LINK_MS)),
  });
  return token;
}

/** Withdraw every link a person has not yet used (their invitation, when their last role goes). */
export function withdrawOneTimeTokens(tx: DbOrTx, userId: string, at: Date): Promise<void> {
  return retireAllOneTimeTokens(tx, userId, at);
}

/** The web page where a link's holder chooses a password. */
export function setPasswordLink(deps: AppDeps, token: string): string {
  // The token travels in the fragment, so it never reaches a server log or a Referer header.
  return `${deps.config.publicUrl}/set-password#token=${token}`;
}

/** A link that still works, or 404 with the same words whether it expired, was used or never was. */
export async function liveToken(db: DbOrTx, now: Date, token: string) {
  const row = await liveOneTimeToken(db, tokenHash(token), now);
  if (!row) {
    throw new AppError('not_found', 'token not found', {
      userMessage: 'This link has expired or has already been used. Ask for a new one from the sign-in page.',
    });
  }
  return { id: row.t.id, userId: row.t.userId, purpose: row.t.purpose, displayName: row.displayName };
}
