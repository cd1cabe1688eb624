import { randomUUID } from 'node:crypto';
import { AppError, type LevelCode } from '@tandem/core';
import type { DbOrTx } from '../../db/client';
import type { AppDeps } from '../../platform/deps';
import { isoDay } from '../../platform/dates';
import { inSchool, readInSchool, type SchoolRequest } from '../../platform/gate';
import { currentDefinitions } from '../levels.queries';
import { BRIEFING_LEVELS, collator, signatory, wordingOf, type GeneratedPdf } from '../sharing.common';
import { renderStaffBriefing, type BriefingGroup, type BriefingLevel, type BriefingPupil } from '../sharing.pdf';
import { groupsOfPupils, pupilsOnRollAt, recordShares, schoolForLetters, teachersOfGroups } from '../sharing.queries';

interface BriefingData {
  groups: BriefingGroup[];
  ungrouped: BriefingPupil[];
  levels: BriefingLevel[];
  /** Every pupil named, once each, with the level they were shown at. */
  shared: { pupilId: string; level: LevelCode }[];
}

/** The pupils at MH2 and above on roll, by teaching group (ordered by code), with who teaches each group. */
async function loadBriefing(db: DbOrTx, schoolId: string): Promise<BriefingData> {
  const atLevel = await pupilsOnRollAt(db, schoolId, BRIEFING_LEVELS);
  const byName = (a: BriefingPupil, b: BriefingPupil) =>
    collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName);
  const pupilById = new Map<string, BriefingPupil>();
  for (const p of atLevel) {
    const { level } = p;
    if (level) pupilById.set(p.id, { ...p, level });
  }
  if (pupilById.size === 0) return { groups: [], ungrouped: [], levels: [], shared: [] };

  const membership = await groupsOfPupils(db, schoolId, [...pupilById.keys()]);
  const groups = new Map<string, BriefingGroup>();
  const grouped = new Set<string>();
  for (const m of membership) {
    const pupil = pupilById.get(m.pupilId);
    if (!pupil) continue;
    const group = groups.get(m.groupId) ?? { code: m.code, name: m.name, staff: [], pupils: [] };
    group.pupils.push(pupil);
    groups.set(m.groupId, group);
    grouped.add(m.pupilId);
  }
  for (const s of await teachersOfGroups(db, schoolId, [...groups.keys()])) groups.get(s.groupId)?.staff.push(s.name);

  const ordered = [...groups.values()].sort((a, b) => collator.compare(a.code, b.code));
  for (const g of ordered) {
    g.pupils.sort(byName);
    g.staff.sort(collator.compare);
  }
  const ungrouped = [...pupilById.entries()]
    .filter(([id]) => !grouped.has(id))
    .map(([, p]) => p)
    .sort(byName);
  const definitions = await currentDefinitions(db, schoolId);
  const present = new Set([...pupilById.values()].map((p) => p.level));
  const levels = BRIEFING_LEVELS.filter((c) => present.has(c)).map((c) => wordingOf(definitions, c));
  return {
    groups: ordered,
    ungrouped,
    levels,
    shared: [...pupilById.entries()].map(([pupilId, p]) => ({ pupilId, level: p.level })),
  };
}

/**
 * The staff briefing as a PDF, each pupil named in it recorded as shared with staff. The PDF is
 * made before anything is written, so a failed PDF records nothing.
 */
export async function generateStaffBriefing(
  deps: AppDeps,
  request: SchoolRequest,
): Promise<GeneratedPdf & { groups: number }> {
  const { school, data, now } = await readInSchool(deps, request, 'level.shareTermly', async (r) => ({
    school: await schoolForLetters(r.db, r.schoolId),
    data: await loadBriefing(r.db, r.schoolId),
    now: r.now,
  }));
  if (data.shared.length === 0) {
    throw new AppError('validation', 'no pupils at MH2 and above', {
      userMessage:
        'No pupils on roll are at Mental Health Level 2 or above, so there is no one to brief staff about. Nothing has been recorded.',
    });
  }
  const pdf = await renderStaffBriefing({
    schoolName: school.name,
    date: now,
    preparedBy: signatory(request.actor, request.schoolId),
    groups: data.groups,
    ungrouped: data.ungrouped,
    levels: data.levels,
    pupilCount: data.shared.length,
  });
  const batchId = randomUUID();
  await inSchool(deps, request, 'level.shareTermly', async (w) => {
    await recordShares(w.tx, data.shared, {
      schoolId: w.schoolId,
      audience: 'staff',
      batchId,
      sharedBy: w.actor.userId,
      sharedAt: now,
    });
    await w.audit(
      {
        action: 'level.staff_briefing_generated',
        detail: { batchId, pupils: data.shared.length, groups: data.groups.length },
      },
      { type: 'level_share_batch', id: batchId },
    );
  });
  return {
    pdf,
    filename: `staff-briefing-${isoDay(now)}.pdf`,
    batchId,
    pupils: data.shared.length,
    groups: data.groups.length,
  };
}
