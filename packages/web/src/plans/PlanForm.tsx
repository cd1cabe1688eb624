/**
 * The fields of a plan, shared by writing a new plan and changing one: the kind (new plans only),
 * the kind's sections, reasonable adjustments, emergency contacts, the Signs of Safety scale, the
 * review date and who must agree; and the sharing fields, used when writing a plan and on the page
 * that changes who is given it. The pages own submitting, drafts and conflicts.
 */
import {
  ADJUSTMENT_LABELS,
  ADJUSTMENTS,
  AGREEMENT_PARTIES,
  AGREEMENT_PARTY_LABELS,
  KIND_HAS_ADJUSTMENTS,
  KIND_HAS_CONTACTS,
  KIND_SECTIONS,
  KIND_SHAREABLE_WITH_PARENTS,
  KIND_SHAREABLE_WITH_STAFF,
  PLAN_KIND_LABELS,
  PLAN_KINDS,
  PLAN_SECTIONS,
  REQUIRED_SECTIONS,
  SAFETY_SCALE_QUESTION,
  SECTION_INFO,
  type Adjustment,
  type AgreementParty,
  type PlanKind,
  type PlanSection,
} from '@tandem/core';
import { useId, useState, type ReactNode } from 'react';
import { z } from 'zod';
import { addDays, ukIsoDay } from '../components/dates';
import { Button, ErrorMessage, Radios, TextareaField, TextField, type Option } from '../components/Form';
import { fieldId } from '../components/formErrors';
import { newKey, RepeatableRows } from '../components/RepeatableRows';
import { KIND_DESCRIPTIONS, staffLabel, type PlanContentOut, type StaffOption } from './plansApi';

export interface ContactRow {
  key: string;
  name: string;
  relationship: string;
  phone: string;
}

/** What the plan form holds; kept as the draft. */
export interface PlanFormValues {
  kind: PlanKind | '';
  sections: Partial<Record<PlanSection, string>>;
  adjustmentsOn: Adjustment[];
  adjustmentText: Partial<Record<Adjustment, string>>;
  contacts: ContactRow[];
  safetyScale: string;
  reviewDue: string;
  agreementsNeeded: AgreementParty[];
  shareWithTeaching: boolean;
  sharedWith: StaffOption[];
  parentShareable: boolean;
  reason: string;
}

const staffOptionSchema = z.object({ userId: z.uuid(), name: z.string(), you: z.boolean().optional() });

/** A kept draft, read leniently: anything unexpected falls back to an empty answer. */
export const planValuesSchema = z.object({
  kind: z.enum(['', ...PLAN_KINDS]).catch(''),
  sections: z.partialRecord(z.enum(PLAN_SECTIONS), z.string()).catch({}),
  adjustmentsOn: z.array(z.enum(ADJUSTMENTS)).catch([]),
  adjustmentText: z.partialRecord(z.enum(ADJUSTMENTS), z.string()).catch({}),
  contacts: z
    .array(z.object({ key: z.string(), name: z.string(), relationship: z.string(), phone: z.string() }))
    .max(10)
    .catch([]),
  safetyScale: z.string().catch(''),
  reviewDue: z.string().catch(''),
  agreementsNeeded: z.array(z.enum(AGREEMENT_PARTIES)).catch([]),
  shareWithTeaching: z.boolean().catch(false),
  sharedWith: z.array(staffOptionSchema).max(50).catch([]),
  parentShareable: z.boolean().catch(false),
  reason: z.string().catch(''),
}) satisfies z.ZodType<PlanFormValues>;

export function emptyPlanValues(): PlanFormValues {
  return {
    kind: '',
    sections: {},
    adjustmentsOn: [],
    adjustmentText: {},
    contacts: [],
    safetyScale: '',
    reviewDue: addDays(ukIsoDay(), 42),
    agreementsNeeded: [],
    shareWithTeaching: false,
    sharedWith: [],
    parentShareable: false,
    reason: '',
  };
}

/** The form filled in from a plan as it is now, for changing it. */
export function valuesFromPlan(plan: {
  kind: PlanKind;
  content: PlanContentOut;
  reviewDue: string;
  agreementsNeeded: readonly AgreementParty[];
}): PlanFormValues {
  const on = ADJUSTMENTS.filter((a) => plan.content.adjustments[a] !== undefined);
  return {
    ...emptyPlanValues(),
    kind: plan.kind,
    sections: { ...plan.content.sections },
    adjustmentsOn: on,
    adjustmentText: { ...plan.content.adjustments },
    contacts: plan.content.contacts.map((c) => ({ key: newKey('contact'), ...c })),
    safetyScale: plan.content.safetyScale === null ? '' : String(plan.content.safetyScale),
    reviewDue: plan.reviewDue,
    agreementsNeeded: [...plan.agreementsNeeded],
  };
}

