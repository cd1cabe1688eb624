/**
 * The questions of the intervention editor: what it is, how it runs, whom it suits, how it is
 * measured (with the measure's licence beside the choice) and who runs it.
 */
import {
  INTERVENTION_FORMAT_LABELS,
  INTERVENTION_FORMATS,
  INTERVENTION_STATUS_LABELS,
  INTERVENTION_STATUSES,
  LEVEL_CODES,
  MAX_PLACES,
  MAX_SESSIONS,
  SESSION_DAY_LABELS,
  SESSION_DAYS,
  type InterventionList,
} from '@tandem/core';
import { Checkboxes, Radios, SelectField, TextareaField, TextField } from '../components/Form';
import { isOneOf } from '../components/format';
import { InsetText } from '../components/Page';
import { useLevelFramework } from '../pupils/pupilsApi';
import { NO_MEASURE, type InterventionFormValues } from './interventionValues';

type MeasureChoice = InterventionList['measureChoices'][number];

export function InterventionFields({
  schoolId,
  values,
  onChange,
  errorFor,
  measures,
  staff,
  editing,
  currentMeasure,
}: {
  schoolId: string;
  values: InterventionFormValues;
  onChange: (patch: Partial<InterventionFormValues>) => void;
  errorFor: (path: string) => string | undefined;
  measures: readonly MeasureChoice[];
  staff: readonly { id: string; name: string }[];
  /** Whether an existing intervention is changed (then its status can be changed too). */
  editing: boolean;
  /** The measure it uses now, kept as a choice even if it is no longer offered to new ones. */
  currentMeasure: { key: string; name: string } | null;
}) {
  const levels = useLevelFramework(schoolId);
  const number = (name: 'places' | 'sessionCount' | 'sessionMinutes', label: string, hint: string) => (
    <TextField
      name={name}
      label={label}
      hint={hint}
      width="number"
      inputMode="numeric"
      autoComplete="off"
      value={values[name]}
      onValueChange={(v) => {
        onChange({ [name]: v });
      }}
      error={errorFor(name)}
    />
  );
  return (
    <>
      <h2 className="heading-m">What it is</h2>
      <TextField
        name="name"
        label="Name"
        hint="As staff and families know it, for example “ELSA” or “Lunchtime nurture group”."
        autoComplete="off"
        value={values.name}
        onValueChange={(name) => {
          onChange({ name });
        }}
        error={errorFor('name')}
      />
      <TextareaField
        name="description"
        label="What happens in it (optional)"
        hint="A few sentences for staff asking for a place: what it helps with and how."
        rows={4}
        maxChars={2000}
        value={values.description}
        onValueChange={(description) => {
          onChange({ description });
        }}
        error={errorFor('description')}
      />
      <h2 className="heading-m">How it runs</h2>
      <Radios
        name="format"
        legend="Group or one-to-one?"
        inline
        options={INTERVENTION_FORMATS.map((f) => ({ value: f, label: INTERVENTION_FORMAT_LABELS[f] }))}
        value={values.format}
        onValueChange={(format) => {
          onChange({ format });
        }}
        error={errorFor('format')}
      />
      {number('places', 'Places at a time', `How many pupils it takes at once, up to ${String(MAX_PLACES)}.`)}
      {number(
        'sessionCount',
        'Number of sessions',
        `How many sessions each pupil has, up to ${String(MAX_SESSIONS)}. One a week.`,
      )}
      {number('sessionMinutes', 'Minutes per session', 'For example, 45.')}
      <SelectField
        name="sessionDay"
        label="Day of the week"
        options={[
          { value: '', label: 'Choose a day' },
          ...SESSION_DAYS.map((d) => ({ value: d, label: SESSION_DAY_LABELS[d] })),
        ]}
        value={values.sessionDay}
        onValueChange={(sessionDay) => {
          onChange({ sessionDay });
        }}
        error={errorFor('sessionDay')}
      />
      <h2 className="heading-m">Who it suits</h2>
      <Checkboxes
        name="suitsLevels"
        legend="Levels it suits"
        hint="Choose every level it is meant for. The waiting list puts higher levels first."
        options={LEVEL_CODES.map((code) => {
          const name = levels.byCode.get(code)?.name;
          return { value: code, label: name === undefined ? code : `${code}: ${name}` };
        })}
        values={values.suitsLevels}
        onValuesChange={(suitsLevels) => {
          onChange({ suitsLevels });
        }}
        error={errorFor('suitsLevels')}
      />
      <MeasureField
        measures={
          currentMeasure === null || measures.some((m) => m.key === currentMeasure.key)
            ? measures
            : [...measures, { ...currentMeasure, licenceName: 'As when it was chosen', licenceNote: '' }]
        }
        value={values.measureKey}
        onChange={onChange}
        error={errorFor('measureKey')}
      />
      <h2 className="heading-m">Who runs it</h2>
      {staff.length === 0 ? (
        <p className="error-text">
          There is no member of staff to choose. Add staff under Staff and roles first, then come back.
        </p>
      ) : (
        <Checkboxes
          name="staffUserIds"
          legend="Staff who run it"
          hint="They record its sessions and see the pupils in it, with the staff summary only."
          options={staff.map((s) => ({ value: s.id, label: s.name }))}
          values={values.staffUserIds}
          onValuesChange={(staffUserIds) => {
            onChange({ staffUserIds });
          }}
          error={errorFor('staffUserIds')}
        />
      )}
      {editing && (
        <Radios
          name="status"
          legend="Status"
          hint="Paused: no new starts, and no expected dates on the waiting list. Retired: no longer offered; its history is kept."
          options={INTERVENTION_STATUSES.map((s) => ({ value: s, label: INTERVENTION_STATUS_LABELS[s] }))}
          value={values.status}
          onValueChange={(status) => {
            if (isOneOf(INTERVENTION_STATUSES, status)) onChange({ status });
          }}
          error={errorFor('status')}
        />
      )}
    </>
  );
}

/** The outcome measure, with each one's licence beside it and the chosen one's terms below. */
function MeasureField({
  measures,
  value,
  onChange,
  error,
}: {
  measures: readonly MeasureChoice[];
  value: string;
  onChange: (patch: Partial<InterventionFormValues>) => void;
  error: string | undefined;
}) {
  const chosen = measures.find((m) => m.key === value);
  return (
    <>
      <h2 className="heading-m">How it is measured</h2>
      <Radios
        name="measureKey"
        legend="Outcome measure"
        hint="A questionnaire each pupil answers when they start and when they finish, to see what changed."
        options={[
          ...measures.map((m) => ({ value: m.key, label: m.name, hint: `Licence: ${m.licenceName}` })),
          { value: NO_MEASURE, label: 'None', hint: 'No questionnaire is asked.' },
        ]}
        value={value}
        onValueChange={(measureKey) => {
          onChange({ measureKey });
        }}
        error={error}
      />
      {chosen !== undefined && (
        <InsetText>
          <p>
            <strong>{chosen.name}</strong>: {chosen.licenceName}.
          </p>
          {chosen.licenceNote !== '' && <p>{chosen.licenceNote}</p>}
        </InsetText>
      )}
    </>
  );
}
