/**
 * The fields of a plan, shared by writing a new plan and changing one: the kind (new plans only),
 * the kind's sections, reasonable adjustments, emergency contacts, the Signs of Safety scale, the
 * review date and who must agree. The editor owns submitting, drafts and conflicts.
 */
import {
  ADJUSTMENT_LABELS,
  ADJUSTMENTS,
  AGREEMENT_PARTIES,
  AGREEMENT_PARTY_LABELS,
  KIND_HAS_ADJUSTMENTS,
  KIND_HAS_CONTACTS,
  KIND_SECTIONS,
  PLAN_KIND_LABELS,
  PLAN_KINDS,
  REQUIRED_SECTIONS,
  SAFETY_SCALE_QUESTION,
  SECTION_INFO,
  type Adjustment,
  type PlanKind,
  type PlanSection,
} from '@tandem/core';
import { useId } from 'react';
import { DateInput } from '../components/DateInput';
import { Radios, TextareaField, TextField, type Option } from '../components/Form';
import { fieldId } from '../components/formErrors';
import { newKey, RepeatableRows } from '../components/RepeatableRows';
import { CheckboxItem, Group } from './PlanFormParts';
import { KIND_DESCRIPTIONS, SAFETY_SCALE_HINT, SAFETY_SCALE_OPTIONS } from './plansApi';
import type { PlanFormValues } from './planValues';

type ErrorFor = (path: string) => string | undefined;

/** The choice of kind, as cards with a line each (new plans only). */
export function KindField({
  value,
  onChange,
  error,
}: {
  value: PlanKind | '';
  onChange: (kind: PlanKind) => void;
  error: string | undefined;
}) {
  const options: Option[] = PLAN_KINDS.map((k) => ({
    value: k,
    label: PLAN_KIND_LABELS[k],
    hint: KIND_DESCRIPTIONS[k],
  }));
  return (
    <div className="kind-cards">
      <Radios
        name="kind"
        legend={<span className="heading-m">What kind of plan?</span>}
        options={options}
        value={value}
        onValueChange={(v) => {
          const kind = PLAN_KINDS.find((k) => k === v);
          if (kind !== undefined) onChange(kind);
        }}
        error={error}
      />
    </div>
  );
}

