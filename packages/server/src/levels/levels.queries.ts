import { and, eq, isNull } from 'drizzle-orm';
import { DEFAULT_LEVELS, LEVEL_CODES, LEVEL_THRIVE, type LevelCode, type LevelDefinition } from '@tandem/core';
import { levelDefinitions, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

/** Give a new school the five levels as the source describes them (version 1 of each). */
export async function seedLevelFramework(tx: DbOrTx, schoolId: string, createdBy: string | null = null): Promise<void> {
  await tx
    .insert(levelDefinitions)
    .values(LEVEL_CODES.map((code) => ({ schoolId, code, version: 1, createdBy, ...DEFAULT_LEVELS[code] })));
}

type DefinitionRow = typeof levelDefinitions.$inferSelect;

export function toLevelDefinition(row: DefinitionRow, createdByName: string | null): LevelDefinition {
  const code = row.code as LevelCode;
  return {
    id: row.id,
    code,
    version: row.version,
    name: row.name,
    description: row.description,
    schoolProvides: row.schoolProvides,
    homeDoes: row.homeDoes,
    schoolToDo: row.schoolToDo,
    homeToDo: row.homeToDo,
    evidenceToMoveUp: row.evidenceToMoveUp,
    parentSummary: row.parentSummary,
    thriveGroup: LEVEL_THRIVE[code],
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
