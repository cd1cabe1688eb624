import type { CreateMeetingBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { meetingMutation } from '../meetings.mapping';
import { addNextSteps, insertMeeting } from '../meetings.queries';
import { checkMeeting } from '../meetings.rules';

/** A meeting about a pupil, planned ahead or (with `complete`) recorded as held now. */
export async function createMeeting(deps: AppDeps, at: SchoolRequest, pupilId: string, body: CreateMeetingBody) {
  return inSchool(deps, at, 'plan.write', async (s) => {
    const { tx, schoolId, actor, now } = s;
    await loadPupilInSchool(tx, schoolId, pupilId);
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
      createdAt: now,
      completedAt: body.complete ? now : null,
      completedBy: body.complete ? actor.userId : null,
      updatedAt: now,
    });
    await addNextSteps(
      tx,
      steps.map((step) => ({ ...step, schoolId, meetingId: m.id, createdBy: actor.userId, createdAt: now })),
    );
    await s.audit(
      {
        action: 'meeting.recorded',
        detail: { kind: body.kind, pupilId, completed: body.complete, nextSteps: steps.length },
      },
      { type: 'meeting', id: m.id },
    );
    return meetingMutation(m);
  });
}
