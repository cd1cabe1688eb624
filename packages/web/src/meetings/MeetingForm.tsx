/**
 * The fields of a meeting, shared by recording a meeting and changing a planned one: the kind,
 * when and where, the plan it is about, who came, the aims and notes, and the next steps agreed.
 * The pages own submitting, drafts and conflicts.
 */
import {
  ATTENDEE_KIND_LABELS,
  ATTENDEE_KINDS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  meetingNeedsNextStep,
  PLAN_KIND_LABELS,
  type AttendeeKind,
  type MeetingKind,
  type PlanSummary,
} from '@tandem/core';
import { z } from 'zod';
import { ApiError } from '../api/client';
import { addDays, formatTime, ukIsoDay, ukTimeOfDay, ukWallTimeToIso } from '../components/dates';
import { DateTimeField, Radios, SelectField, TextareaField, TextField, type Option } from '../components/Form';
import { fieldId, type FieldError } from '../components/formErrors';
import { newKey, RepeatableRows } from '../components/RepeatableRows';
import { Group } from '../plans/PlanForm';
import { staffLabel, type StaffOption } from '../plans/plansApi';
import '../plans/plans.css';

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

export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], v: MeetingFormValues): FieldError[] {
  return issues.map((i) => ({ path: ownerPath(i.path.map(String).join('.'), v), message: i.message }));
}

export function apiErrorForForm(error: ApiError, v: MeetingFormValues): ApiError {
  return new ApiError(
    error.code,
    error.status,
    error.message,
    error.fields.map((f) => ({ ...f, path: ownerPath(f.path, v) })),
  );
}

/** Checks the schema cannot: a real date and time, and a parent meeting's agreed next step. */
export function extraMeetingChecks(v: MeetingFormValues, complete: boolean, existingSteps = 0): FieldError[] {
  const extra: FieldError[] = [];
  if (v.date !== '' && v.time !== '' && ukWallTimeToIso(v.date, v.time) === null) {
    extra.push({ path: 'heldAt', message: 'Enter a real date and a time, such as 14:05' });
  } else if (v.date !== '' && v.time === '') {
    extra.push({ path: 'heldAt', message: 'Enter the time of the meeting, such as 14:05' });
  }
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
  return extra;
}

type ErrorFor = (path: string) => string | undefined;

