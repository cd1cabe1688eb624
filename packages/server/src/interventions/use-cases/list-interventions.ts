import { canInSchool, SCHOOL_STAFF_ROLES, type InterventionList } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { holdersOf } from '../../platform/directory';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { listInterventions, placeCounts, staffOf } from '../interventions.queries';
import { measureChoiceOf, summaryOf } from '../interventions.mapping';
import { measuresOfSchool } from '../measures';

/** The school's catalogue, for any member of staff: names, places and counts, never a pupil. */
export async function listInterventionsOf(deps: AppDeps, at: SchoolRequest): Promise<InterventionList> {
  return readInSchool(deps, at, 'pupil.readList', async ({ db, actor, schoolId }) => {
    const [rows, staff, counts, measures] = await Promise.all([
      listInterventions(db, schoolId),
      staffOf(db, schoolId),
      placeCounts(db, schoolId),
      measuresOfSchool(db, schoolId),
    ]);
    const manage = canInSchool(actor, 'intervention.manage', schoolId);
    const caseRole = canInSchool(actor, 'pupil.readCase', schoolId);
    const count = (id: string, status: 'in' | 'waiting') =>
      counts.find((c) => c.interventionId === id && c.status === status)?.n ?? 0;
    const byKey = new Map(measures.map((m) => [m.key, m]));
    const interventions = rows.map((i) => {
      const own = staff.filter((s) => s.interventionId === i.id).map((s) => ({ id: s.id, name: s.name }));
      const mine = own.some((s) => s.id === actor.userId);
      return summaryOf(i, {
        staff: own,
        inCount: count(i.id, 'in'),
        waitingCount: count(i.id, 'waiting'),
        measure: i.measureKey ? byKey.get(i.measureKey) : undefined,
        mine,
        canOpen: manage || caseRole || mine,
      });
    });
    const staffChoices = manage
      ? (await holdersOf(db, schoolId, SCHOOL_STAFF_ROLES))
          .map((p) => ({ id: p.id, name: p.displayName }))
          .sort((a, b) => a.name.localeCompare(b.name))
      : [];
    return {
      interventions,
      canManage: manage,
      staffChoices,
      measureChoices: manage ? measures.map(measureChoiceOf) : [],
    };
  });
}
