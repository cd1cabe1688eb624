/**
 * The checks recording and updating a meeting share. A meeting can be planned ahead and completed
 * later; once recorded as held it is no longer edited. A parent meeting cannot be recorded as held
 * without at least one agreed next step (seed 002).
 */
import type { z } from 'zod';
import {
  AppError,
  SCHOOL_STAFF_ROLES,
  londonToday,
  meetingNeedsNextStep,
  type CreateMeetingBody,
  type MeetingKind,
  type nextStepInput,
} from '@tandem/core';
import type { DbOrTx } from '../db/client';
import { isPlanOfPupil, type MeetingRow } from './meetings.queries';
import { requireSchoolPeople } from './plans.queries';

type NextStep = z.infer<typeof nextStepInput>;

/** Clocks disagree a little: "held" a few minutes ahead of the server is still now. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** What recording and updating a meeting both carry. */
export interface MeetingFields {
  kind: MeetingKind;
  heldAt: string;
  attendees: CreateMeetingBody['attendees'];
  planId: string | null;
  nextSteps: NextStep[];
  complete: boolean;
}

/**
 * Checks shared by recording and updating: the plan belongs to the pupil, staff named are staff of
 * the school, a meeting is not recorded as held before it happens, and a parent meeting has a next
 * step. Returns the next steps with each staff owner's name filled in.
 */
export async function checkMeeting(
  db: DbOrTx,
  where: { schoolId: string; pupilId: string; now: Date },
  body: MeetingFields,
  existingNextSteps: number,
) {
  const { schoolId, pupilId, now } = where;
  if (body.planId && !(await isPlanOfPupil(db, schoolId, pupilId, body.planId))) {
    throw new AppError('validation', 'plan not for pupil', {
      fields: [{ path: 'planId', message: "Choose one of this pupil's plans" }],
    });
  }
  const staffIds = body.attendees.flatMap((a) => (a.kind === 'staff' && a.userId ? [a.userId] : []));
  await requireSchoolPeople(
    db,
    schoolId,
    staffIds,
    SCHOOL_STAFF_ROLES,
    'attendees',
    'Choose staff attendees from the list',
  );
  const ownerIds = body.nextSteps.map((s) => s.ownerUserId).filter((id): id is string => id !== null);
  const owners = await requireSchoolPeople(
    db,
    schoolId,
    ownerIds,
    SCHOOL_STAFF_ROLES,
    'nextSteps',
    'Choose the member of staff who owns each next step from the list',
  );
  if (body.complete) {
    if (Date.parse(body.heldAt) > now.getTime() + CLOCK_SLACK_MS) {
      throw new AppError('validation', 'held in future', {
        fields: [{ path: 'heldAt', message: 'A meeting cannot be recorded as held before it happens' }],
      });
    }
    if (meetingNeedsNextStep(body.kind) && existingNextSteps + body.nextSteps.length === 0) {
      throw new AppError('validation', 'parent meeting without next step', {
        userMessage: 'A parent meeting must end with at least one agreed next step before it is recorded as held.',
        fields: [{ path: 'nextSteps', message: 'Add at least one agreed next step, with who will do it and by when' }],
      });
    }
  }
  const today = londonToday(now);
  body.nextSteps.forEach((s, i) => {
    if (s.dueOn < today) {
      throw new AppError('validation', 'next step due in past', {
        fields: [{ path: `nextSteps.${i}.dueOn`, message: 'The due date cannot be in the past' }],
      });
    }
  });
  return body.nextSteps.map((s) => ({
    description: s.description,
    ownerUserId: s.ownerUserId,
    ownerName: s.ownerUserId ? (owners.get(s.ownerUserId) ?? s.ownerName) : s.ownerName,
    dueOn: s.dueOn,
  }));
}

/** A meeting recorded as held is the record of what happened: refuses any edit. */
export function requirePlanned(m: MeetingRow): void {
  if (m.completedAt) {
    throw new AppError('conflict', 'meeting already held', {
      userMessage: 'This meeting has already been recorded as held, so its record can no longer be changed.',
    });
  }
}

/** Someone else saved the meeting first: nothing of this writer's is saved. */
export function staleMeeting(): AppError {
  return new AppError('conflict', 'stale meeting version', {
    userMessage: 'Someone else saved this meeting while you were working. Nothing you entered has been saved yet.',
  });
}
