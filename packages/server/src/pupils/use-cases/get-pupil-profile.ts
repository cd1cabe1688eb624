import { AppError, londonToday, thriveGroupOf, type PupilProfileResponse } from '@tandem/core';
import { caseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool, teachesPupil } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { toBasicPupil, toContact, toPupilDetails } from '../pupils.mapping';
import { contactsOf, teachingGroupsOf } from '../pupils.queries';

/**
 * A pupil's record as this member of staff may see it, decided by caseAccess (need-to-know by
 * caseload): the case record for case roles whose scope reaches the pupil, the staff-shared summary
 * for those who teach the pupil, name and form for other staff. Every open is audited with the view given.
 */
export async function getPupilProfile(
  deps: AppDeps,
  request: SchoolRequest,
  pupilId: string,
): Promise<PupilProfileResponse> {
  return inSchool(deps, request, 'pupil.readList', async (w) => {
    const { actor, schoolId, tx } = w;
    const pupil = await loadPupilInSchool(tx, schoolId, pupilId);
    const teaches = await teachesPupil(tx, actor.userId, schoolId, pupilId);
    const view = await caseAccess(tx, actor, schoolId, pupil);
    if (view === 'none') throw new AppError('not_found', 'pupil not visible');
    // The audit entry is appended last: it locks the chain head until the transaction ends.
    const audited = async <T>(response: T): Promise<T> => {
      await w.audit({ action: 'pupil.viewed', detail: { view } }, { type: 'pupil', id: pupilId });
      return response;
    };
    const basic = toBasicPupil(pupil);
    const level = pupil.currentLevel;
    const { plansGiven, pupilLevels, timetableSummary } = deps.registries;
    // Case roles read plans in full on the pupil's plans list; other staff see those given to them.
    const sharedPlans =
      view === 'case'
        ? []
        : await plansGiven.plansGiven(tx, { userId: actor.userId, schoolId, pupilId, teachesPupil: teaches });
    if (view === 'basic') return audited({ view, pupil: basic, sharedPlans });
    const definitions = await pupilLevels.currentDefinitions(tx, schoolId);
    const definition = level ? (definitions.get(level) ?? null) : null;
    if (view === 'summary') {
      return audited({
        view,
        pupil: basic,
        sharedPlans,
        level: {
          code: level,
          name: definition?.name ?? 'Thriving',
          schoolProvides: definition?.schoolProvides ?? [],
          schoolToDo: definition?.schoolToDo ?? [],
        },
        reducedTimetable: await timetableSummary.forStaff(tx, { schoolId, pupilId, today: londonToday(w.now) }),
      });
    }
    const contactRows = await contactsOf(tx, schoolId, pupilId);
    const levels = await pupilLevels.caseRecord(tx, schoolId, pupilId);
    const groups = await teachingGroupsOf(tx, schoolId, pupilId);
    return audited({
      view,
      pupil: toPupilDetails(pupil),
      contacts: contactRows.map(toContact),
      level: {
        code: level,
        thriveGroup: thriveGroupOf(level),
        definition,
        since: pupil.levelChangedAt?.toISOString() ?? null,
      },
      history: levels.history,
      lastSharedWithParents: levels.lastSharedWithParents,
      lastSharedWithStaff: levels.lastSharedWithStaff,
      teachingGroups: groups,
    });
  });
}
