import type { OneTimeTokenPurpose } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { liveToken } from '../one-time-tokens';

/**
 * Whether a link still works, and for whom, so the page can greet them before they choose a
 * password. Reading it changes nothing and records nothing.
 */
export async function checkOneTimeToken(
  deps: AppDeps,
  token: string,
): Promise<{ purpose: OneTimeTokenPurpose; displayName: string }> {
  const row = await liveToken(deps.database.db, deps.clock.now(), token);
  return { purpose: row.purpose, displayName: row.displayName };
}
