import { AppError, checkLevelChange, type LevelCode, type SetLevelBody } from '@tandem/core';
import { requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { checkSchool, inSchool, type SchoolRequest, type SchoolWork } from '../../platform/gate';
import { currentDefinitions, lockPupilLevel, recordLevelChange } from '../levels.queries';

/**
 * Refuse evidence the actor may not cite: for each kind of record a source answers for (concerns,
 * for now), every id given must be about this pupil and one the actor may see in full.
 */
async function checkCitedEvidence(w: SchoolWork, pupilId: string, evidence: SetLevelBody['evidence']) {
  for (const source of w.deps.registries.evidence) {
    const ids = evidence.flatMap((e) => (e.kind === source.kind && e.refId ? [e.refId] : []));
    if (ids.length === 0) continue;
    const citable = await source.citable(w.tx, { actor: w.actor, schoolId: w.schoolId, pupilId }, ids);
    if (ids.some((id) => !citable.has(id))) {
      throw new AppError('validation', `evidence ${source.kind} not usable`, {
        fields: [{ path: 'evidence', message: source.refusal }],
      });
    }
  }
}

/**
 * Change a pupil's level, with the reason and the evidence. Refused if someone else changed it
 * since the form was opened (`expectedCurrentLevel`), or if the change breaks the framework's rules.
 */
export async function setPupilLevel(
  deps: AppDeps,
  request: SchoolRequest,
  pupilId: string,
  body: SetLevelBody,
): Promise<{ level: LevelCode | null; changeId: string }> {
  // Staff outside the case roles learn whether the pupil exists (404) before being refused (403).
  return inSchool(deps, request, 'pupil.readList', async (w) => {
    const pupil = await lockPupilLevel(w.tx, w.schoolId, pupilId);
    if (!pupil) throw new AppError('not_found', 'pupil not found');
    checkSchool(w.actor, w.schoolId, 'pupil.setLevel');
    await requireCaseAccess(w.tx, w.actor, w.schoolId, pupilId);
    const from = pupil.currentLevel;
    if (from !== body.expectedCurrentLevel) {
      throw new AppError('conflict', 'level changed meanwhile', {
        userMessage:
          'Someone else changed this pupil’s level while you were working. Nothing has been saved: check the new level and history, then try again.',
      });
    }
    checkLevelChange(from, body.level, body.evidence.length);
    await checkCitedEvidence(w, pupilId, body.evidence);
    const definitions = await currentDefinitions(w.tx, w.schoolId);
    const changeId = await recordLevelChange(w.tx, {
      schoolId: w.schoolId,
      pupilId,
      fromLevel: from,
      toLevel: body.level,
      definitionId: body.level ? (definitions.get(body.level)?.id ?? null) : null,
      reason: body.reason,
      evidence: body.evidence,
      changedBy: w.actor.userId,
      changedAt: w.now,
    });
    await w.audit(
      { action: 'level.changed', detail: { from, to: body.level, evidence: body.evidence.length } },
      { type: 'pupil', id: pupilId },
    );
    return { level: body.level, changeId };
  });
}
