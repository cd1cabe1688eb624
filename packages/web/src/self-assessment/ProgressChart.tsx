/**
 * Year on year: each area's rating in each assessment, drawn as bars on the four-point scale. Each
 * bar sits beside its period and its rating in words, so the chart reads the same without the
 * picture; the table beside it holds the same ratings (aria-describedby points to it).
 */
import { RATING_SCORE, RATINGS, type AssessmentProgress } from '@tandem/core';
import { ratingWords } from './selfAssessmentApi';

const MAX = RATINGS.length - 1;

export function periodName(p: AssessmentProgress['periods'][number]): string {
  return p.status === 'draft' ? `${p.periodLabel} (draft)` : p.periodLabel;
}

export function ProgressChart({ progress, describedBy }: { progress: AssessmentProgress; describedBy: string }) {
  if (progress.periods.length === 0) return null;
  return (
    <figure className="sa-chart" aria-labelledby="sa-chart-title" aria-describedby={describedBy}>
      <figcaption id="sa-chart-title" className="heading-s">
        Each area&rsquo;s rating, by year or term (from not in place to embedded)
      </figcaption>
      <ul className="sa-chart__areas">
        {progress.areas.map((area, i) => (
          <li key={area.key} className="sa-chart__area">
            <span className="sa-chart__name">{area.title}</span>
            <ul className="sa-chart__periods">
              {progress.periods.map((p) => {
                const r = p.ratings[i] ?? null;
                const width = r === null ? 0 : ((RATING_SCORE[r] + 1) / (MAX + 1)) * 100;
                return (
                  <li key={p.assessmentId} className="sa-chart__row">
                    <span className="sa-chart__period">{periodName(p)}</span>
                    <svg
                      className="sa-chart__bar"
                      viewBox="0 0 100 10"
                      preserveAspectRatio="none"
                      aria-hidden="true"
                      focusable="false"
                    >
                      <rect x="0" y="0" width="100" height="10" className="sa-chart__track" />
                      {[1, 2, 3].map((n) => (
                        <line key={n} x1={n * 25} x2={n * 25} y1="0" y2="10" className="sa-chart__tick" />
                      ))}
                      <rect
                        x="0"
                        y="0"
                        width={width}
                        height="10"
                        className={p.status === 'draft' ? 'sa-chart__fill sa-chart__fill--draft' : 'sa-chart__fill'}
                      />
                    </svg>
                    <span className="sa-chart__value">{ratingWords(r)}</span>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      <p className="secondary-text">
        An area&rsquo;s rating is the middle rating of its statements (rounded down). A draft&rsquo;s bars are lighter
        and may change.
      </p>
    </figure>
  );
}
