import { AppError, type LevelCode, type LevelDefinition, type RewordLevelBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { insertNextDefinition, lockCurrentDefinition, toLevelDefinition } from '../levels.queries';

/**
 * Reword a level: a new version, the old one kept. Refused if someone else reworded it since the
 * editor started from `baseVersion`, so nobody's wording is overwritten unseen.
 */
export async function rewordLevel(
  deps: AppDeps,
  request: SchoolRequest,
  code: LevelCode,
  body: RewordLevelBody,
): Promise<LevelDefinition> {
  return inSchool(deps, request, 'level.editFramework', async (w) => {
    const current = await lockCurrentDefinition(w.tx, w.schoolId, code);
    if (!current) throw new AppError('not_found', 'level not found');
    if (current.version !== body.baseVersion) {
      throw new AppError('conflict', 'level reworded meanwhile', {
        userMessage: `Someone else changed the wording of ${current.name} while you were editing. Your changes have not been saved: copy them, reload the page and apply them to the new wording.`,
      });
    }
    const { baseVersion: _baseVersion, ...wording } = body;
    const row = await insertNextDefinition(w.tx, current, wording, { userId: w.actor.userId, at: w.now });
    await w.audit(
      { action: 'level.reworded', detail: { code, version: row.version } },
      { type: 'level_definition', id: row.id },
    );
    return toLevelDefinition(row, w.actor.displayName);
  });
}
