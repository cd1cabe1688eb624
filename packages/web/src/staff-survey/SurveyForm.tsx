/**
 * The survey's questions, for preparing a survey and changing it while it is a draft: its title,
 * when it is open, who is asked, and its statements (reworded, removed or added).
 */
import {
  FREE_TEXT_QUESTION,
  STAFF_GROUP_LABELS,
  STAFF_GROUPS,
  surveyInputSchema,
  type StaffGroup,
  type SurveyInput,
  type SurveyStatement,
} from '@tandem/core';
import { useState } from 'react';
import { dateProblems, DateInput } from '../components/DateInput';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, Form, TextField } from '../components/Form';
import { InsetText } from '../components/Page';
import { useWorkForm } from '../components/useWorkForm';

export interface SurveyValues {
  title: string;
  opensOn: string;
  closesOn: string;
  groups: StaffGroup[];
  statements: { key?: string; text: string; id: number }[];
}

export function valuesOf(s: {
  title: string;
  opensOn: string;
  closesOn: string;
  groups: StaffGroup[];
  statements: readonly SurveyStatement[];
}): SurveyValues {
  return { ...s, groups: [...s.groups], statements: s.statements.map((st, i) => ({ ...st, id: i })) };
}

const fieldsFor = (n: number) => [
  'title',
  'opensOn',
  'closesOn',
  'groups',
  'statements',
  ...Array.from({ length: n }, (_, i) => `statements.${String(i)}.text`),
];

export function SurveyForm({
  initial,
  submitText,
  onSend,
  cancel,
}: {
  initial: SurveyValues;
  submitText: string;
  onSend: (input: SurveyInput) => Promise<void>;
  cancel: React.ReactNode;
}) {
  const [v, setV] = useState<SurveyValues>(initial);
  const [nextId, setNextId] = useState(initial.statements.length + 1);
  const form = useWorkForm(fieldsFor(Math.max(v.statements.length, 30)));
  const set = <K extends keyof SurveyValues>(k: K, value: SurveyValues[K]) => {
    setV((x) => ({ ...x, [k]: value }));
  };
  const setStatement = (id: number, text: string) => {
    set(
      'statements',
      v.statements.map((s) => (s.id === id ? { ...s, text } : s)),
    );
  };

  const submit = async () => {
    const body = {
      title: v.title,
      opensOn: v.opensOn,
      closesOn: v.closesOn,
      groups: v.groups,
      statements: v.statements.map((s) => (s.key === undefined ? { text: s.text } : { key: s.key, text: s.text })),
    };
    const data = form.check(
      surveyInputSchema.safeParse(body),
      dateProblems([
        { path: 'opensOn', value: v.opensOn, what: 'the day the survey opens' },
        { path: 'closesOn', value: v.closesOn, what: 'the day the survey closes' },
      ]),
    );
    if (data === null) return;
    await form.send(() => onSend(data));
  };

  return (
    <Form onSubmit={submit} label="The survey">
      <ErrorSummary errors={form.errors} />
      <TextField
        name="title"
        label="Title"
        hint="For example, Staff wellbeing survey, spring term"
        value={v.title}
        onValueChange={(x) => {
          set('title', x);
        }}
        error={form.errorFor('title')}
      />
      <DateInput
        name="opensOn"
        legend="When does it open?"
        value={v.opensOn}
        onValueChange={(x) => {
          set('opensOn', x);
        }}
        error={form.errorFor('opensOn')}
      />
      <DateInput
        name="closesOn"
        legend="When does it close?"
        hint="It closes itself at the end of this day. Results are shown once it has closed."
        value={v.closesOn}
        onValueChange={(x) => {
          set('closesOn', x);
        }}
        error={form.errorFor('closesOn')}
      />
      <Checkboxes
        name="groups"
        legend="Who is asked?"
        hint="Choose all three for all staff. A person's group is decided from their roles when the survey opens."
        options={STAFF_GROUPS.map((g) => ({ value: g, label: STAFF_GROUP_LABELS[g] }))}
        values={v.groups}
        onValuesChange={(x) => {
          set(
            'groups',
            STAFF_GROUPS.filter((g) => x.includes(g)),
          );
        }}
        error={form.errorFor('groups')}
      />
      <fieldset className="fieldset survey__statements">
        <legend className="legend legend--heading">Statements</legend>
        <p className="hint">
          Each is answered on a five-point scale from strongly disagree to strongly agree. Keep a statement&rsquo;s
          meaning when you reword it, so it can be compared with the previous survey.
        </p>
        {form.errorFor('statements') !== undefined && <p className="error-text">{form.errorFor('statements')}</p>}
        <ol className="survey__statement-list">
          {v.statements.map((s, i) => (
            <li key={s.id} className="survey__statement">
              <TextField
                name={`statements.${String(i)}.text`}
                label={`Statement ${String(i + 1)}`}
                value={s.text}
                onValueChange={(x) => {
                  setStatement(s.id, x);
                }}
                error={form.errorFor(`statements.${String(i)}.text`)}
              />
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  set(
                    'statements',
                    v.statements.filter((x) => x.id !== s.id),
                  );
                }}
              >
                Remove statement {i + 1}
              </button>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          onClick={() => {
            set('statements', [...v.statements, { text: '', id: nextId }]);
            setNextId(nextId + 1);
          }}
        >
          Add a statement
        </Button>
        <InsetText>The survey always ends with one optional question: &ldquo;{FREE_TEXT_QUESTION}&rdquo;</InsetText>
      </fieldset>
      <ButtonGroup>
        <Button type="submit" busy={form.busy} busyText="Saving…">
          {submitText}
        </Button>
        {cancel}
      </ButtonGroup>
    </Form>
  );
}