/** The plan's content as the server takes it: only the kind's own parts. */
export function contentFromValues(v: PlanFormValues, kind: PlanKind) {
  const sections: Partial<Record<PlanSection, string>> = {};
  for (const key of KIND_SECTIONS[kind]) {
    const text = v.sections[key] ?? '';
    if (text.trim() !== '') sections[key] = text;
  }
  const adjustments: Partial<Record<Adjustment, string>> = {};
  if (KIND_HAS_ADJUSTMENTS[kind]) {
    for (const a of v.adjustmentsOn) adjustments[a] = v.adjustmentText[a] ?? '';
  }
  return {
    sections,
    adjustments,
    contacts: KIND_HAS_CONTACTS[kind]
      ? v.contacts.map((c) => ({ name: c.name, relationship: c.relationship, phone: c.phone }))
      : [],
    safetyScale: kind === 'signs_of_safety' && v.safetyScale !== '' ? Number(v.safetyScale) : null,
  };
}

/** Field names in the order they appear, for the error summary. */
export function planFieldOrder(contacts: number): string[] {
  const sections = PLAN_SECTIONS.map((s) => `content.sections.${s}`);
  return [
    'kind',
    ...sections,
    'content.sections',
    ...ADJUSTMENTS.map((a) => `content.adjustments.${a}`),
    'content.adjustments',
    'content.contacts',
    ...Array.from({ length: contacts }, (_, i) => [
      `content.contacts.${String(i)}.name`,
      `content.contacts.${String(i)}.relationship`,
      `content.contacts.${String(i)}.phone`,
    ]).flat(),
    'content.safetyScale',
    'reviewDue',
    'agreementsNeeded',
    'shareWithTeaching',
    'sharedWith',
    'parentShareable',
    'leadUserId',
    'reason',
  ];
}

type ErrorFor = (path: string) => string | undefined;

/** One checkbox with the same look as a group's, optionally revealing more below it. */
export function CheckboxItem({
  id,
  name,
  label,
  hint,
  checked,
  disabled = false,
  onChange,
  children,
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  children?: ReactNode;
}) {
  return (
    <>
      <div className="choice">
        <input
          className="choice__input"
          type="checkbox"
          id={id}
          name={name}
          checked={checked}
          disabled={disabled}
          aria-describedby={hint !== undefined ? `${id}-hint` : undefined}
          aria-controls={children !== undefined ? `${id}-conditional` : undefined}
          onChange={(e) => {
            onChange(e.target.checked);
          }}
        />
        <label className="choice__label" htmlFor={id}>
          {label}
        </label>
        {hint !== undefined && (
          <div id={`${id}-hint`} className="hint choice__hint">
            {hint}
          </div>
        )}
      </div>
      {children !== undefined && (
        <div className="conditional conditional--choice" id={`${id}-conditional`} hidden={!checked}>
          {checked && children}
        </div>
      )}
    </>
  );
}

