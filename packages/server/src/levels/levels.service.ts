/**
 * The level framework (wording of MH1..MH5 per school) and changes of a pupil's level.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import {
  AppError,
  checkLevelChange,
  isLevelCode,
  type Actor,
  type LevelCode,
  type LevelDefinition,
  type RewordLevelBody,
  type SetLevelBody,
} from '@tandem/core';
import { levelChanges, levelDefinitions, pupils, users } from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { appendSchoolAudit } from '../audit/audit.service';
import { requireSchoolPermission } from '../http/scope';
import { currentDefinitions, toLevelDefinition } from './levels.queries';
import { concernsUsableAsEvidence } from '../concerns/concerns.service';

export async function getFramework(deps: AppDeps, actor: Actor, schoolId: string): Promise<LevelDefinition[]> {
  requireSchoolPermission(actor, schoolId, 'pupil.readList');
  return [...(await currentDefinitions(deps.database.db, schoolId)).values()];
}

export async function getLevelVersions(deps: AppDeps, actor: Actor, schoolId: string, code: LevelCode) {
  requireSchoolPermission(actor, schoolId, 'pupil.readList');
  const rows = await deps.database.db
    .select({ d: levelDefinitions, by: users.displayName })
    .from(levelDefinitions)
    .leftJoin(users, eq(users.id, levelDefinitions.createdBy))
    .where(and(eq(levelDefinitions.schoolId, schoolId), eq(levelDefinitions.code, code)))
    .orderBy(asc(levelDefinitions.version));
  return rows.map((r) => toLevelDefinition(r.d, r.by));
}

export async function rewordLevel(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  code: LevelCode,
  body: RewordLevelBody,
  ip: string,
): Promise<LevelDefinition> {
  requireSchoolPermission(actor, schoolId, 'level.editFramework');
  return deps.database.db.transaction(async (tx) => {
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
    if (!current) throw new AppError('not_found', 'level not found');
    if (current.version !== body.baseVersion) {
      throw new AppError('conflict', 'level reworded meanwhile', {
        userMessage: `Someone else changed the wording of ${current.name} while you were editing. Your changes have not been saved: copy them, reload the page and apply them to the new wording.`,
      });
    }
    const { baseVersion: _baseVersion, ...wording } = body;
    const now = deps.clock.now();
    await tx.update(levelDefinitions).set({ supersededAt: now }).where(eq(levelDefinitions.id, current.id));
    const [row] = await tx
      .insert(levelDefinitions)
      .values({ schoolId, code, version: current.version + 1, createdBy: actor.userId, createdAt: now, ...wording })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendSchoolAudit(
      tx,
      deps.clock,
      { action: 'level.reworded', detail: { code, version: row.version } },
      {
        actor: actor,
        schoolId,
        subjectType: 'level_definition',
        subjectId: row.id,
        ip,
      },
    );
    return toLevelDefinition(row, actor.displayName);
  });
}

export async function setPupilLevel(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  pupilId: string,
  body: SetLevelBody,
  ip: string,
): Promise<{ level: LevelCode | null; changeId: string }> {
  requireSchoolPermission(actor, schoolId, 'pupil.readList');
  return deps.database.db.transaction(async (tx) => {
    const [pupil] = await tx
      .select({ id: pupils.id, currentLevel: pupils.currentLevel, leftOn: pupils.leftOn })
      .from(pupils)
      .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)))
      .for('update');
    if (!pupil) throw new AppError('not_found', 'pupil not found');
    requireSchoolPermission(actor, schoolId, 'pupil.setLevel');
    const from = isLevelCode(pupil.currentLevel) ? pupil.currentLevel : null;
    if (from !== body.expectedCurrentLevel) {
      throw new AppError('conflict', 'level changed meanwhile', {
        userMessage:
          'Someone else changed this pupil’s level while you were working. Nothing has been saved: check the new level and history, then try again.',
      });
    }
    checkLevelChange(from, body.level, body.evidence.length);
    await concernsUsableAsEvidence(
      tx,
      actor,
      schoolId,
      pupilId,
      body.evidence.flatMap((e) => (e.kind === 'concern' && e.refId ? [e.refId] : [])),
    );
    const definitions = await currentDefinitions(tx, schoolId);
    const now = deps.clock.now();
    const [change] = await tx
      .insert(levelChanges)
      .values({
        schoolId,
        pupilId,
        fromLevel: from,
        toLevel: body.level,
        definitionId: body.level ? (definitions.get(body.level)?.id ?? null) : null,
        reason: body.reason,
        evidence: body.evidence,
        changedBy: actor.userId,
        changedAt: now,
      })
      .returning({ id: levelChanges.id });
    if (!change) throw new Error('insert returned nothing');
    await tx
      .update(pupils)
      .set({ currentLevel: body.level, levelChangedAt: now, updatedAt: now })
      .where(eq(pupils.id, pupilId));
    await appendSchoolAudit(
      tx,
      deps.clock,
      { action: 'level.changed', detail: { from, to: body.level, evidence: body.evidence.length } },
      {
        actor: actor,
        schoolId,
        subjectType: 'pupil',
        subjectId: pupilId,
        ip,
      },
    );
    return { level: body.level, changeId: change.id };
  });
}
