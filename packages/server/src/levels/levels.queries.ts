/**
 * Level queries: the framework's wording per school (versioned), changes of a pupil's level and
 * the record of levels shared. Every query is scoped to one school.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import {
  DEFAULT_LEVELS,
  LEVEL_CODES,
  LEVEL_THRIVE,
  type LevelCode,
  type LevelDefinition,
  type RewordLevelBody,
  type SetLevelBody,
} from '@tandem/core';
import { levelChanges, levelDefinitions, levelShares, pupils, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

/** Give a new school the five levels as the source describes them (version 1 of each). */
export async function seedLevelFramework(tx: DbOrTx, schoolId: string, createdBy: string | null = null): Promise<void> {
  await tx
    .insert(levelDefinitions)
    .values(LEVEL_CODES.map((code) => ({ schoolId, code, version: 1, createdBy, ...DEFAULT_LEVELS[code] })));
}

type DefinitionRow = typeof levelDefinitions.$inferSelect;

/** A stored version of a level's wording as the API gives it. */
export function toLevelDefinition(row: DefinitionRow, createdByName: string | null): LevelDefinition {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    description: row.description,
    schoolProvides: row.schoolProvides,
    homeDoes: row.homeDoes,
    schoolToDo: row.schoolToDo,
    homeToDo: row.homeToDo,
    evidenceToMoveUp: row.evidenceToMoveUp,
    parentSummary: row.parentSummary,
    parentAtHome: row.parentAtHome,
    thriveGroup: LEVEL_THRIVE[row.code],
    createdAt: row.createdAt.toISOString(),
    createdByName,
  };
}

/** The wording now in force for each level of a school, MH1 first. */
export async function currentDefinitions(db: DbOrTx, schoolId: string): Promise<Map<LevelCode, LevelDefinition>> {
  const rows = await db
    .select({ d: levelDefinitions, by: users.displayName })
    .from(levelDefinitions)
    .leftJoin(users, eq(users.id, levelDefinitions.createdBy))
    .where(and(eq(levelDefinitions.schoolId, schoolId), isNull(levelDefinitions.supersededAt)));
  const map = new Map<LevelCode, LevelDefinition>();
  for (const code of LEVEL_CODES) {
    const row = rows.find((r) => r.d.code === code);
    if (row) map.set(code, toLevelDefinition(row.d, row.by));
  }
  return map;
}

/** Every version of one level's wording, oldest first. */
export async function definitionVersions(db: DbOrTx, schoolId: string, code: LevelCode): Promise<LevelDefinition[]> {
  const rows = await db
    .select({ d: levelDefinitions, by: users.displayName })
    .from(levelDefinitions)
    .leftJoin(users, eq(users.id, levelDefinitions.createdBy))
    .where(and(eq(levelDefinitions.schoolId, schoolId), eq(levelDefinitions.code, code)))
    .orderBy(asc(levelDefinitions.version));
  return rows.map((r) => toLevelDefinition(r.d, r.by));
}

/** The wording of a level in force now, locked until the transaction ends (for rewording it). */
export async function lockCurrentDefinition(tx: DbOrTx, schoolId: string, code: LevelCode) {
  const [current] = await tx
    .select()
    .from(levelDefinitions)
    .where(
      and(
        eq(levelDefinitions.schoolId, schoolId),
        eq(levelDefinitions.code, code),
        isNull(levelDefinitions.supersededAt),
      ),
    )
    .for('update');
  return current;
}

/** Replace a level's wording: the old version is kept, marked as superseded at the same moment. */
export async function insertNextDefinition(
  tx: DbOrTx,
  current: DefinitionRow,
  wording: Omit<RewordLevelBody, 'baseVersion'>,
  by: { userId: string; at: Date },
): Promise<DefinitionRow> {
  await tx.update(levelDefinitions).set({ supersededAt: by.at }).where(eq(levelDefinitions.id, current.id));
  const [row] = await tx
    .insert(levelDefinitions)
    .values({
      schoolId: current.schoolId,
      code: current.code,
      version: current.version + 1,
      createdBy: by.userId,
      createdAt: by.at,
      ...wording,
      // An editor that does not send parent wording keeps the parent wording in force.
      parentAtHome: wording.parentAtHome ?? current.parentAtHome,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** The pupil's level now, locked until the transaction ends (undefined if not in this school). */
export async function lockPupilLevel(tx: DbOrTx, schoolId: string, pupilId: string) {
  const [pupil] = await tx
    .select({ id: pupils.id, currentLevel: pupils.currentLevel, leftOn: pupils.leftOn })
    .from(pupils)
    .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)))
    .for('update');
  return pupil;
}

