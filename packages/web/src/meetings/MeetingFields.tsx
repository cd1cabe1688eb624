/**
 * The fields of a meeting, shared by recording a meeting and changing a planned one: the kind,
 * when and where, the plan it is about, who came, the aims and notes, and the next steps agreed.
 * The editor owns submitting, drafts and conflicts.
 */
import { MEETING_KIND_LABELS, MEETING_KINDS, PLAN_KIND_LABELS, type PlanSummary } from '@tandem/core';
import { DateTimeField, Radios, SelectField, TextareaField, TextField } from '../components/Form';
import { type StaffOption } from '../plans/plansApi';
import '../plans/plans.css';
import { AttendeesField } from './AttendeesField';
import type { MeetingFormValues } from './meetingValues';
import { NextStepsField } from './NextStepsField';

type ErrorFor = (path: string) => string | undefined;

/** Every field of a meeting; `kindFixed` hides the kind, which a planned meeting keeps. */
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
  const activePlans = (plans ?? []).filter((p) => p.status !== 'ended' || p.id === values.planId);

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

      <AttendeesField
        attendees={values.attendees}
        onChange={(attendees) => {
          onChange({ attendees });
        }}
        errorFor={errorFor}
        staff={staff}
      />

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

      <NextStepsField
        steps={values.nextSteps}
        onChange={(nextSteps) => {
          onChange({ nextSteps });
        }}
        errorFor={errorFor}
        staff={staff}
        parent={values.kind === 'parent'}
        existingSteps={existingSteps}
      />
    </>
  );
}