/** A fieldset in the form's usual shape, with its hint and error tied to it. */
export function Group({
  name,
  legend,
  hint,
  error,
  children,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}) {
  const id = `${fieldId(name)}-group`;
  const described = [hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null]
    .filter((x): x is string => x !== null)
    .join(' ');
  return (
    <div className={error !== undefined ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" aria-describedby={described === '' ? undefined : described}>
        <legend className="legend">{legend}</legend>
        {hint !== undefined && (
          <div id={`${id}-hint`} className="hint">
            {hint}
          </div>
        )}
        {error !== undefined && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
        {children}
      </fieldset>
    </div>
  );
}

/**
 * Named staff: those chosen, each with Remove, and a list to add another from. Choosing in the
 * list does nothing until "Add" is pressed, so moving through it by keyboard adds no one.
 */
export function StaffPicker({
  name,
  legend,
  hint,
  error,
  chosen,
  options,
  onChange,
  addText = 'Add',
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  chosen: readonly StaffOption[];
  options: readonly StaffOption[];
  onChange: (chosen: StaffOption[]) => void;
  addText?: string;
}) {
  const id = fieldId(name);
  const [pick, setPick] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const left = options.filter((o) => !chosen.some((c) => c.userId === o.userId));
  const add = () => {
    const o = left.find((x) => x.userId === pick);
    if (o === undefined) {
      setAnnouncement('Choose a member of staff from the list first.');
      document.getElementById(id)?.focus();
      return;
    }
    onChange([...chosen, o]);
    setPick('');
    setAnnouncement(`${o.name} added.`);
  };
  return (
    <Group name={name} legend={legend} hint={hint} error={error}>
      {chosen.length > 0 ? (
        <ul className="picked" aria-label="Staff chosen">
          {chosen.map((c) => (
            <li key={c.userId} className="picked__item">
              <span className="picked__text">
                <strong>{staffLabel(c)}</strong>
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onChange(chosen.filter((x) => x.userId !== c.userId));
                  setAnnouncement(`${c.name} removed.`);
                  document.getElementById(id)?.focus();
                }}
              >
                Remove<span className="visually-hidden"> {c.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="secondary-text">No one named yet.</p>
      )}
      {left.length > 0 && (
        <div className="staff-picker">
          <div className="staff-picker__field">
            <label className="label label--small" htmlFor={id}>
              Choose a member of staff
            </label>
            <select
              id={id}
              className={error !== undefined ? 'select input--error' : 'select'}
              value={pick}
              onChange={(e) => {
                setPick(e.target.value);
              }}
            >
              <option value="">Choose…</option>
              {left.map((o) => (
                <option key={o.userId} value={o.userId}>
                  {staffLabel(o)}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary" className="staff-picker__add" onClick={add}>
            {addText}
          </Button>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </Group>
  );
}

/** Who is given the plan and whether parents see its parent-facing parts. */
export function SharingFields({
  kind,
  pupilFirst,
  shareWithTeaching,
  sharedWith,
  parentShareable,
  staffOptions,
  staffPartial,
  onChange,
  errorFor,
}: {
  kind: PlanKind;
  pupilFirst: string;
  shareWithTeaching: boolean;
  sharedWith: readonly StaffOption[];
  parentShareable: boolean;
  staffOptions: readonly StaffOption[];
  staffPartial: boolean;
  onChange: (patch: Partial<Pick<PlanFormValues, 'shareWithTeaching' | 'sharedWith' | 'parentShareable'>>) => void;
  errorFor: ErrorFor;
}) {
  if (!KIND_SHAREABLE_WITH_STAFF[kind] && !KIND_SHAREABLE_WITH_PARENTS[kind]) {
    return (
      <p>
        A Signs of Safety record stays with the case team. It is not given to other staff, and parents never see it on
        the parent portal.
      </p>
    );
  }
  return (
    <>
      {KIND_SHAREABLE_WITH_STAFF[kind] && (
        <>
          <Group
            name="shareWithTeaching"
            legend="Staff who teach them"
            hint={`Staff given the plan see what they need to know and do, on ${pupilFirst}’s page. They do not see the other parts.`}
            error={errorFor('shareWithTeaching')}
          >
            <div className="choices">
              <CheckboxItem
                id={fieldId('shareWithTeaching')}
                name="shareWithTeaching"
                label={`Everyone who teaches ${pupilFirst}`}
                hint="From the teaching groups imported from your MIS. Changes there are followed."
                checked={shareWithTeaching}
                onChange={(checked) => {
                  onChange({ shareWithTeaching: checked });
                }}
              />
            </div>
          </Group>
          <StaffPicker
            name="sharedWith"
            legend="Named staff"
            hint={
              staffPartial
                ? 'For example a tutor, a teaching assistant or a first aider. The full staff list could not be loaded, so only some staff are listed.'
                : 'For example a tutor, a teaching assistant or a first aider.'
            }
            error={errorFor('sharedWith')}
            chosen={sharedWith}
            options={staffOptions}
            onChange={(chosen) => {
              onChange({ sharedWith: chosen });
            }}
            addText="Give them the plan"
          />
        </>
      )}
      {KIND_SHAREABLE_WITH_PARENTS[kind] && (
        <Group name="parentShareable" legend="Parents and carers" error={errorFor('parentShareable')}>
          <div className="choices">
            <CheckboxItem
              id={fieldId('parentShareable')}
              name="parentShareable"
              label="Show the parent-facing parts on the parent portal once agreed"
              hint="Parents see only what school provides, what home does, what to do in an emergency and the emergency contacts. Never the other parts."
              checked={parentShareable}
              onChange={(checked) => {
                onChange({ parentShareable: checked });
              }}
            />
          </div>
        </Group>
      )}
    </>
  );
}

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
          hint="0 means harm is certain. 10 means everyone knows the child is safe enough to close the case."
          options={Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }))}
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
      <TextField
        name="reviewDue"
        type="date"
        width="date"
        label="When will the plan be reviewed?"
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
