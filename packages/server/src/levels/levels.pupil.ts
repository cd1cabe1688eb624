/**
 * A pupil's level as the pupil record shows it: the wording now in force and, for case roles, the
 * history of changes and when the level was last shared. The pupil record reads these through the
 * registry (`deps.registries.pupilLevels`), so the levels tables are read only here.
 */
import type { PupilLevelSource } from '../platform/registries';
import { currentDefinitions, levelHistory, sharesOfPupil, toLevelDefinition } from './levels.queries';

export const levelsOfPupil: PupilLevelSource = {
  currentDefinitions,
  async caseRecord(db, schoolId, pupilId) {
    const history = await levelHistory(db, schoolId, pupilId);
    const shares = await sharesOfPupil(db, schoolId, pupilId);
    return {
      history: history.map(({ c, by, d }) => ({
        id: c.id,
        fromLevel: c.fromLevel,
        toLevel: c.toLevel,
        reason: c.reason,
        evidence: c.evidence,
        changedByName: by,
        changedAt: c.changedAt.toISOString(),
        definition: d ? toLevelDefinition(d, null) : null,
      })),
      lastSharedWithParents: shares.find((s) => s.audience === 'parents')?.at.toISOString() ?? null,
      lastSharedWithStaff: shares.find((s) => s.audience === 'staff')?.at.toISOString() ?? null,
    };
  },
};