/** Record a change of level and carry the new level on the pupil's row. Returns the change's id. */
export async function recordLevelChange(
  tx: DbOrTx,
  change: {
    schoolId: string;
    pupilId: string;
    fromLevel: LevelCode | null;
    toLevel: LevelCode | null;
    definitionId: string | null;
    reason: string;
    evidence: SetLevelBody['evidence'];
    changedBy: string;
    changedAt: Date;
  },
): Promise<string> {
  const [row] = await tx.insert(levelChanges).values(change).returning({ id: levelChanges.id });
  if (!row) throw new Error('insert returned nothing');
  await tx
    .update(pupils)
    .set({ currentLevel: change.toLevel, levelChangedAt: change.changedAt, updatedAt: change.changedAt })
    .where(eq(pupils.id, change.pupilId));
  return row.id;
}

/** A pupil's level changes, newest first, each with who made it and the wording then in force. */
export async function levelHistory(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({ c: levelChanges, by: users.displayName, d: levelDefinitions })
    .from(levelChanges)
    .innerJoin(users, eq(users.id, levelChanges.changedBy))
    .leftJoin(levelDefinitions, eq(levelDefinitions.id, levelChanges.definitionId))
    .where(and(eq(levelChanges.schoolId, schoolId), eq(levelChanges.pupilId, pupilId)))
    .orderBy(desc(levelChanges.changedAt));
}

/** When a pupil's level was shared, with whom, newest first. */
export async function sharesOfPupil(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({ audience: levelShares.audience, at: levelShares.sharedAt })
    .from(levelShares)
    .where(and(eq(levelShares.schoolId, schoolId), eq(levelShares.pupilId, pupilId)))
    .orderBy(desc(levelShares.sharedAt));
}

/** A pupil's level changes with who made each, for the chronology. */
export async function levelChangesForChronology(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({ c: levelChanges, by: users.displayName })
    .from(levelChanges)
    .innerJoin(users, eq(users.id, levelChanges.changedBy))
    .where(and(eq(levelChanges.schoolId, schoolId), eq(levelChanges.pupilId, pupilId)));
}

/** Each time a pupil's level was shared with parents or staff, with who shared it, for the chronology. */
export async function levelSharesForChronology(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({ s: levelShares, by: users.displayName })
    .from(levelShares)
    .innerJoin(users, eq(users.id, levelShares.sharedBy))
    .where(
      and(
        eq(levelShares.schoolId, schoolId),
        eq(levelShares.pupilId, pupilId),
        inArray(levelShares.audience, ['parents', 'staff']),
      ),
    );
}

/** Every version of every level's wording of a school (a few dozen rows at most). */
export async function allDefinitions(db: DbOrTx, schoolId: string): Promise<DefinitionRow[]> {
  return db
    .select()
    .from(levelDefinitions)
    .where(eq(levelDefinitions.schoolId, schoolId))
    .orderBy(asc(levelDefinitions.code), asc(levelDefinitions.version));
}

/**
 * The wording of a level that was in force at a moment: the version made by then and not yet
 * superseded. A moment before the first version (a school's framework seeded later) takes the first.
 */
export function wordingInForceAt(rows: readonly DefinitionRow[], code: LevelCode, at: Date): DefinitionRow | undefined {
  const own = rows.filter((r) => r.code === code);
  return (
    own.find((r) => r.createdAt <= at && (r.supersededAt === null || r.supersededAt > at)) ??
    own.find((r) => r.supersededAt === null) ??
    own[0]
  );
}
