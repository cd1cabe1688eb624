/**
 * The missing list's part of "my work", for the DSL team: each absence of a pupil on the list not
 * yet followed up, oldest first, within the person's case scope.
 */
import { canInSchool, type MissingAbsenceItem } from '@tandem/core';
import type { MyWorkSource } from '../platform/registries';
import { pupilRef } from './missing.mapping';
import { alertsOf, visiblePupilsSql } from './missing.queries';

export const missingMyWork: MyWorkSource = {
  name: 'missing list',
  async items(db, r) {
    if (!canInSchool(r.actor, 'missing.manage', r.schoolId)) return {};
    const visible = await visiblePupilsSql(db, r.actor, r.schoolId);
    // Only those not yet followed up: `since` the clock's time leaves out every one dealt with.
    const open = (await alertsOf(db, r.schoolId, { visible, since: r.now, pupilId: null })).filter(
      (a) => a.action_at === null,
    );
    const items: MissingAbsenceItem[] = open.map((a) => {
      const p = pupilRef(a);
      return { alertId: a.id, pupil: { id: p.pupilId, name: p.name }, on: a.on, session: a.session };
    });
    return { missingAbsences: items };
  },
};
