/** Meeting rows into the answers the API gives. */
import type { MeetingDetailResponse, MeetingStatus } from '@tandem/core';
import { pupilName, type PupilRow } from '../platform/directory';
import type { MeetingRow, meetingNames, meetingsOfPupil, nextStepsOf, reviewedPlan } from './meetings.queries';

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export const statusOf = (m: Pick<MeetingRow, 'completedAt'>): MeetingStatus =>
  m.completedAt ? 'completed' : 'planned';

/** What a change answers: the meeting's version and status after it. */
export function meetingMutation(m: MeetingRow) {
  return { id: m.id, version: m.version, status: statusOf(m) };
}

/** One line of a pupil's meetings list. */
export function meetingSummaryOf({ m, nextSteps, open }: Rows<typeof meetingsOfPupil>[number]) {
  return {
    id: m.id,
    pupilId: m.pupilId,
    kind: m.kind,
    heldAt: m.heldAt.toISOString(),
    place: m.place,
    status: statusOf(m),
    nextSteps,
    openNextSteps: open,
  };
}

/** The whole record of a meeting, with its next steps (overdue ones marked). */
export function meetingDetailOf(loaded: {
  m: MeetingRow;
  pupil: PupilRow;
  names: Rows<typeof meetingNames>;
  plan: Rows<typeof reviewedPlan>;
  steps: Rows<typeof nextStepsOf>;
  today: string;
}): MeetingDetailResponse {
  const { m, pupil, names, plan, steps, today } = loaded;
  return {
    meeting: {
      id: m.id,
      pupilId: m.pupilId,
      kind: m.kind,
      heldAt: m.heldAt.toISOString(),
      place: m.place,
      status: statusOf(m),
      nextSteps: steps.length,
      openNextSteps: steps.filter((s) => !s.a.completedAt).length,
      version: m.version,
      pupilName: pupilName(pupil),
      attendees: m.attendees.map((a) => ({
        kind: a.kind,
        userId: a.userId,
        name: a.name,
        role: a.role,
      })),
      aims: m.aims,
      notes: m.notes,
      plan: plan ? { id: plan.id, kind: plan.kind } : null,
      createdByName: names?.creator ?? '',
      completedAt: m.completedAt?.toISOString() ?? null,
      completedByName: names?.completer ?? null,
    },
    nextSteps: steps.map(({ a, by }) => ({
      id: a.id,
      description: a.description,
      ownerUserId: a.ownerUserId,
      ownerName: a.ownerName,
      dueOn: a.dueOn,
      overdue: !a.completedAt && a.dueOn < today,
      completedAt: a.completedAt?.toISOString() ?? null,
      completedByName: by,
      completionNote: a.completionNote,
    })),
  };
}
