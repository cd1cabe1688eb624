/** Plan reviews overdue and due in the next 14 days, for the case team's home page. */
import { PLAN_KIND_LABELS, reviewsDueResponse } from '@tandem/core';
import type { z } from 'zod';
import { useResource } from '../api/useResource';
import type { SessionSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { countOf } from '../components/format';
import { Loading, Tag } from '../components/Page';
import { LoadError } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { planPage, reviewsDueApi } from './plansApi';
import './plans.css';

type Review = z.infer<typeof reviewsDueResponse>['reviews'][number];

function ReviewList({ school, reviews, label }: { school: SessionSchool; reviews: readonly Review[]; label: string }) {
  return (
    <ul className="plan-list" aria-label={label}>
      {reviews.map((r) => (
        <li key={r.planId} className="plan-list__item">
          <p className="plan-list__title">
            <Link to={planPage(school.id, r.planId)}>
              {r.pupilName}: {PLAN_KIND_LABELS[r.kind]}
            </Link>{' '}
            {r.overdue && <Tag tone="yellow">Overdue</Tag>}
          </p>
          <p className="plan-list__meta">
            Review due <time dateTime={r.reviewDue}>{formatIsoDay(r.reviewDue)}</time>. Lead: {r.leadName}.
          </p>
        </li>
      ))}
    </ul>
  );
}

export function PlanReviewsDue({ school }: { school: SessionSchool }) {
  const { resource, reload } = useResource(reviewsDueApi(school.id), reviewsDueResponse);
  return (
    <section className="home-reviews" aria-labelledby="plan-reviews-title">
      <h2 className="heading-m" id="plan-reviews-title">
        Plan reviews
      </h2>
      {resource.status === 'loading' && <Loading what="Loading plan reviews" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (() => {
          const all = [...resource.data.reviews].sort((a, b) => a.reviewDue.localeCompare(b.reviewDue));
          const overdue = all.filter((r) => r.overdue);
          const soon = all.filter((r) => !r.overdue);
          if (all.length === 0) {
            return (
              <p>
                No plan reviews are overdue or due in the next 14 days. Plans are reviewed from the pupil&rsquo;s
                record.
              </p>
            );
          }
          return (
            <>
              <p className="count">
                {overdue.length > 0 ? `${countOf(overdue.length, 'review')} overdue` : 'None overdue'}
                {', '}
                {soon.length > 0
                  ? `${countOf(soon.length, 'review')} due in the next 14 days`
                  : 'none due in the next 14 days'}
              </p>
              {overdue.length > 0 && (
                <>
                  <h3 className="heading-s">Overdue</h3>
                  <ReviewList school={school} reviews={overdue} label="Overdue plan reviews, oldest first" />
                </>
              )}
              {soon.length > 0 && (
                <>
                  <h3 className="heading-s">Due in the next 14 days</h3>
                  <ReviewList school={school} reviews={soon} label="Plan reviews due in the next 14 days" />
                </>
              )}
            </>
          );
        })()}
    </section>
  );
}
