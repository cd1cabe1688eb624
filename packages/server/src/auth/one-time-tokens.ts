/**
 * One-time links sent by e-mail: a password reset (valid for an hour) or an invitation to set up an
 * account (a week). Only the newest link of a kind works, and each works once. Staff management
 * issues invitations through here.
 */
import { AppError, type OneTimeTokenPurpose } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { AppDeps } from '../platform/deps';
import { insertOneTimeToken, liveOneTimeToken, retireAllOneTimeTokens, retireOneTimeTokens } from './auth.queries';
import { newToken, tokenHash } from './tokens';

export const RESET_LINK_MS = 60 * 60_000;
export const INVITATION_LINK_MS = 7 * 24 * 60 * 60_000;

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
