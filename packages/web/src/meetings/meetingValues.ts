/**
 * What the meeting form holds, kept as the draft: empty for a new meeting, filled in from a planned
 * one to change it, turned into the meeting as the server takes it, the order of its fields for the
 * error summary, and the checks the schema cannot make.
 */
import { ATTENDEE_KINDS, MEETING_KINDS, meetingNeedsNextStep, type AttendeeKind, type MeetingKind } from '@tandem/core';
import { z } from 'zod';
import { ApiError } from '../api/client';
import { dateProblems, dateTimeProblem } from '../components/DateInput';
import { formatTime, ukIsoDay, ukTimeOfDay, ukWallTimeToIso } from '../components/dates';
import { type FieldError } from '../components/formErrors';
import { newKey } from '../components/RepeatableRows';
import type { StaffOption } from '../plans/plansApi';

export interface AttendeeRow {
  key: string;
  kind: AttendeeKind | '';
  userId: string;
  name: string;
  role: string;
}

export interface StepRow {
  key: string;
  description: string;
  /** '' (not chosen), a member of staff's id, or 'other' for someone named. */
  owner: string;
  ownerName: string;
  dueOn: string;
}

export interface MeetingFormValues {
  kind: MeetingKind | '';
  date: string;
  time: string;
  place: string;
  planId: string;
  attendees: AttendeeRow[];
  aims: string;
  notes: string;
  nextSteps: StepRow[];
}

/** A kept draft, read leniently: anything unexpected falls back to an empty answer. */
export const meetingValuesSchema = z.object({
  kind: z.enum(['', ...MEETING_KINDS]).catch(''),
  date: z.string().catch(''),
  time: z.string().catch(''),
  place: z.string().catch(''),
  planId: z.string().catch(''),
  attendees: z
    .array(
      z.object({
        key: z.string(),
        kind: z.enum(['', ...ATTENDEE_KINDS]),
        userId: z.string(),
        name: z.string(),
        role: z.string(),
      }),
    )
    .max(30)
    .catch([]),
  aims: z.string().catch(''),
  notes: z.string().catch(''),
  nextSteps: z
    .array(
      z.object({
        key: z.string(),
        description: z.string(),
        owner: z.string(),
        ownerName: z.string(),
        dueOn: z.string(),
      }),
    )
    .max(30)
    .catch([]),
}) satisfies z.ZodType<MeetingFormValues>;

/** A new meeting's form: now, in UK time, and about the plan given (if any). */
export function emptyMeetingValues(planId = ''): MeetingFormValues {
  const now = new Date();
  return {
    kind: '',
    date: ukIsoDay(now),
    time: ukTimeOfDay(now),
    place: '',
    planId,
    attendees: [],
    aims: '',
    notes: '',
    nextSteps: [],
  };
}

/** The form filled in from a planned meeting, for changing it (next steps given here are added). */
export function valuesFromMeeting(m: {
  kind: MeetingKind;
  heldAt: string;
  place: string;
  plan: { id: string } | null;
  attendees: readonly { kind: AttendeeKind; userId: string | null; name: string; role: string }[];
  aims: string;
  notes: string;
}): MeetingFormValues {
  return {
    kind: m.kind,
    date: ukIsoDay(new Date(m.heldAt)),
    time: formatTime(m.heldAt),
    place: m.place,
    planId: m.plan?.id ?? '',
    attendees: m.attendees.map((a) => ({
      key: newKey('attendee'),
      kind: a.kind,
      userId: a.userId ?? '',
      name: a.name,
      role: a.role,
    })),
    aims: m.aims,
    notes: m.notes,
    nextSteps: [],
  };
}

