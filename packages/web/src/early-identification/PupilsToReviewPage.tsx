/**
 * The SMHL's pupils to review: each pupil for whom a school rule fires, with the rules in plain
 * words and the figures behind them, and a way to record the review. Below, the pupils reviewed
 * recently. The list never changes a level by itself.
 */
import { EARLY_REVIEW_OUTCOME_LABELS, earlyListResponse, type EarlyListResponse } from '@tandem/core';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatDate } from '../components/dates';
import { countOf } from '../components/format';
import { LevelBadge } from '../components/LevelBadge';
import { FlashBanner, InsetText, Loading, PageTitle } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { pupilPage, yearAndForm } from '../pupils/pupilsApi';
import { Link, useFlash } from '../router/router';
import { earlyPupilsApi, mayReview, ratesPage, reviewPage, rulesPage } from './earlyApi';
import { FiredRules } from './FiredRules';
import './early.css';

export function PupilsToReviewPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayReview(school);
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? earlyPupilsApi(schoolId) : null, earlyListResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <div className="early">
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Pupils to review</PageTitle>
      <p className="lead">
        Pupils the school&rsquo;s rules suggest you look at, with the figures behind each rule. The list never changes a
        level by itself: you decide, and record what you decided and why.
      </p>
      <ul className="link-list early__links">
        <li>
          <Link to={rulesPage(school.id)}>Read and change the rules</Link>
        </li>
        <li>
          <Link to={ratesPage(school.id)}>How often each rule lists pupils, by group</Link>
        </li>
      </ul>
      {resource.status === 'loading' && <Loading what="Loading the pupils to review" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <Lists schoolId={school.id} data={resource.data} />}
    </div>
  );
}

function Lists({ schoolId, data }: { schoolId: string; data: EarlyListResponse }) {
  return (
    <>
      <section aria-labelledby="to-review-title">
        <h2 className="heading-m" id="to-review-title">
          {data.pupils.length === 0 ? 'No pupils to review' : `${countOf(data.pupils.length, 'pupil')} to review`}
        </h2>
        {data.pupils.length === 0 ? (
          <div className="empty-state">
            <p>
              {data.rulesOn === 0 ? (
                <>
                  Every rule is switched off, so nobody can be listed.{' '}
                  <Link to={rulesPage(schoolId)}>Switch a rule on</Link>.
                </>
              ) : (
                <>
                  No rule fires for a pupil you have not already reviewed. Pupils appear here as attendance, concerns,
                  questionnaires and check-ins are recorded. You can{' '}
                  <Link to={rulesPage(schoolId)}>read the rules</Link> to see what lists a pupil.
                </>
              )}
            </p>
          </div>
        ) : (
          <ul className="early__cards">
            {data.pupils.map((p) => (
              <li key={p.id} className="early__card">
                <h3 className="heading-s early__name">
                  <Link to={pupilPage(schoolId, p.id)}>{p.name}</Link>
                </h3>
                <p className="secondary-text early__meta">
                  {yearAndForm(p)} <LevelBadge code={p.level} />
                </p>
                <FiredRules fired={p.fired} />
                {p.lastReview !== null && (
                  <p className="secondary-text">
                    Last reviewed {formatDate(p.lastReview.at)} by {p.lastReview.byName} (
                    {EARLY_REVIEW_OUTCOME_LABELS[p.lastReview.outcome].toLowerCase()}); a rule has fired since that the
                    review did not cover.
                  </p>
                )}
                <p>
                  <Link to={reviewPage(schoolId, p.id)} className="button button--secondary">
                    Review<span className="visually-hidden"> {p.name}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="reviewed-title">
        <h2 className="heading-m" id="reviewed-title">
          Reviewed in the last {data.quietDays} days
        </h2>
        <InsetText>
          A reviewed pupil comes back to the list after {data.quietDays} days, or sooner if a rule fires that the review
          did not cover.
        </InsetText>
        {data.reviewed.length === 0 ? (
          <p>Nobody has been reviewed recently. Pupils you review appear here, with what you decided.</p>
        ) : (
          <ul className="early__cards">
            {data.reviewed.map((p) => (
              <li key={p.id} className="early__card">
                <h3 className="heading-s early__name">
                  <Link to={pupilPage(schoolId, p.id)}>{p.name}</Link>
                </h3>
                <p className="secondary-text early__meta">{yearAndForm(p)}</p>
                <p>
                  <strong>{EARLY_REVIEW_OUTCOME_LABELS[p.review.outcome]}</strong> on {formatDate(p.review.at)} by{' '}
                  {p.review.byName}: {p.review.reason}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
