/**
 * Termly sharing of levels: a letter home for every pupil on roll (one printable PDF), and a
 * briefing for staff of the pupils at MH2 and above in each teaching group. Each run is recorded
 * on every pupil's record as a level share, with one batch id, and audited.
 *
 * The PDF is made before the transaction opens and the shares are written after it is made, so
 * a failed PDF records nothing and the audit chain is not held locked while pages are laid out.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  AppError,
  DEFAULT_LEVELS,
  isLevelCode,
  LEVEL_CODES,
  levelRank,
  ROLE_LABELS,
  STAFF_BRIEFING_FROM_LEVEL,
  yearGroupLabel,
  type Actor,
  type LevelCode,
  type LevelDefinition,
  type LevelLettersBody,
  type TermlySharingSummary,
} from '@tandem/core';
import {
  levelShares,
  pupils,
  schools,
  teachingGroupPupils,
  teachingGroups,
  teachingGroupStaff,
  users,
} from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { appendAudit } from '../audit/audit.service';
import type { DbOrTx } from '../db/client';
import { requireSchoolPermission } from '../http/scope';
import { currentDefinitions } from './levels.queries';
import {
  isoDay,
  renderLevelLetters,
  renderStaffBriefing,
  type BriefingGroup,
  type BriefingLevel,
  type BriefingPupil,
  type LetterPupil,
  type LetterWording,
} from './sharing.pdf';

export interface GeneratedPdf {
  pdf: Buffer;
  filename: string;
  batchId: string;
  pupils: number;
}

/** Levels named in the staff briefing: MH2 and above. */
const BRIEFING_LEVELS: LevelCode[] = LEVEL_CODES.filter((c) => levelRank(c) >= levelRank(STAFF_BRIEFING_FROM_LEVEL));

/** Shares are inserted in chunks so that a large school stays within the driver's parameter limit. */
const INSERT_CHUNK = 1000;

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

async function loadSchool(db: DbOrTx, schoolId: string) {
  const [school] = await db.select().from(schools).where(eq(schools.id, schoolId));
  if (!school) throw new AppError('not_found', 'school not found');
  return school;
}

/** How the letter or briefing is signed: the person, and the role by which they may share. */
function signatory(actor: Actor, schoolId: string): { name: string; role: string } {
  const held = new Set(actor.assignments.filter((a) => a.schoolId === schoolId).map((a) => a.role));
  const role = held.has('smhl') ? ROLE_LABELS.smhl : held.has('headteacher') ? ROLE_LABELS.headteacher : '';
  return { name: actor.displayName, role: role || 'Staff' };
}

/** A level's wording now in force, or the framework's own wording if a school somehow lacks one. */
function wordingOf(definitions: Map<LevelCode, LevelDefinition>, code: LevelCode) {
  return definitions.get(code) ?? { code, ...DEFAULT_LEVELS[code] };
}

function levelOf(value: string | null): LevelCode | null {
  return isLevelCode(value) ? value : null;
}

async function recordShares(
  tx: DbOrTx,
  rows: { pupilId: string; level: LevelCode | null }[],
  common: { schoolId: string; audience: 'parents' | 'staff'; batchId: string; sharedBy: string; sharedAt: Date },
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(levelShares).values(rows.slice(i, i + INSERT_CHUNK).map((r) => ({ ...common, ...r })));
  }
}

function yearSlug(yearGroup: number | undefined): string {
  if (yearGroup === undefined) return 'whole-school';
  return yearGroupLabel(yearGroup).toLowerCase().replace(/\s+/g, '-');
}

/**
 * Letters home for one year group, or the whole school: one per pupil on roll, ordered by form then
 * surname, each recorded as shared with parents.
 */
