/** The screens of answering a questionnaire: the instructions, one question, the goals, the check. */
import type { Questionnaire } from '@tandem/core';
import type { ReactNode } from 'react';
import { Button, ButtonGroup, Radios, TextField } from '../components/Form';
import { countOf } from '../components/format';
import { answerLabel, questionText, type MeasureItem, type Step } from './answering';

type Measure = Questionnaire['measure'];

/** Back and Next under every screen (Back is missing on the first). */
export function StepButtons({
  onBack,
  next,
  busy,
}: {
  onBack: (() => void) | null;
  next: { text: string; onNext: () => void };
  busy: boolean;
}) {
  return (
    <ButtonGroup>
      {onBack !== null && (
        <Button variant="secondary" onClick={onBack} disabled={busy}>
          Back
        </Button>
      )}
      <Button onClick={next.onNext} busy={busy} busyText="Saving…">
        {next.text}
      </Button>
    </ButtonGroup>
  );
}

export function IntroStep({
  measure,
  questions,
  pupilFirstName,
  forPupil,
}: {
  measure: Measure;
  questions: number;
  pupilFirstName: string;
  forPupil: boolean;
}) {
  return (
    <>
      {forPupil && <p className="answer-intro__hello">Hello {pupilFirstName}.</p>}
      {measure.instructions !== '' && <p className="answer-intro__text">{measure.instructions}</p>}
      <p>
        {measure.goals === undefined
          ? `There are ${countOf(questions, 'question')}. Choose one answer for each.`
          : `First write up to ${String(measure.goals.max)} goals in your own words. Then choose how close you are to each.`}{' '}
        Each answer is saved as soon as you give it.
      </p>
    </>
  );
}

export function QuestionStep({
  measure,
  step,
  value,
  goal,
  error,
  onChoose,
}: {
  measure: Measure;
  step: Extract<Step, { kind: 'question' }>;
  value: number | undefined;
  /** For a goal rating: the goal in the pupil's words. */
  goal: string | undefined;
  error: string | undefined;
  onChoose: (value: number) => void;
}) {
  const options = step.item.options ?? measure.scale;
  const legend: ReactNode =
    goal === undefined ? (
      questionText(step.item, step.number)
    ) : (
      <>
        {questionText(step.item, step.number)}
        <span className="answer-goal">Your goal: {goal}</span>
      </>
    );
  return (
    <div className="answer-cards">
      <Radios
        name={`answer-${step.item.id}`}
        legend={legend}
        legendAsHeading
        error={error}
        value={value === undefined ? '' : String(value)}
        onValueChange={(v) => {
          onChoose(Number(v));
        }}
        options={options.map((o) => ({ value: String(o.value), label: o.label }))}
      />
    </div>
  );
}

export function GoalsStep({
  items,
  goals,
  error,
  onGoalChange,
  onGoalBlur,
}: {
  items: readonly MeasureItem[];
  goals: Readonly<Record<string, string>>;
  error: string | undefined;
  onGoalChange: (itemId: string, text: string) => void;
  onGoalBlur: (itemId: string) => void;
}) {
  return (
    <>
      <p>Write each goal the way you would say it. You can leave a goal empty if you have fewer.</p>
      {items.map((item, i) => (
        <TextField
          key={item.id}
          name={`goal-${item.id}`}
          label={i === 0 ? 'Goal 1' : `Goal ${String(i + 1)} (optional)`}
          error={i === 0 ? error : undefined}
          value={goals[item.id] ?? ''}
          maxLength={300}
          autoComplete="off"
          onValueChange={(text) => {
            onGoalChange(item.id, text);
          }}
          onBlur={() => {
            onGoalBlur(item.id);
          }}
        />
      ))}
    </>
  );
}

export function CheckStep({
  measure,
  steps,
  answers,
  goals,
  onChange,
}: {
  measure: Measure;
  steps: readonly Step[];
  answers: Readonly<Record<string, number>>;
  goals: Readonly<Record<string, string>>;
  onChange: (stepIndex: number) => void;
}) {
  const goalsStep = steps.findIndex((s) => s.kind === 'goals');
  const unanswered = steps.filter((s) => s.kind === 'question' && answers[s.item.id] === undefined).length;
  return (
    <>
      <p>Check your answers. You can change any of them before you finish.</p>
      {unanswered > 0 && (
        <p>
          <strong>
            {unanswered === 1 ? 'One question is' : `${String(unanswered)} questions are`} not answered yet.
          </strong>
        </p>
      )}
      <dl className="summary-list">
        {goalsStep !== -1 && (
          <div className="summary-list__row">
            <dt className="summary-list__key">Your goals</dt>
            <dd className="summary-list__value">
              <ul className="list list--plain">
                {measure.items.map((item, i) =>
                  (goals[item.id] ?? '').trim() === '' ? null : (
                    <li key={item.id}>
                      Goal {i + 1}: {goals[item.id]}
                    </li>
                  ),
                )}
              </ul>
              <ChangeButton
                what="your goals"
                onClick={() => {
                  onChange(goalsStep);
                }}
              />
            </dd>
          </div>
        )}
        {steps.map((s, index) =>
          s.kind !== 'question' ? null : (
            <div className="summary-list__row" key={s.item.id}>
              <dt className="summary-list__key">
                {questionText(s.item, s.number)}
                {goals[s.item.id] !== undefined && <span className="answer-goal">Your goal: {goals[s.item.id]}</span>}
              </dt>
              <dd className="summary-list__value">
                {answerLabel(measure, s.item, answers[s.item.id]) ?? (
                  <span className="secondary-text">Not answered</span>
                )}
                <ChangeButton
                  what={`your answer to question ${String(s.number)}`}
                  onClick={() => {
                    onChange(index);
                  }}
                />
              </dd>
            </div>
          ),
        )}
      </dl>
    </>
  );
}

function ChangeButton({ what, onClick }: { what: string; onClick: () => void }) {
  return (
    <button type="button" className="link-button answer-change" onClick={onClick}>
      Change<span className="visually-hidden"> {what}</span>
    </button>
  );
}
