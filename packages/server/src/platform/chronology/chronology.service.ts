/**
 * The pupil's chronology: everything recorded about the pupil, merged in time order, newest first.
 * Each feature contributes its own entries (`deps.registries.chronology`) and applies its own
 * visibility rule in its own query, so what the reader may not see (the restricted safeguarding
 * record, for anyone outside the DSL team) is never loaded. This file only merges and orders them.
 * Case roles read it; every read and every export is audited.
 */
import { AppError, canInSchool, type Actor, type ChronologyEntry } from '@tandem/core';
import type { DbOrTx } from '../../db/client';
import type { AppDeps } from '../deps';
import { isoDay } from '../dates';
import { loadPupilInSchool, pupilName, schoolNameOf } from '../directory';
import { caseAccess } from '../case-access';
import { checkSchool, inSchool, type SchoolRequest, type SchoolWork } from '../gate';
import type { ChronologyReader, ChronologySource } from '../registries';
import { renderChronology } from './chronology.pdf';

/** The rank of a kind no source lists: the middle of 0 (joining the school) to 10 (leaving it). */
const MIDDLE_RANK = 5;

/**
 * Newest first; entries at the same moment in the order such things happen (a higher rank is a
 * later step and is listed first), then by id so the order never varies.
 */
function newestFirst(ranks: ReadonlyMap<string, number>) {
  const rank = (e: ChronologyEntry) => ranks.get(e.kind) ?? MIDDLE_RANK;
  return (a: ChronologyEntry, b: ChronologyEntry): number => {
    if (a.at !== b.at) return a.at < b.at ? 1 : -1;
    const byRank = rank(b) - rank(a);
    if (byRank !== 0) return byRank;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Who is reading: whether they see the restricted record follows from their roles in the school. */
export function chronologyReader(actor: Actor, schoolId: string, pupilId: string): ChronologyReader {
  return { actor, schoolId, pupilId, seeRestricted: canInSchool(actor, 'safeguarding.read', schoolId) };
}

/**
 * Every entry this reader may see, from every source, newest first. The caller has checked that
 * the pupil is in the school and that the reader may read the case.
 */
export async function chronologyEntries(
  db: DbOrTx,
  sources: readonly ChronologySource[],
  reader: ChronologyReader,
): Promise<ChronologyEntry[]> {
  const entries: ChronologyEntry[] = [];
  const ranks = new Map<string, number>();
  // One source after another: they share one transaction, which runs one statement at a time.
  for (const source of sources) {
    for (const [kind, rank] of Object.entries(source.kindOrder)) ranks.set(kind, rank);
    entries.push(...(await source.entries(db, reader)));
  }
  return entries.sort(newestFirst(ranks));
}

/** The pupil (404 if not in the school), then the case permission (403), then the entries. */
async function loadChronology(w: SchoolWork, pupilId: string) {
  const pupil = await loadPupilInSchool(w.tx, w.schoolId, pupilId);
  checkSchool(w.actor, w.schoolId, 'pupil.readCase');
  // Outside the reader's caseload the chronology is not there for them (need-to-know).
  if ((await caseAccess(w.tx, w.actor, w.schoolId, pupil)) !== 'case') {
    throw new AppError('not_found', 'pupil outside case scope');
  }
  const reader = chronologyReader(w.actor, w.schoolId, pupilId);
  const entries = await chronologyEntries(w.tx, w.deps.registries.chronology, reader);
  return { pupil, entries };
}

/** The chronology on screen, for case roles. Audited. */
export async function getChronology(
  deps: AppDeps,
  request: SchoolRequest,
  pupilId: string,
): Promise<ChronologyEntry[]> {
  // Staff outside the case roles learn whether the pupil exists (404) before being refused (403).
  return inSchool(deps, request, 'pupil.readList', async (w) => {
    const { entries } = await loadChronology(w, pupilId);
    await w.audit({ action: 'pupil.chronology_viewed', detail: { format: 'screen' } }, { type: 'pupil', id: pupilId });
    return entries;
  });
}

/** Which way the printed chronology runs, chosen when it is made. */
export type ChronologyOrder = 'oldest' | 'newest';

/** The chronology as a confidential PDF, with the same filtering as on screen. Audited as an export. */
export async function exportChronologyPdf(
  deps: AppDeps,
  request: SchoolRequest,
  pupilId: string,
  order: ChronologyOrder = 'newest',
): Promise<{ pdf: Buffer; filename: string }> {
  const { pupil, entries, schoolName, now } = await inSchool(deps, request, 'pupil.readList', async (w) => {
    const loaded = await loadChronology(w, pupilId);
    const name = await schoolNameOf(w.tx, w.schoolId);
    // Local authorities and courts read a chronology from the start: the exact reverse of newest first.
    if (order === 'oldest') loaded.entries.reverse();
    await w.audit(
      { action: 'pupil.chronology_exported', detail: { entries: loaded.entries.length, order } },
      { type: 'pupil', id: pupilId },
    );
    return { ...loaded, schoolName: name, now: w.now };
  });
  // Laid out after the commit, so the audit chain is not held locked while pages are made.
  const pdf = await renderChronology({
    schoolName,
    date: now,
    preparedBy: request.actor.displayName,
    pupil: {
      name: pupilName(pupil),
      legalName: `${pupil.givenName} ${pupil.familyName}`,
      dateOfBirth: pupil.dateOfBirth,
      upn: pupil.upn,
      yearGroup: pupil.yearGroup,
      form: pupil.form,
      level: pupil.currentLevel,
    },
    entries,
    order,
  });
  const slug = `${pupil.familyName}-${pupil.givenName}`
    .normalize('NFD')
    .replace(/[^A-Za-z0-9-]+/g, '')
    .toLowerCase();
  return { pdf, filename: `chronology-${slug}-${isoDay(now)}.pdf` };
}
