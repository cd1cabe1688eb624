/**
 * Answering a questionnaire, one screen at a time: the instructions, the goals (Goal Based
 * Outcomes), one question per screen, then "Check your answers" and "Finish". Only the questions:
 * no header, navigation or record, so it can be handed to a pupil (and used by the pupil portal).
 * Each answer is saved the moment it is chosen, so a closed tab loses nothing; opened again, it
 * resumes at the first unanswered question. It never shows scores: whoever shows it decides what
 * follows `onFinished`.
 */
import type { CompleteQuestionnaireResponse, Questionnaire } from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { useAction } from '../components/useAction';
import { goalItems, resumeAt, stepsOf } from './answering';
import { CheckStep, GoalsStep, IntroStep, QuestionStep, StepButtons } from './AnswerSteps';
import type { AnswerSaver } from './questionnaireRequests';
import './questionnaires.css';

const NOT_SAVED = 'Your answer was not saved. Check the connection, then choose Next to try again.';

export function QuestionnaireAnswering({
  questionnaire,
  saver,
  onFinished,
  headingLevel = 1,
  forPupil,
}: {
  questionnaire: Questionnaire;
  saver: AnswerSaver;
  onFinished: (result: CompleteQuestionnaireResponse) => void;
  /** 1 on a screen of its own; 2 inside a staff page. */
  headingLevel?: 1 | 2;
  /** Whether the pupil holds the device (greets them by first name). */
  forPupil: boolean;
}) {
  const { measure } = questionnaire;
  const [answers, setAnswers] = useState<Record<string, number>>(() => ({ ...questionnaire.answers }));
  const [goals, setGoals] = useState<Record<string, string>>(() => ({ ...questionnaire.goals }));
  const [draftGoals, setDraftGoals] = useState<Record<string, string>>(() => ({ ...questionnaire.goals }));
  const steps = stepsOf(measure, goals);
  const [index, setIndex] = useState(() => resumeAt(steps, answers, goals));
  const [failed, setFailed] = useState<ReadonlySet<string>>(new Set());
  const [goalError, setGoalError] = useState<string | undefined>(undefined);
  const pending = useRef(new Map<string, Promise<boolean>>());
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);

  const step = steps[Math.min(index, steps.length - 1)] ?? { kind: 'check' as const };
  useEffect(() => {
    // On opening and on every new screen, as a new page would: the screen reader reads where it is.
    heading.current?.focus();
  }, [index]);

  const go = (to: number) => {
    action.clearProblem();
    setIndex(Math.max(0, Math.min(to, steps.length - 1)));
  };

  const save = (itemId: string, value: number): Promise<boolean> => {
    // One after another for the same question, so the last answer chosen is the one kept.
    const before = pending.current.get(itemId) ?? Promise.resolve(true);
    const request = before
      .then(() => saver.saveAnswer(itemId, value))
      .then(
        () => true,
        () => false,
      );
    pending.current.set(itemId, request);
    void request.then((ok) => {
      if (pending.current.get(itemId) !== request) return;
      setFailed((f) => {
        const next = new Set(f);
        if (ok) next.delete(itemId);
        else next.add(itemId);
        return next;
      });
    });
    return request;
  };

  const saveGoal = async (itemId: string): Promise<void> => {
    const text = (draftGoals[itemId] ?? '').trim();
    if (text === (goals[itemId] ?? '').trim()) return;
    await saver.saveGoal(itemId, text);
    setGoals((g) => ({ ...g, [itemId]: text }));
  };

  const next = async () => {
    if (step.kind === 'question') {
      const id = step.item.id;
      const value = answers[id];
      // Wait for the answer to be saved (or save it again if it failed): the question says if it is not.
      const saved = await action.run(
        async () => {
          const ok = value === undefined || (failed.has(id) ? await save(id, value) : await pending.current.get(id));
          if (ok === false) throw new Error('not saved');
        },
        { onRefused: () => undefined },
      );
      if (saved) go(index + 1);
      return;
    }
    if (step.kind === 'goals') {
      const items = goalItems(measure);
      if (!items.some((item) => (draftGoals[item.id] ?? '').trim() !== '')) {
        setGoalError('Write at least one goal');
        document.getElementById(`goal-${items[0]?.id ?? ''}`)?.focus();
        return;
      }
      setGoalError(undefined);
      const done = await action.run(async () => {
        for (const item of items) await saveGoal(item.id);
      });
      if (done) go(index + 1);
      return;
    }
    if (step.kind === 'check') {
      await action.run(
        async () => {
          onFinished(await saver.complete());
        },
        { stayBusy: true },
      );
      return;
    }
    go(index + 1);
  };

  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const title =
    step.kind === 'intro'
      ? measure.name
      : step.kind === 'goals'
        ? 'Your goals'
        : step.kind === 'question'
          ? `Question ${String(step.number)} of ${String(step.of)}`
          : 'Check your answers';
  const nextText = step.kind === 'intro' ? 'Start' : step.kind === 'check' ? 'Finish' : 'Next';

  return (
    <div className="answer-mode">
      <Heading
        className={headingLevel === 1 ? 'heading-l' : 'heading-m'}
        tabIndex={-1}
        ref={heading}
        id="answer-heading"
      >
        {title}
      </Heading>
      {step.kind === 'intro' && (
        <IntroStep
          measure={measure}
          questions={steps.filter((s) => s.kind === 'question').length}
          pupilFirstName={questionnaire.pupilFirstName}
          forPupil={forPupil}
        />
      )}
      {step.kind === 'goals' && (
        <GoalsStep
          items={goalItems(measure)}
          goals={draftGoals}
          error={goalError}
          onGoalChange={(itemId, text) => {
            setDraftGoals((g) => ({ ...g, [itemId]: text }));
          }}
          onGoalBlur={(itemId) => {
            saveGoal(itemId).catch(() => undefined);
          }}
        />
      )}
      {step.kind === 'question' && (
        <QuestionStep
          key={step.item.id}
          measure={measure}
          step={step}
          value={answers[step.item.id]}
          goal={measure.goals === undefined ? undefined : goals[step.item.id]}
          error={failed.has(step.item.id) ? NOT_SAVED : undefined}
          onChoose={(value) => {
            setAnswers((a) => ({ ...a, [step.item.id]: value }));
            void save(step.item.id, value);
          }}
        />
      )}
      {step.kind === 'check' && (
        <CheckStep measure={measure} steps={steps} answers={answers} goals={goals} onChange={go} />
      )}
      {action.problem !== null && (
        <p className="error-message" role="alert">
          {action.problem}
        </p>
      )}
      <StepButtons
        onBack={
          index === 0
            ? null
            : () => {
                go(index - 1);
              }
        }
        next={{ text: nextText, onNext: () => void next() }}
        busy={action.busy}
      />
    </div>
  );
}
