/** What a finished questionnaire gave, for staff: the scores with their bands, and the urgent panel. */
import type { CompleteQuestionnaireResponse } from '@tandem/core';
import { useEffect, useRef } from 'react';
import { DslList } from '../concerns/ConcernBits';
import { scoreInWords, type QuestionnaireScore } from './questionnairesApi';

/** Each score in words: "Total: 12 (Moderate, in the clinical range)". */
export function ScoreList({ scores }: { scores: readonly QuestionnaireScore[] }) {
  if (scores.length === 0) return <p>No scores.</p>;
  return (
    <dl className="summary-list score-list">
      {scores.map((s) => (
        <div className="summary-list__row" key={s.id}>
          <dt className="summary-list__key">{s.label}</dt>
          <dd className="summary-list__value">{scoreInWords(s)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A risk question was answered: tell the member of staff, at once and above everything, to stay
 * with the pupil and find the DSL (the same wording and look as "Concern sent"). Shown to staff only.
 */
export function RiskPanel({
  result,
}: {
  result: Pick<CompleteQuestionnaireResponse, 'urgentMessage' | 'onDuty'> | null;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section className="urgent-panel" role="alert" aria-labelledby="risk-title" tabIndex={-1} ref={ref}>
      <h2 className="urgent-panel__title urgent-heading" id="risk-title">
        <span className="urgent-panel__icon" aria-hidden="true">
          !
        </span>
        Stay with the pupil. Find the DSL now.
      </h2>
      <p className="urgent-panel__lead">
        {result?.urgentMessage ??
          'The pupil’s answer to a question about their safety means they may be at risk. Do not leave them alone.'}
      </p>
      {result !== null && (
        <>
          <p className="urgent-panel__label">On duty today</p>
          <DslList people={result.onDuty.map((p) => ({ name: p.name, whereToFind: '' }))} />
        </>
      )}
      <p>
        <strong>Do not wait for a reply.</strong> Go to them now, or send someone you trust to fetch them. If you cannot
        find anyone on the DSL team, go to the headteacher or the school office.
      </p>
    </section>
  );
}
