/**
 * Which former pupils' records of each kind reach their review date by a given day, with how many
 * items of each kind: pupils are chosen by date of birth in SQL first (the oldest first, at most
 * `limit`), and records are gathered through every feature's source only for them. Shared by the
 * retention page (looking 90 days ahead) and "my work" (past review today).
 */
import { effectiveYears, latestBirthDueBy, reviewDate, type DueRecordsRow, type RecordClass } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import { pupilName } from '../platform/directory';
import type { PupilRecordSource } from '../platform/registries';
import { lastDestroyedOf, pupilsBornBy, type SettingRow } from './retention.queries';
import { countsOfPupil } from './retention.rules';

export type ReviewRow = Omit<DueRecordsRow, 'proposalId'>;

export async function recordsReachingReview(
  sources: readonly PupilRecordSource[],
  db: DbOrTx,
  o: {
    schoolId: string;
    /** The kinds the reader sees (child-protection files only for the DSL team). */
    classes: readonly RecordClass[];
    settings: Map<RecordClass, SettingRow[]>;
    today: string;
    horizon: string;
    limit: number;
  },
): Promise<{ rows: ReviewRow[]; truncated: boolean }> {
  const { schoolId, classes, settings, today, horizon } = o;
  if (classes.length === 0) return { rows: [], truncated: false };
  const includeRestricted = classes.includes('child-protection');
  const schoolYears = (c: RecordClass) => settings.get(c)?.[0]?.years;

  // Only pupils old enough for the shortest period in force may be due: chosen in SQL.
  const shortest = Math.min(...classes.map((c) => effectiveYears(c, schoolYears(c))));
  const candidates = await pupilsBornBy(db, schoolId, latestBirthDueBy(horizon, shortest), o.limit + 1);
  const truncated = candidates.length > o.limit;
  const shown = candidates.slice(0, o.limit);
  const destroyedAt = await lastDestroyedOf(
    db,
    schoolId,
    shown.map((p) => p.id),
  );

  const rows: ReviewRow[] = [];
  for (const p of shown) {
    const due = classes
      .map((c) => ({ c, review: reviewDate(p.dateOfBirth, c, schoolYears(c)) }))
      .filter(({ review }) => review <= horizon);
    if (due.length === 0) continue;
    const counts = await countsOfPupil(sources, db, { schoolId, pupilId: p.id, includeRestricted });
    for (const { c, review } of due) {
      const held = counts.get(c);
      if (!held || held.counts.length === 0) continue;
      // Already destroyed, and nothing made since (what stays, such as the pupil's own details
      // as the MIS holds them, is older than the destruction): not listed again.
      const destroyed = destroyedAt.get(`${p.id}/${c}`);
      if (destroyed && (held.newestAt ?? '') <= destroyed) continue;
      rows.push({
        pupilId: p.id,
        name: pupilName(p),
        dateOfBirth: p.dateOfBirth,
        leftOn: p.leftOn,
        recordClass: c,
        reviewOn: review,
        due: review <= today,
        counts: held.counts,
      });
    }
  }
  rows.sort((a, b) => a.reviewOn.localeCompare(b.reviewOn) || a.name.localeCompare(b.name));
  return { rows, truncated };
}