/** The meeting as the server takes it (without version and complete). */
export function bodyFromValues(v: MeetingFormValues, staff: readonly StaffOption[]) {
  return {
    kind: v.kind === '' ? undefined : v.kind,
    heldAt: ukWallTimeToIso(v.date, v.time) ?? undefined,
    place: v.place,
    planId: v.planId === '' ? null : v.planId,
    attendees: v.attendees.map((a) => {
      const member = a.kind === 'staff' ? staff.find((s) => s.userId === a.userId) : undefined;
      return {
        kind: a.kind === '' ? undefined : a.kind,
        userId: a.kind === 'staff' && a.userId !== '' ? a.userId : null,
        name: a.kind === 'staff' ? (member?.name ?? '') : a.name,
        role: a.role,
      };
    }),
    aims: v.aims,
    notes: v.notes,
    nextSteps: v.nextSteps.map((s) => ({
      description: s.description,
      ownerUserId: s.owner !== '' && s.owner !== 'other' ? s.owner : null,
      ownerName: s.owner === 'other' ? s.ownerName : '',
      dueOn: s.dueOn,
    })),
  };
}

/** Field names in the order they appear, for the error summary. */
export function meetingFieldOrder(attendees: number, steps: number): string[] {
  return [
    'kind',
    'heldAt',
    'place',
    'planId',
    'attendees',
    ...Array.from({ length: attendees }, (_, i) => [
      `attendees.${String(i)}.kind`,
      `attendees.${String(i)}.name`,
      `attendees.${String(i)}.role`,
    ]).flat(),
    'aims',
    'notes',
    'nextSteps',
    ...Array.from({ length: steps }, (_, i) => [
      `nextSteps.${String(i)}.description`,
      `nextSteps.${String(i)}.owner`,
      `nextSteps.${String(i)}.ownerName`,
      `nextSteps.${String(i)}.dueOn`,
    ]).flat(),
  ];
}

/**
 * "Say who will do it" belongs to the owner list unless "someone else" was chosen (then the name
 * box is shown, and the message goes beside it).
 */
function ownerPath(path: string, v: MeetingFormValues): string {
  const match = /^nextSteps\.(\d+)\.(ownerName|ownerUserId)$/.exec(path);
  if (match === null) return path;
  const row = v.nextSteps[Number(match[1])];
  return row?.owner === 'other' && match[2] === 'ownerName' ? path : `nextSteps.${match[1] ?? ''}.owner`;
}

/** The schema's issues as field errors, each beside the field the person sees. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], v: MeetingFormValues): FieldError[] {
  return issues.map((i) => ({ path: ownerPath(i.path.map(String).join('.'), v), message: i.message }));
}

/** A refusal from the server with its fields named as the form shows them. */
export function apiErrorForForm(error: ApiError, v: MeetingFormValues): ApiError {
  return new ApiError(
    error.code,
    error.status,
    error.message,
    error.fields.map((f) => ({ ...f, path: ownerPath(f.path, v) })),
  );
}

/**
 * Checks the schema cannot: a real date and time, real dates for the next steps, and a parent
 * meeting's agreed next step.
 */
export function extraMeetingChecks(v: MeetingFormValues, complete: boolean, existingSteps = 0): FieldError[] {
  const extra: FieldError[] = [];
  const when = dateTimeProblem(v.date, v.time, { date: 'Date of the meeting', time: 'time of the meeting' });
  if (when !== null) extra.push({ path: 'heldAt', message: when });
  const heldAt = ukWallTimeToIso(v.date, v.time);
  if (complete && heldAt !== null && Date.parse(heldAt) > Date.now() + 5 * 60_000) {
    extra.push({ path: 'heldAt', message: 'A meeting in the future cannot be marked as held yet. Save it as planned' });
  }
  if (complete && v.kind !== '' && meetingNeedsNextStep(v.kind) && v.nextSteps.length + existingSteps === 0) {
    extra.push({
      path: 'nextSteps',
      message: 'Add at least one agreed next step before marking a parent meeting as held',
    });
  }
  extra.push(
    ...dateProblems(
      v.nextSteps.map((s, i) => ({
        path: `nextSteps.${String(i)}.dueOn`,
        value: s.dueOn,
        what: `Due date of next step ${String(i + 1)}`,
      })),
    ),
  );
  return extra;
}
