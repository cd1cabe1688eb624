/**
 * One area of the framework: its rating (the middle of its statements' ratings, rounded down) and
 * last time's, how many statements hold each rating, and, when it is below established, the way to
 * its resources and to propose an action; then its statements.
 */
import {
  proposesAction,
  RATINGS,
  RATING_LABELS,
  type AreaAssessment,
  type EvidenceRecords,
  type StatementRating,
} from '@tandem/core';
import { Tag } from '../components/Page';
import { Link } from '../router/router';
import { StatementEditor, StatementView } from './StatementEditor';
import { areaResourcesPage, proposeActionPage, ratingTone, ratingWords } from './selfAssessmentApi';

export const areaAnchor = (areaKey: string) => `area-${areaKey.replace(/\./g, '-')}`;

export function AreaSection({
  schoolId,
  assessmentId,
  area,
  editable,
  records,
  onSaved,
}: {
  schoolId: string;
  assessmentId: string;
  area: AreaAssessment;
  editable: boolean;
  records: EvidenceRecords | null;
  onSaved: (s: StatementRating) => void;
}) {
  const low = proposesAction(area.rating);
  const lowStatements = area.statements.filter((s) => proposesAction(s.rating));
  const headingId = areaAnchor(area.key);
  return (
    <section className="sa-area" aria-labelledby={headingId}>
      <h2 className="heading-m" id={headingId} tabIndex={-1}>
        {area.title}
      </h2>
      <p className="sa-area__rating">
        Area rating:{' '}
        {area.rating === null ? (
          <strong>Not rated yet</strong>
        ) : (
          <Tag tone={ratingTone(area.rating)}>{ratingWords(area.rating)}</Tag>
        )}
        {area.previousRating !== null && (
          <span className="secondary-text"> (last time: {ratingWords(area.previousRating)})</span>
        )}
      </p>
      <ul className="sa-area__counts" aria-label={`How the statements of ${area.title} are rated`}>
        {RATINGS.map((r) => (
          <li key={r}>
            {RATING_LABELS[r]}: {area.counts[r]}
          </li>
        ))}
        <li>Not rated: {area.counts.unrated}</li>
      </ul>
      {low && (
        <div className="inset-text sa-area__low">
          <p>This area is below established. Look at what helps, and plan what to do next.</p>
          <ul className="list">
            <li>
              <Link to={areaResourcesPage(schoolId, area.key)}>
                Resources for this area<span className="visually-hidden">: {area.title}</span>
              </Link>
            </li>
            <li>
              <Link to={proposeActionPage(schoolId, area.key)}>
                Propose an action<span className="visually-hidden"> for {area.title}</span>
              </Link>
            </li>
          </ul>
        </div>
      )}
      <ol className="sa-statements">
        {area.statements.map((s) => (
          <li key={s.key} className="sa-statements__item">
            {editable ? (
              <StatementEditor
                schoolId={schoolId}
                assessmentId={assessmentId}
                statement={s}
                records={records}
                onSaved={onSaved}
              />
            ) : (
              <StatementView schoolId={schoolId} statement={s} />
            )}
            {lowStatements.includes(s) && (
              <p className="sa-statement__propose">
                <Link to={proposeActionPage(schoolId, area.key, s.key)}>
                  Propose an action<span className="visually-hidden"> for this statement</span>
                </Link>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
