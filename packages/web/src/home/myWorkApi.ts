/** "My work": what needs the signed-in member of staff today (the home page and the header count). */
import { useEffect, useRef } from 'react';
import { useAlerts } from '../alerts/AlertsProvider';
import { lazySchema } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolApi, schoolPage } from '../pupils/pupilsApi';

export const myWorkApi = (schoolId: string) => `${schoolApi(schoolId)}/my-work`;

// Lazily, so that the header does not bring zod to the first page: see ResponseSchema.
const myWorkResponse = lazySchema(() => import('../api/lazySchemas').then((m) => m.myWorkResponse));

/** The home page's "To read and confirm", which the header's count links to. */
export const toReadAnchor = 'to-read';
export const toReadPlace = (schoolId: string) => `${schoolPage(schoolId)}#${toReadAnchor}`;

const CHANGED = 'tandem:my-work-changed';

/** Something on this page changed what needs the person (a plan confirmed read): load it again. */
export function myWorkChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * My work in a school, loaded again whenever the page changes (a plan may just have been
 * confirmed) and whenever an alert arrives (a concern may be waiting). A null school loads nothing.
 */
export function useMyWork(schoolId: string | null, pathname: string) {
  const handle = useResource(schoolId === null ? null : myWorkApi(schoolId), myWorkResponse);
  const { version } = useAlerts();
  const { reload } = handle;
  const first = useRef(true);
  useEffect(() => {
    // The first load is useResource's own; only later changes load again.
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [pathname, version, reload]);
  useEffect(() => {
    window.addEventListener(CHANGED, reload);
    return () => {
      window.removeEventListener(CHANGED, reload);
    };
  }, [reload]);
  return handle;
}

/** "45 minutes", "3 hours", "2 days": how long something has waited, in the largest whole unit. */
export function waitedWords(minutes: number): string {
  const unit = (n: number, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;
  if (minutes < 60) return unit(minutes, 'minute');
  if (minutes < 48 * 60) return unit(Math.floor(minutes / 60), 'hour');
  return unit(Math.floor(minutes / (24 * 60)), 'day');
}
