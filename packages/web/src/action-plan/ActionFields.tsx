/** The questions of an action, for adding one and for changing one. */
import { ACTION_LIMITS, areasOf, statementsOf, type Framework } from '@tandem/core';
import { boxesExample, DateInput } from '../components/DateInput';
import { addDays, ukIsoDay } from '../components/dates';
import { SelectField, TextareaField, TextField } from '../components/Form';
import { InsetText } from '../components/Page';

export interface ActionValues {
  areaKey: string;
  statementKey: string;
  title: string;
  successCriteria: string;
  ownerUserId: string;
  dueOn: string;
}

export const ACTION_FIELDS = ['areaKey', 'statementKey', 'title', 'successCriteria', 'ownerUserId', 'dueOn'] as const;

/** The body the server takes ('' for "none in particular" becomes null). */
export function actionBody(v: ActionValues) {
  return {
    areaKey: v.areaKey,
    statementKey: v.statementKey === '' ? null : v.statementKey,
    title: v.title,
    successCriteria: v.successCriteria,
    ownerUserId: v.ownerUserId,
    dueOn: v.dueOn,
  };
}

export function ActionFields({
  framework,
  values,
  onChange,
  errorFor,
  staff,
}: {
  framework: Framework;
  values: ActionValues;
  onChange: (patch: Partial<ActionValues>) => void;
  errorFor: (path: string) => string | undefined;
  staff: readonly { userId: string; displayName: string }[];
}) {
  const areas = areasOf(framework);
  const known = areas.some((a) => a.key === values.areaKey);
  const statements = statementsOf(framework).filter((s) => s.areaKey === values.areaKey);
  // A long statement is cut short in the list on a phone: the chosen one is shown in full.
  const chosen = statements.find((s) => s.key === values.statementKey);
  return (
    <>
      <SelectField
        name="areaKey"
        label="Which area does it serve?"
        value={values.areaKey}
        error={errorFor('areaKey')}
        onValueChange={(areaKey) => {
          onChange({ areaKey, statementKey: '' });
        }}
        options={[
          ...(values.areaKey === '' ? [{ value: '', label: 'Choose an area' }] : []),
          ...(known || values.areaKey === '' ? [] : [{ value: values.areaKey, label: values.areaKey }]),
          ...areas.map((a) => ({ value: a.key, label: a.title })),
        ]}
      />
      <SelectField
        name="statementKey"
        label="Which statement does it answer? (optional)"
        hint="A statement rated below “Established” in the self-assessment."
        value={values.statementKey}
        error={errorFor('statementKey')}
        onValueChange={(statementKey) => {
          onChange({ statementKey });
        }}
        options={[
          { value: '', label: 'None in particular' },
          ...statements.map((s) => ({ value: s.key, label: s.text })),
        ]}
      />
      {chosen !== undefined && (
        <InsetText>
          <p>It answers: “{chosen.text}”</p>
        </InsetText>
      )}
      <TextField
        name="title"
        label="What will be done?"
        hint="One clear step, such as “Train every tutor in emotion coaching”."
        value={values.title}
        error={errorFor('title')}
        maxLength={ACTION_LIMITS.title + 20}
        onValueChange={(title) => {
          onChange({ title });
        }}
      />
      <TextareaField
        name="successCriteria"
        label="How will you know it has worked?"
        hint="The success criteria governors will look for."
        value={values.successCriteria}
        error={errorFor('successCriteria')}
        maxChars={ACTION_LIMITS.successCriteria}
        rows={4}
        onValueChange={(successCriteria) => {
          onChange({ successCriteria });
        }}
      />
      <SelectField
        name="ownerUserId"
        label="Who owns it?"
        hint="They see it on their home page and note its progress."
        value={values.ownerUserId}
        error={errorFor('ownerUserId')}
        onValueChange={(ownerUserId) => {
          onChange({ ownerUserId });
        }}
        options={[
          { value: '', label: 'Choose a member of staff' },
          ...staff.map((s) => ({ value: s.userId, label: s.displayName })),
        ]}
      />
      <DateInput
        name="dueOn"
        legend="When is it due?"
        hint={`For example, ${boxesExample(addDays(ukIsoDay(), 60))}. Not in the past.`}
        value={values.dueOn}
        error={errorFor('dueOn')}
        onValueChange={(dueOn) => {
          onChange({ dueOn });
        }}
      />
    </>
  );
}
