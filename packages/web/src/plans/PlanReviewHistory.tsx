/**
 * A plan's reviews, newest first (with the safety scale over time for Signs of Safety), recording
 * a review, and a link to record a meeting about the plan.
 */
import { SAFETY_SCALE_MAX } from '@tandem/core';
import { formatIsoDay } from '../components/dates';
import { type SessionSchool } from '../auth/session';
import { WorkItem } from '../components/WorkItem';
import { newMeetingPage } from '../meetings/meetingsApi';
import { Link } from '../router/router';
import { RecordReviewForm } from './PlanCaseForms';
import { type CasePlan } from './plansApi';
import { SafetyChart } from './SafetyChart';

/** The reviews section of a plan's page; `panel` is whether "Record a review" is open. */
export function PlanReviewHistory({
  school,
  data,
  write,
  panel,
  onToggle,
  onDone,
  onCancel,
  onStale,
}: {
  school: SessionSchool;
  data: CasePlan;
  write: boolean;
  panel: boolean;
  onToggle: () => void;
  onDone: (title: string, text?: string) => void;
  onCancel: () => void;
  onStale: () => void;
}) {
  const p = data.plan;
  const reviews = [...data.reviews].sort((a, b) => b.reviewedOn.localeCompare(a.reviewedOn));
  return (
    <section aria-labelledby="reviews-title">
      <h2 className="heading-l" id="reviews-title">
        Reviews
      </h2>
      {p.kind === 'signs_of_safety' && (
        <>
          <h3 className="heading-m">Safety scale over time</h3>
          <SafetyChart ratings={data.ratings} />
        </>
      )}
      {reviews.length === 0 ? (
        <p>
          No reviews yet.
          {p.endedAt === null &&
            ` Review the plan by ${formatIsoDay(p.reviewDue)} with ${p.pupilName} and their family where you can: what was done, what changed, and whether it is working.`}
        </p>
      ) : (
        <ol className="timeline" aria-label="Reviews, newest first">
          {reviews.map((r) => (
            <li key={r.id} className="timeline__item">
              <h3 className="timeline__title">Review on {formatIsoDay(r.reviewedOn)}</h3>
              <p className="timeline__meta">
                Of version {r.version}. Recorded by {r.recordedByName}.
              </p>
              <p className="timeline__label">What was done</p>
              <p className="pre-line">{r.whatWasDone}</p>
              <p className="timeline__label">What changed</p>
              <p className="pre-line">{r.whatChanged}</p>
              {r.safetyScale !== null && (
                <>
                  <p className="timeline__label">Safety scale</p>
                  <p>
                    {r.safetyScale} out of {SAFETY_SCALE_MAX}
                  </p>
                </>
              )}
              <p className="timeline__label">Next review</p>
              <p>{formatIsoDay(r.nextReviewOn)}</p>
            </li>
          ))}
        </ol>
      )}
      {write && (
        <ul className="work__list">
          <WorkItem
            id="work-review"
            label="Record a review"
            hint="What was done, what changed, and when the next review is."
            open={panel}
            onToggle={onToggle}
          >
            <RecordReviewForm school={school} plan={p} onDone={onDone} onCancel={onCancel} onStale={onStale} />
          </WorkItem>
        </ul>
      )}
      {write && (
        <p>
          <Link to={newMeetingPage(school.id, p.pupilId, p.id)}>Record a meeting about this plan</Link>
        </p>
      )}
    </section>
  );
}
