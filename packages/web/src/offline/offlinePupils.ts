/**
 * The school's pupils for choosing one offline: kept when the person who may log concerns opens the
 * form online, and searched on this device when Tandem cannot be reached. Only id, names, year
 * group and form are kept; they are cleared when the session ends (see offlineStore.ts).
 */
import type { PupilListItem } from '@tandem/core';
import { apiGet, lazySchema, withQuery } from '../api/client';
import { pupilsApi } from '../pupils/pupilsApi';
import { keepPupils, keptPupils, type OfflinePupil } from './offlineStore';

const pupilListResponse = lazySchema(() => import('../concerns/logConcernCheck').then((m) => m.pupilListResponse));

/** Refetched at most this often (a form opened many times a day does not fetch the list each time). */
const FRESH_FOR_MS = 60 * 60 * 1000;
/** 100 a page: up to 5,000 pupils, more than any one school has. */
const MAX_PAGES = 50;

const refreshing = new Map<string, Promise<void>>();

/** Keeps the school's pupil list on this device for the offline form, if it is not fresh already. */
export function keepPupilsForOffline(schoolId: string, userId: string): Promise<void> {
  const key = `${schoolId}:${userId}`;
  const running = refreshing.get(key);
  if (running !== undefined) return running;
  const work = (async () => {
    const kept = await keptPupils(schoolId, userId);
    if (kept !== null && Date.now() - Date.parse(kept.savedAt) < FRESH_FOR_MS) return;
    const pupils: OfflinePupil[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const data: { pupils: PupilListItem[]; nextAfter: string | null } = await apiGet(
        withQuery(pupilsApi(schoolId), { limit: 100, after }),
        pupilListResponse,
      );
      for (const p of data.pupils) {
        if (p.left) continue;
        pupils.push({
          id: p.id,
          givenName: p.givenName,
          preferredName: p.preferredName,
          familyName: p.familyName,
          yearGroup: p.yearGroup,
          form: p.form,
        });
      }
      after = data.nextAfter;
      if (after === null) break;
    }
    await keepPupils(schoolId, userId, pupils);
  })()
    .catch(() => undefined)
    .finally(() => refreshing.delete(key));
  refreshing.set(key, work);
  return work;
}

/** Pupils whose first, preferred or surname starts with what was typed (as the server searches). */
export async function searchOffline(
  schoolId: string,
  userId: string,
  query: string,
  limit: number,
): Promise<{ pupils: OfflinePupil[]; total: number } | null> {
  const kept = await keptPupils(schoolId, userId);
  if (kept === null) return null;
  const words = query
    .toLocaleLowerCase('en-GB')
    .split(/\s+/)
    .filter((w) => w !== '');
  const matches = kept.pupils.filter((p) => {
    const names = [p.givenName, p.preferredName ?? '', p.familyName].map((n) => n.toLocaleLowerCase('en-GB'));
    return words.every((w) => names.some((n) => n.startsWith(w)));
  });
  matches.sort(
    (a, b) => a.familyName.localeCompare(b.familyName, 'en-GB') || a.givenName.localeCompare(b.givenName, 'en-GB'),
  );
  return { pupils: matches.slice(0, limit), total: matches.length };
}
