import type { UpdateMeetingBody } from '@tandem/core';
import { requireCaseAccessToPupilOf } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { tellFamily } from '../../platform/family-news';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { meetingMutation } from '../meetings.mapping';
import { addNextSteps, countNextSteps, loadMeeting, updatePlannedMeeting } from '../meetings.queries';
import { checkMeeting, requirePlanned, staleMeeting } from '../meetings.rules';

/** Edit a planned meeting, add next steps, and (optionally) record it as held. */
export async function updateMeeting(deps: AppDeps, at: SchoolRequest, meetingId: string, body: UpdateMeetingBody) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const m = await loadMeeting(tx, schoolId, meetingId);
    await requireCaseAccessToPupilOf(tx, actor, schoolId, m);
    requirePlanned(m);
    const existing = await countNextSteps(tx, meetingId);
    const steps = await checkMeeting(tx, { schoolId, pupilId: m.pupilId, now }, body, existing);
    const updated = await updatePlannedMeeting(tx, meetingId, body.version, {
      kind: body.kind,
      heldAt: new Date(body.heldAt),
      place: body.place,
      attendees: body.attendees,
      aims: body.aims,
      notes: body.notes,
      planId: body.planId,
      completedAt: body.complete ? now : null,
      completedBy: body.complete ? actor.userId : null,
      updatedAt: now,
    });
    if (!updated) throw staleMeeting();
    await addNextSteps(
      tx,
      steps.map((step) => ({ ...step, schoolId, meetingId, createdBy: actor.userId, createdAt: now })),
    );
    await s.audit(
      { action: 'meeting.updated', detail: { completed: body.complete, nextStepsAdded: steps.length } },
      { type: 'meeting', id: meetingId },
    );
    // A parent meeting held with next steps: the family sees what was agreed.
    if (body.complete && body.kind === 'parent' && existing + steps.length > 0) {
      await tellFamily(tx, { schoolId, pupilId: m.pupilId, now });
    }
    return meetingMutation(updated);
  });
}
