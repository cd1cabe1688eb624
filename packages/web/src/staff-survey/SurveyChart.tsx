/**
 * The share of staff agreeing with each statement, one bar per statement, for everyone who
 * answered. Each bar is drawn in SVG beside its statement and its number in words, so the chart
 * reads the same without the picture; the table below holds the same numbers.
 */
import type { SurveyResults } from '@tandem/core';
import { agreeWords } from './surveyApi';

export function SurveyChart({ results, describedBy }: { results: SurveyResults; describedBy: string }) {
  if (!results.statements.some((s) => s.overall.shown)) return null;
  return (
    <figure className="survey-chart" aria-labelledby="survey-chart-title" aria-describedby={describedBy}>
      <figcaption id="survey-chart-title" className="heading-s">
        Share of staff agreeing with each statement (all who answered)
      </figcaption>
      <ul className="survey-chart__list">
        {results.statements.map((s) => {
          const share = s.overall.shown ? s.overall.agreePercent / 100 : 0;
          return (
            <li key={s.key} className="survey-chart__row">
              <span className="survey-chart__name">{s.text}</span>
              <svg
                className="survey-chart__bar"
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect x="0" y="0" width="100" height="10" className="survey-chart__track" />
                <rect
                  x="0"
                  y="0"
                  width={Math.max(0, Math.min(1, share)) * 100}
                  height="10"
                  className="survey-chart__fill"
                />
              </svg>
              <span className="survey-chart__value">
                {s.overall.shown ? `${agreeWords(s.overall)} agree` : agreeWords(s.overall)}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