/** The written parts of the plan, and the rest that every version carries. */
export function PlanFields({
  kind,
  values,
  onChange,
  errorFor,
  pupilFirst,
}: {
  kind: PlanKind;
  values: PlanFormValues;
  onChange: (patch: Partial<PlanFormValues>) => void;
  errorFor: ErrorFor;
  pupilFirst: string;
}) {
  const required = new Set<PlanSection>(REQUIRED_SECTIONS[kind]);
  const contactsError = errorFor('content.contacts');
  const groupId = useId();

  const setSection = (key: PlanSection) => (text: string) => {
    onChange({ sections: { ...values.sections, [key]: text } });
  };

  return (
    <>
      <h2 className="heading-m">The plan</h2>
      <p className="hint">
        Write in plain words that every member of staff can follow. Sections marked optional can be left empty.
      </p>
      {KIND_SECTIONS[kind].map((key) => (
        <TextareaField
          key={key}
          name={`content.sections.${key}`}
          label={required.has(key) ? SECTION_INFO[key].label : `${SECTION_INFO[key].label} (optional)`}
          hint={SECTION_INFO[key].hint}
          rows={key === 'emergency' || key === 'staffMust' ? 6 : 4}
          maxChars={10_000}
          value={values.sections[key] ?? ''}
          onValueChange={setSection(key)}
          error={errorFor(`content.sections.${key}`)}
        />
      ))}

      {kind === 'signs_of_safety' && (
        <Radios
          name="content.safetyScale"
          inline
          legend={SAFETY_SCALE_QUESTION}
          hint={SAFETY_SCALE_HINT}
          options={SAFETY_SCALE_OPTIONS}
          value={values.safetyScale}
          onValueChange={(v) => {
            onChange({ safetyScale: v });
          }}
          error={errorFor('content.safetyScale')}
        />
      )}

      {KIND_HAS_ADJUSTMENTS[kind] && (
        <Group
          name="content.adjustments"
          legend={<span className="heading-m">Reasonable adjustments (optional)</span>}
          hint="Tick each one in place for the pupil and say what it means for them."
          error={errorFor('content.adjustments')}
        >
          <div className="choices">
            {ADJUSTMENTS.map((a) => (
              <CheckboxItem
                key={a}
                id={`${groupId}-adjustment-${a}`}
                name="adjustments"
                label={ADJUSTMENT_LABELS[a]}
                checked={values.adjustmentsOn.includes(a)}
                onChange={(checked) => {
                  onChange({
                    adjustmentsOn: checked
                      ? ADJUSTMENTS.filter((x) => x === a || values.adjustmentsOn.includes(x))
                      : values.adjustmentsOn.filter((x) => x !== a),
                  });
                }}
              >
                <TextareaField
                  name={`content.adjustments.${a}`}
                  label={`Details of ${ADJUSTMENT_LABELS[a].toLowerCase()}`}
                  hint={ADJUSTMENT_HINTS[a]}
                  rows={3}
                  maxChars={2000}
                  value={values.adjustmentText[a] ?? ''}
                  onValueChange={(text) => {
                    onChange({ adjustmentText: { ...values.adjustmentText, [a]: text } });
                  }}
                  error={errorFor(`content.adjustments.${a}`)}
                />
              </CheckboxItem>
            ))}
          </div>
        </Group>
      )}

      {KIND_HAS_CONTACTS[kind] && (
        <Group
          name="content.contacts.list"
          legend={<span className="heading-m">Emergency contacts</span>}
          hint="Whom staff call in an emergency, in the order to call them. Up to 10."
          error={contactsError}
        >
          <RepeatableRows
            name="content.contacts"
            noun="contact"
            rows={values.contacts}
            max={10}
            newRow={() => ({ key: newKey('contact'), name: '', relationship: '', phone: '' })}
            firstField="name"
            onRowsChange={(contacts) => {
              onChange({ contacts });
            }}
          >
            {(c, i, update) => (
              <>
                <TextField
                  name={`content.contacts.${String(i)}.name`}
                  label="Name"
                  autoComplete="off"
                  value={c.name}
                  onValueChange={(name) => {
                    update({ name });
                  }}
                  error={errorFor(`content.contacts.${String(i)}.name`)}
                />
                <TextField
                  name={`content.contacts.${String(i)}.relationship`}
                  label="Relationship or role (optional)"
                  hint="For example, mother, or CAMHS duty worker."
                  autoComplete="off"
                  value={c.relationship}
                  onValueChange={(relationship) => {
                    update({ relationship });
                  }}
                  error={errorFor(`content.contacts.${String(i)}.relationship`)}
                />
                <TextField
                  name={`content.contacts.${String(i)}.phone`}
                  label="Phone number"
                  type="tel"
                  autoComplete="off"
                  value={c.phone}
                  onValueChange={(phone) => {
                    update({ phone });
                  }}
                  error={errorFor(`content.contacts.${String(i)}.phone`)}
                />
              </>
            )}
          </RepeatableRows>
        </Group>
      )}

      <h2 className="heading-m">Review and agreement</h2>
      <DateInput
        name="reviewDue"
        legend="When will the plan be reviewed?"
        hint={`With ${pupilFirst} and their family where possible. Most plans are reviewed at least once a term.`}
        value={values.reviewDue}
        onValueChange={(reviewDue) => {
          onChange({ reviewDue });
        }}
        error={errorFor('reviewDue')}
      />
      <Group
        name="agreementsNeeded"
        legend="Who needs to agree this plan?"
        hint="Their agreement is recorded on the plan before it can be marked as agreed. Leave all unticked if the case team agrees it alone."
        error={errorFor('agreementsNeeded')}
      >
        <div className="choices">
          {AGREEMENT_PARTIES.map((p, i) => {
            const always = kind === 'crisis' && p === 'parent';
            return (
              <CheckboxItem
                key={p}
                id={i === 0 ? fieldId('agreementsNeeded') : `${fieldId('agreementsNeeded')}-${p}`}
                name="agreementsNeeded"
                label={p === 'pupil' ? `${pupilFirst} (the pupil)` : AGREEMENT_PARTY_LABELS[p]}
                hint={always ? 'A crisis plan is always agreed with a parent or carer.' : undefined}
                checked={always || values.agreementsNeeded.includes(p)}
                disabled={always}
                onChange={(checked) => {
                  onChange({
                    agreementsNeeded: checked
                      ? AGREEMENT_PARTIES.filter((x) => x === p || values.agreementsNeeded.includes(x))
                      : values.agreementsNeeded.filter((x) => x !== p),
                  });
                }}
              />
            );
          })}
        </div>
      </Group>
    </>
  );
}

const ADJUSTMENT_HINTS: Record<Adjustment, string> = {
  timetable: 'For example, a later start, or leaving lessons five minutes early.',
  keyPerson: 'Who it is, and when the pupil can find them.',
  meetAndGreet: 'Who meets the pupil, where and when.',
  safeSpace: 'Where it is, and when the pupil may go there.',
  exitCard: 'What the card lets the pupil do, and where they go.',
};
