/**
 * The training record's part of my work: the person's own required training that runs out within
 * 60 days, has run out or is missing; and, for the training leads, entries awaiting confirmation.
 */
import { TRAINING_COURSE_SHORT_LABELS, canInSchool, isStaffRole, rolesInSchool, type MyWorkPart } from '@tandem/core';
import type { MyWorkSource } from '../platform/registries';
import { courseNameOf } from './training.mapping';
import { awaitingRecords } from './training.queries';
import { personStandings } from './training.standing';

export const trainingMyWork: MyWorkSource = {
  name: 'training',
  async items(db, { actor, schoolId, today }) {
    const roles = rolesInSchool(actor, schoolId).filter(isStaffRole);
    if (roles.length === 0) return {};
    const part: MyWorkPart = {};
    const standings = await personStandings(db, schoolId, actor.userId, roles, today);
    part.myTrainingDue = standings
      .filter((c) => c.status === 'due' || c.status === 'overdue' || c.status === 'missing')
      .map((c) => ({
        course: TRAINING_COURSE_SHORT_LABELS[c.course],
        dueOn: c.status === 'missing' ? null : c.expiresOn,
        overdue: c.status === 'overdue',
      }));
    if (canInSchool(actor, 'training.manage', schoolId)) {
      part.trainingToConfirm = (await awaitingRecords(db, schoolId)).map((a) => ({
        recordId: a.recordId,
        staffName: a.staffName,
        course: courseNameOf(a),
        completedOn: a.completedOn,
      }));
    }
    return part;
  },
};
