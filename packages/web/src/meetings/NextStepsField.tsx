/**
 * The next steps agreed at a meeting: what will be done, by whom (a member of staff, or someone
 * named) and by when.
 */
import { addDays, ukIsoDay } from '../components/dates';
import { DateInput } from '../components/DateInput';
import { SelectField, TextareaField, TextField, type Option } from '../components/Form';
import { fieldId } from '../components/formErrors';
import { newKey, RepeatableRows } from '../components/RepeatableRows';
import { Group } from '../plans/PlanFormParts';
import { staffLabel, type StaffOption } from '../plans/plansApi';
import type { StepRow } from './meetingValues';

type ErrorFor = (path: string) => string | undefined;

/** The rows of next steps agreed, each with what, who and by when. */
export function NextStepsField({
  steps,
  onChange,
  errorFor,
  staff,
  parent,
  existingSteps,
}: {
  steps: StepRow[];
  onChange: (steps: StepRow[]) => void;
  errorFor: ErrorFor;
  staff: readonly StaffOption[];
  /** A parent meeting, which needs an agreed next step before it is marked as held. */
  parent: boolean;
  /** Next steps already saved with the meeting. */
  existingSteps: number;
}) {
  const ownerOptions: Option[] = [
    { value: '', label: 'Choose who will do it' },
    ...staff.map((s) => ({ value: s.userId, label: staffLabel(s) })),
    { value: 'other', label: 'Someone else (a parent, the pupil or a professional)' },
  ];
  const stepsError = errorFor('nextSteps');
  return (
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
        rows={steps}
        max={30}
        newRow={() => ({
          key: newKey('step'),
          description: '',
          owner: '',
          ownerName: '',
          dueOn: addDays(ukIsoDay(), 7),
        })}
        firstField="description"
        onRowsChange={onChange}
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
            <DateInput
              name={`nextSteps.${String(i)}.dueOn`}
              legend="By when"
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
  );
}