export async function generateLevelLetters(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  body: LevelLettersBody,
  ip: string,
): Promise<GeneratedPdf> {
  requireSchoolPermission(actor, schoolId, 'level.shareTermly');
  const { db } = deps.database;
  const school = await loadSchool(db, schoolId);
  const yearGroup = body.yearGroup;
  const rows = await db
    .select({
      id: pupils.id,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      preferredName: pupils.preferredName,
      form: pupils.form,
      level: pupils.currentLevel,
    })
    .from(pupils)
    .where(
      and(
        eq(pupils.schoolId, schoolId),
        isNull(pupils.leftOn),
        yearGroup === undefined ? undefined : eq(pupils.yearGroup, yearGroup),
      ),
    );
  if (rows.length === 0) {
    const where = yearGroup === undefined ? 'at this school' : `in ${yearGroupLabel(yearGroup)}`;
    throw new AppError('validation', 'no pupils in selection', {
      userMessage: `There are no pupils on roll ${where}. Choose another year group, or import pupils first.`,
      fields: [{ path: 'yearGroup', message: `There are no pupils on roll ${where}` }],
    });
  }
  rows.sort(
    (a, b) =>
      collator.compare(a.form, b.form) ||
      collator.compare(a.familyName, b.familyName) ||
      collator.compare(a.givenName, b.givenName) ||
      a.id.localeCompare(b.id),
  );

  const definitions = await currentDefinitions(db, schoolId);
  const wording = new Map<LevelCode, LetterWording>(LEVEL_CODES.map((c) => [c, wordingOf(definitions, c)]));
  const now = deps.clock.now();
  const letters: (LetterPupil & { id: string })[] = rows.map((r) => ({ ...r, level: levelOf(r.level) }));
  const pdf = await renderLevelLetters({
    schoolName: school.name,
    letterhead: school.letterhead,
    date: now,
    signedBy: signatory(actor, schoolId),
    wording,
    pupils: letters,
  });

  const batchId = randomUUID();
  await db.transaction(async (tx) => {
    await recordShares(
      tx,
      letters.map((p) => ({ pupilId: p.id, level: p.level })),
      { schoolId, audience: 'parents', batchId, sharedBy: actor.userId, sharedAt: now },
    );
    await appendAudit(
      tx,
      deps.clock,
      {
        action: 'level.letters_generated',
        detail: { batchId, pupils: letters.length, yearGroup: yearGroup ?? null },
      },
      {
        actorUserId: actor.userId,
        trustId: school.trustId,
        schoolId,
        subjectType: 'level_share_batch',
        subjectId: batchId,
        ip,
      },
    );
  });
  return {
    pdf,
    filename: `level-letters-${yearSlug(yearGroup)}-${isoDay(now)}.pdf`,
    batchId,
    pupils: letters.length,
  };
}

interface BriefingData {
  groups: BriefingGroup[];
  ungrouped: BriefingPupil[];
  levels: BriefingLevel[];
  /** Every pupil named, once each, with the level they were shown at. */
  shared: { pupilId: string; level: LevelCode }[];
}

/** The pupils at MH2 and above on roll, by teaching group (ordered by code), with who teaches each group. */
async function loadBriefing(db: DbOrTx, schoolId: string): Promise<BriefingData> {
  const atLevel = await db
    .select({
      id: pupils.id,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      preferredName: pupils.preferredName,
      form: pupils.form,
      level: pupils.currentLevel,
    })
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), isNull(pupils.leftOn), inArray(pupils.currentLevel, BRIEFING_LEVELS)));
  const byName = (a: BriefingPupil, b: BriefingPupil) =>
    collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName);
  const pupilById = new Map<string, BriefingPupil>();
  for (const p of atLevel) {
    const level = levelOf(p.level);
    if (level) pupilById.set(p.id, { ...p, level });
  }
  if (pupilById.size === 0) return { groups: [], ungrouped: [], levels: [], shared: [] };
  const ids = [...pupilById.keys()];

  const membership = await db
    .select({
      groupId: teachingGroups.id,
      code: teachingGroups.code,
      name: teachingGroups.name,
      pupilId: teachingGroupPupils.pupilId,
    })
    .from(teachingGroupPupils)
    .innerJoin(teachingGroups, eq(teachingGroups.id, teachingGroupPupils.groupId))
    .where(and(eq(teachingGroupPupils.schoolId, schoolId), inArray(teachingGroupPupils.pupilId, ids)));
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

  const groupIds = [...groups.keys()];
  const staff =
    groupIds.length === 0
      ? []
      : await db
          .select({ groupId: teachingGroupStaff.groupId, name: users.displayName })
          .from(teachingGroupStaff)
          .innerJoin(users, eq(users.id, teachingGroupStaff.userId))
          .where(
            and(
              eq(teachingGroupStaff.schoolId, schoolId),
              inArray(teachingGroupStaff.groupId, groupIds),
              isNull(users.disabledAt),
            ),
          );
  for (const s of staff) groups.get(s.groupId)?.staff.push(s.name);

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