export function MeetingFields({
  values,
  onChange,
  errorFor,
  staff,
  plans,
  kindFixed = false,
  existingSteps = 0,
}: {
  values: MeetingFormValues;
  onChange: (patch: Partial<MeetingFormValues>) => void;
  errorFor: ErrorFor;
  staff: readonly StaffOption[];
  plans: readonly PlanSummary[] | null;
  kindFixed?: boolean;
  existingSteps?: number;
}) {
  const staffOptions: Option[] = [
    { value: '', label: 'Choose a member of staff' },
    ...staff.map((s) => ({ value: s.userId, label: staffLabel(s) })),
  ];
  const ownerOptions: Option[] = [
    { value: '', label: 'Choose who will do it' },
    ...staff.map((s) => ({ value: s.userId, label: staffLabel(s) })),
    { value: 'other', label: 'Someone else (a parent, the pupil or a professional)' },
  ];
  const activePlans = (plans ?? []).filter((p) => p.status !== 'ended' || p.id === values.planId);
  const parent = values.kind === 'parent';
  const stepsError = errorFor('nextSteps');
  const attendeesError = errorFor('attendees');

  return (
    <>
      {kindFixed ? null : (
        <Radios
          name="kind"
          legend={<span className="heading-m">What kind of meeting?</span>}
          options={MEETING_KINDS.map((k) => ({
            value: k,
            label: MEETING_KIND_LABELS[k],
            hint:
              k === 'parent'
                ? 'With parents or carers. It ends with next steps everyone agrees.'
                : 'The case team, and others who support the pupil, review how things are going.',
          }))}
          value={values.kind}
          onValueChange={(v) => {
            const kind = MEETING_KINDS.find((k) => k === v);
            if (kind !== undefined) onChange({ kind });
          }}
          error={errorFor('kind')}
        />
      )}
      <DateTimeField
        name="heldAt"
        legend="When is or was it?"
        hint="In UK time. For a meeting still to happen, save it as planned."
        date={values.date}
        time={values.time}
        onDate={(date) => {
          onChange({ date });
        }}
        onTime={(time) => {
          onChange({ time });
        }}
        error={errorFor('heldAt')}
      />
      <TextField
        name="place"
        label="Where?"
        hint="For example, the pastoral office, or by video call."
        autoComplete="off"
        value={values.place}
        onValueChange={(place) => {
          onChange({ place });
        }}
        error={errorFor('place')}
      />
      {plans !== null && activePlans.length > 0 && (
        <SelectField
          name="planId"
          label="Is it about one of the pupil’s plans? (optional)"
          hint="For example, a meeting to review a care plan."
          options={[
            { value: '', label: 'No, not about a plan' },
            ...activePlans.map((p) => ({
              value: p.id,
              label: `${PLAN_KIND_LABELS[p.kind]} (version ${String(p.version)}${p.status === 'ended' ? ', ended' : ''})`,
            })),
          ]}
          value={values.planId}
          onValueChange={(planId) => {
            onChange({ planId });
          }}
          error={errorFor('planId')}
        />
      )}

      <Group
        name="attendees"
        legend={<h2 className="heading-m legend__heading">Who is coming, or came?</h2>}
        hint="Staff from the staff list; parents, the pupil and professionals by name."
        error={attendeesError}
      >
        <RepeatableRows
          name="attendees"
          noun="person"
          rows={values.attendees}
          max={30}
          newRow={(): AttendeeRow => ({ key: newKey('attendee'), kind: '', userId: '', name: '', role: '' })}
          firstField="kind"
          onRowsChange={(attendees) => {
            onChange({ attendees });
          }}
        >
          {(a, i, update) => (
            <div className="row-fields">
              <SelectField
                name={`attendees.${String(i)}.kind`}
                label="Who they are"
                options={[
                  { value: '', label: 'Choose' },
                  ...ATTENDEE_KINDS.map((k) => ({ value: k, label: ATTENDEE_KIND_LABELS[k] })),
                ]}
                value={a.kind}
                onValueChange={(kind) => {
                  const k = ATTENDEE_KINDS.find((x) => x === kind) ?? '';
                  update({ kind: k });
                }}
                error={errorFor(`attendees.${String(i)}.kind`)}
              />
              {a.kind === 'staff' ? (
                <SelectField
                  name={`attendees.${String(i)}.name`}
                  label="Name"
                  options={staffOptions}
                  value={a.userId}
                  onValueChange={(userId) => {
                    update({ userId, name: staff.find((s) => s.userId === userId)?.name ?? '' });
                  }}
                  error={errorFor(`attendees.${String(i)}.name`)}
                />
              ) : (
                <TextField
                  name={`attendees.${String(i)}.name`}
                  label="Name"
                  autoComplete="off"
                  value={a.name}
                  onValueChange={(name) => {
                    update({ name });
                  }}
                  error={errorFor(`attendees.${String(i)}.name`)}
                />
              )}
              <TextField
                name={`attendees.${String(i)}.role`}
                label="Role (optional)"
                hint="For example, mother, or school nurse."
                autoComplete="off"
                value={a.role}
                onValueChange={(role) => {
                  update({ role });
                }}
                error={errorFor(`attendees.${String(i)}.role`)}
              />
            </div>
          )}
        </RepeatableRows>
      </Group>

      <TextareaField
        name="aims"
        label="Aims (optional)"
        hint="What the meeting is for."
        rows={3}
        maxChars={5000}
        value={values.aims}
        onValueChange={(aims) => {
          onChange({ aims });
        }}
        error={errorFor('aims')}
      />
      <TextareaField
        name="notes"
        label="Notes (optional)"
        hint="What was said and decided. Keep to facts; parents may ask to see what is written about their child."
        rows={6}
        maxChars={20_000}
        value={values.notes}
        onValueChange={(notes) => {
          onChange({ notes });
        }}
        error={errorFor('notes')}
      />

      <Group
        name="nextSteps"
        legend={
          <h2 className="heading-m legend__heading">{existingSteps > 0 ? 'More next steps' : 'Next steps agreed'}</h2>
        }
        hint={
          parent
            ? 'A parent meeting needs at least one agreed next step before it can be marked as held: what will be done, by whom, and by when.'
            : 'What will be done, by whom, and by when.'
        }
        error={stepsError}
      >
        <RepeatableRows
          name="nextSteps"
          noun="next step"
          rows={values.nextSteps}
          max={30}
          newRow={() => ({
            key: newKey('step'),
            description: '',
            owner: '',
            ownerName: '',
            dueOn: addDays(ukIsoDay(), 7),
          })}
          firstField="description"
          onRowsChange={(nextSteps) => {
            onChange({ nextSteps });
          }}
          addDescribedBy={stepsError !== undefined ? `${fieldId('nextSteps')}-group-error` : undefined}
        >
          {(s, i, update) => (
            <>
              <TextareaField
                name={`nextSteps.${String(i)}.description`}
                label="What was agreed"
                rows={2}
                maxChars={1000}
                value={s.description}
                onValueChange={(description) => {
                  update({ description });
                }}
                error={errorFor(`nextSteps.${String(i)}.description`)}
              />
              <SelectField
                name={`nextSteps.${String(i)}.owner`}
                label="Who will do it"
                options={ownerOptions}
                value={s.owner}
                onValueChange={(owner) => {
                  update({ owner });
                }}
                error={errorFor(`nextSteps.${String(i)}.owner`)}
              />
              {s.owner === 'other' && (
                <div className="conditional conditional--choice">
                  <TextField
                    name={`nextSteps.${String(i)}.ownerName`}
                    label="Their name"
                    hint="For example, Emma Clarke (mother), or the pupil."
                    autoComplete="off"
                    value={s.ownerName}
                    onValueChange={(ownerName) => {
                      update({ ownerName });
                    }}
                    error={errorFor(`nextSteps.${String(i)}.ownerName`)}
                  />
                </div>
              )}
              <TextField
                name={`nextSteps.${String(i)}.dueOn`}
                type="date"
                width="date"
                label="By when"
                value={s.dueOn}
                onValueChange={(dueOn) => {
                  update({ dueOn });
                }}
                error={errorFor(`nextSteps.${String(i)}.dueOn`)}
              />
            </>
          )}
        </RepeatableRows>
      </Group>
    </>
  );
}
