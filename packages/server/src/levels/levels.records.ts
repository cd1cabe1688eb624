/**
 * The levels' part of everything Tandem holds about a pupil (subject access, the files sent to the
 * next school, retention): every change of the pupil's level, with the reason and the evidence it
 * cited, and each time the level was shared with parents or staff. All are wellbeing records.
 */
import { and, eq } from 'drizzle-orm';
import {
  EVIDENCE_LABELS,
  LEVEL_SHARE_AUDIENCE_LABELS,
  THRIVE_LABELS,
  thriveGroupOf,
  type LevelCode,
  type PupilRecordItem,
} from '@tandem/core';
import { levelChanges, levelDefinitions, levelShares, pupils, users } from '@tandem/core/schema';
import { dateAndTime } from '../platform/dates';
import type { PupilRecordSource } from '../platform/registries';
import { DISCLOSE_ABOUT_PUPIL, lines } from '../platform/records';

const SOURCE = 'levels';
const DISCLOSE = DISCLOSE_ABOUT_PUPIL;

/** "MH2 (Getting Advice and Signposting)", or "Thriving" for no level. */
function levelName(code: LevelCode | null, schoolName?: string | null): string {
  if (!code) return THRIVE_LABELS.thriving;
  return `${code} (${schoolName ?? THRIVE_LABELS[thriveGroupOf(code)]})`;
}

export const levelRecords: PupilRecordSource = {
  name: SOURCE,

  async records(db, { schoolId, pupilId }) {
    const items: PupilRecordItem[] = [];
    const base = { source: SOURCE, restricted: false, recordClass: 'wellbeing' as const, suggested: DISCLOSE };

    const changes = await db
      .select({ c: levelChanges, by: users.displayName, wording: levelDefinitions.name })
      .from(levelChanges)
      .innerJoin(users, eq(users.id, levelChanges.changedBy))
      .leftJoin(levelDefinitions, eq(levelDefinitions.id, levelChanges.definitionId))
      .where(and(eq(levelChanges.schoolId, schoolId), eq(levelChanges.pupilId, pupilId)))
      .orderBy(levelChanges.changedAt);
    // The wording of the level before a change is the one the previous change moved to.
    let before: { level: LevelCode | null; wording: string | null } = { level: null, wording: null };
    for (const { c, by, wording } of changes) {
      const fromWording = before.level === c.fromLevel ? before.wording : null;
      before = { level: c.toLevel, wording };
      items.push({
        ...base,
        kind: 'level-change',
        id: c.id,
        at: c.changedAt.toISOString(),
        title: `Level changed by ${by}: from ${c.fromLevel ?? 'Thriving'} to ${c.toLevel ?? 'Thriving'}`,
        body: lines(
          `Level before: ${levelName(c.fromLevel, fromWording)}`,
          `Level after: ${levelName(c.toLevel, wording)}`,
          `Why: ${c.reason}`,
          ...c.evidence.map((e) => `Evidence: ${EVIDENCE_LABELS[e.kind] ?? e.kind}: ${e.description}`),
          `Changed by: ${by}, on ${dateAndTime(c.changedAt)}`,
        ),
      });
    }

    const shares = await db
      .select({ s: levelShares, by: users.displayName })
      .from(levelShares)
      .innerJoin(users, eq(users.id, levelShares.sharedBy))
      .where(and(eq(levelShares.schoolId, schoolId), eq(levelShares.pupilId, pupilId)))
      .orderBy(levelShares.sharedAt);
    for (const { s, by } of shares) {
      items.push({
        ...base,
        kind: 'level-share',
        id: s.id,
        at: s.sharedAt.toISOString(),
        title:
          s.audience === 'parents'
            ? `Level shared with parents and carers by letter, by ${by}`
            : `Level shared with staff, by ${by}`,
        body: lines(
          `Shared with: ${LEVEL_SHARE_AUDIENCE_LABELS[s.audience]}${s.audience === 'parents' ? ' (by letter)' : ''}`,
          `Level shared: ${levelName(s.level)}`,
          `Shared by: ${by}, on ${dateAndTime(s.sharedAt)}`,
        ),
      });
    }
    return items;
  },

  async destroy(tx, { schoolId, pupilId, recordClass }) {
    // Levels are wellbeing records only.
    if (recordClass !== 'wellbeing') return [];
    const out: { kind: string; count: number }[] = [];
    const changes = await tx
      .delete(levelChanges)
      .where(and(eq(levelChanges.schoolId, schoolId), eq(levelChanges.pupilId, pupilId)))
      .returning({ id: levelChanges.id });
    if (changes.length > 0) {
      out.push({ kind: 'level-change', count: changes.length });
      // The level carried on the pupil's row is kept in step with its changes: with none left, none is held.
      await tx
        .update(pupils)
        .set({ currentLevel: null, levelChangedAt: null })
        .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)));
    }
    const shares = await tx
      .delete(levelShares)
      .where(and(eq(levelShares.schoolId, schoolId), eq(levelShares.pupilId, pupilId)))
      .returning({ id: levelShares.id });
    if (shares.length > 0) out.push({ kind: 'level-share', count: shares.length });
    return out;
  },
};