/** The staff briefing as a PDF, each pupil named in it recorded as shared with staff. */
export async function generateStaffBriefing(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  ip: string,
): Promise<GeneratedPdf & { groups: number }> {
  requireSchoolPermission(actor, schoolId, 'level.shareTermly');
  const { db } = deps.database;
  const school = await loadSchool(db, schoolId);
  const data = await loadBriefing(db, schoolId);
  if (data.shared.length === 0) {
    throw new AppError('validation', 'no pupils at MH2 and above', {
      userMessage:
        'No pupils on roll are at Mental Health Level 2 or above, so there is no one to brief staff about. Nothing has been recorded.',
    });
  }
  const now = deps.clock.now();
  const pdf = await renderStaffBriefing({
    schoolName: school.name,
    date: now,
    preparedBy: signatory(actor, schoolId),
    groups: data.groups,
    ungrouped: data.ungrouped,
    levels: data.levels,
    pupilCount: data.shared.length,
  });
  const batchId = randomUUID();
  await db.transaction(async (tx) => {
    await recordShares(tx, data.shared, {
      schoolId,
      audience: 'staff',
      batchId,
      sharedBy: actor.userId,
      sharedAt: now,
    });
    await appendAudit(
      tx,
      deps.clock,
      {
        action: 'level.staff_briefing_generated',
        detail: { batchId, pupils: data.shared.length, groups: data.groups.length },
      },
      {
        actorUserId: actor.userId,
        trustId: school.trustId,
        schoolId,
        subjectType: 'level_share_batch',
        subjectId: batchId,
        ip,
      },
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

async function lastBatch(db: DbOrTx, schoolId: string, audience: 'parents' | 'staff') {
  const [row] = await db
    .select({
      sharedAt: sql<Date>`max(${levelShares.sharedAt})`.mapWith(levelShares.sharedAt),
      sharedByName: users.displayName,
      pupils: sql<number>`count(*)`.mapWith(Number),
    })
    .from(levelShares)
    .innerJoin(users, eq(users.id, levelShares.sharedBy))
    .where(and(eq(levelShares.schoolId, schoolId), eq(levelShares.audience, audience)))
    .groupBy(levelShares.batchId, users.displayName)
    .orderBy(desc(sql`max(${levelShares.sharedAt})`))
    .limit(1);
  return row ? { sharedAt: row.sharedAt.toISOString(), sharedByName: row.sharedByName, pupils: row.pupils } : null;
}

/**
 * What the termly sharing page shows before anything is made: pupils on roll per year group (so
 * the lead sees how many letters a choice makes), how many would be in the staff briefing, and
 * when each was last made. Counts only; no pupil is named.
 */
export async function termlySharingSummary(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
): Promise<TermlySharingSummary> {
  requireSchoolPermission(actor, schoolId, 'level.shareTermly');
  const { db } = deps.database;
  await loadSchool(db, schoolId);
  const years = await db
    .select({ yearGroup: pupils.yearGroup, pupils: sql<number>`count(*)`.mapWith(Number) })
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), isNull(pupils.leftOn)))
    .groupBy(pupils.yearGroup)
    .orderBy(pupils.yearGroup);
  const onRollAtLevel = and(
    eq(pupils.schoolId, schoolId),
    isNull(pupils.leftOn),
    inArray(pupils.currentLevel, BRIEFING_LEVELS),
  );
  const [briefingPupils] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(pupils)
    .where(onRollAtLevel);
  const [briefingGroups] = await db
    .select({ n: sql<number>`count(distinct ${teachingGroupPupils.groupId})`.mapWith(Number) })
    .from(teachingGroupPupils)
    .innerJoin(pupils, eq(pupils.id, teachingGroupPupils.pupilId))
    .where(and(eq(teachingGroupPupils.schoolId, schoolId), onRollAtLevel));
  return {
    yearGroups: years.map((y) => ({ ...y, label: yearGroupLabel(y.yearGroup) })),
    wholeSchool: years.reduce((sum, y) => sum + y.pupils, 0),
    briefing: { groups: briefingGroups?.n ?? 0, pupils: briefingPupils?.n ?? 0 },
    lastLetters: await lastBatch(db, schoolId, 'parents'),
    lastBriefing: await lastBatch(db, schoolId, 'staff'),
  };
}
