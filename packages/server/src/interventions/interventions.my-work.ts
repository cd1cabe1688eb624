/** Interventions' part of "my work": baselines and follow-ups to ask, for the intervention's staff. */
import { TIMEPOINTS } from '@tandem/core';
import { pupilName } from '../platform/directory';
import type { MyWorkSource } from '../platform/registries';
import { findMeasure } from './measures';
import { questionnairesDueFor } from './questionnaires.queries';

export const interventionMyWork: MyWorkSource = {
  name: 'interventions',
  async items(db, { actor, schoolId }) {
    const rows = await questionnairesDueFor(db, schoolId, actor.userId);
    const questionnairesDue = [];
    for (const { q, interventionName, pupil } of rows) {
      if (!TIMEPOINTS.includes(q.timepoint)) continue;
      const m = await findMeasure(db, schoolId, q.measureKey, q.measureVersion);
      questionnairesDue.push({
        questionnaireId: q.id,
        measureName: m?.name ?? q.measureKey,
        timepoint: q.timepoint,
        interventionName,
        dueOn: q.dueOn,
        pupil: { id: q.pupilId, name: pupilName(pupil) },
      });
    }
    return { questionnairesDue };
  },
};
