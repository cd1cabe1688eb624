import type { CreateMeetingBody } from '@tandem/core';
import { joinCaseTeam, requireCaseAccess } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { tellFamily } from '../../platform/family-news';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { meetingMutation } from '../meetings.mapping';
import { addNextSteps, findMeetingSubmission, insertMeeting } from '../meetings.queries';
import { lockPupilForCreate } from '../plans.queries';
import { checkMeeting } from '../meetings.rules';

/**
 * A meeting about a pupil, planned ahead or (with `complete`) recorded as held now. A second send
 * with the same submission key answers the first meeting, unchanged, and audits nothing.
 */
export async function createMeeting(deps: AppDeps, at: SchoolRequest, pupilId: string, body: CreateMeetingBody) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    await requireCaseAccess(tx, actor, schoolId, pupilId);
    await lockPupilForCreate(tx, schoolId, pupilId);
    const first = await findMeetingSubmission(tx, schoolId, actor.userId, body.submissionKey);
    if (first) return { answer: meetingMutation(first), alreadyReceived: true };
    const steps = await checkMeeting(tx, { schoolId, pupilId, now }, body, 0);
    const m = await insertMeeting(tx, {
      schoolId,
      pupilId,
      kind: body.kind,
      heldAt: new Date(body.heldAt),
      place: body.place,
      attendees: body.attendees,
      aims: body.aims,
      notes: body.notes,
      planId: body.planId,
      version: 1,
      createdBy: actor.userId,
      submissionKey: body.submissionKey,
      createdAt: now,
      completedAt: body.complete ? now : null,
      completedBy: body.complete ? actor.userId : null,
      updatedAt: now,
    });
    await addNextSteps(
      tx,
      steps.map((step) => ({ ...step, schoolId, meetingId: m.id, createdBy: actor.userId, createdAt: now })),
    );
    await joinCaseTeam(tx, { schoolId, pupilId, userId: actor.userId, source: 'meeting_lead', addedBy: null, at: now });
    await s.audit(
      {
        action: 'meeting.recorded',
        detail: { kind: body.kind, pupilId, completed: body.complete, nextSteps: steps.length },
      },
      { type: 'meeting', id: m.id },
    );
    // A parent meeting recorded as held with next steps: the family sees what was agreed.
    if (body.complete && body.kind === 'parent' && steps.length > 0) {
      await tellFamily(tx, { schoolId, pupilId, now });
    }
    return { answer: meetingMutation(m), alreadyReceived: false };
  });
}
