/** Who is coming to a meeting, or came: staff from the staff list, others by name. */
import { ATTENDEE_KIND_LABELS, ATTENDEE_KINDS } from '@tandem/core';
import { SelectField, TextField, type Option } from '../components/Form';
import { newKey, RepeatableRows } from '../components/RepeatableRows';
import { Group } from '../plans/PlanFormParts';
import { staffLabel, type StaffOption } from '../plans/plansApi';
import type { AttendeeRow } from './meetingValues';

type ErrorFor = (path: string) => string | undefined;

/** The rows of people at a meeting, each with who they are, their name and their role. */
export function AttendeesField({
  attendees,
  onChange,
  errorFor,
  staff,
}: {
  attendees: AttendeeRow[];
  onChange: (attendees: AttendeeRow[]) => void;
  errorFor: ErrorFor;
  staff: readonly StaffOption[];
}) {
  const staffOptions: Option[] = [
    { value: '', label: 'Choose a member of staff' },
    ...staff.map((s) => ({ value: s.userId, label: staffLabel(s) })),
  ];
  return (
    <Group
      name="attendees"
      legend={<h2 className="heading-m legend__heading">Who is coming, or came?</h2>}
      hint="Staff from the staff list; parents, the pupil and professionals by name."
      error={errorFor('attendees')}
    >
      <RepeatableRows
        name="attendees"
        noun="person"
        rows={attendees}
        max={30}
        newRow={(): AttendeeRow => ({ key: newKey('attendee'), kind: '', userId: '', name: '', role: '' })}
        firstField="kind"
        onRowsChange={onChange}
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
  );
}
