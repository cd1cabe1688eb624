/**
 * Plans on the pupil's page: the case team's list of the pupil's plans, and, for a member of staff,
 * the plans they have been given, with what they must do first and "I have read this".
 */
import { PLAN_KIND_LABELS, planListResponse, type PlanSummary, type SharedPlan } from '@tandem/core';
import { useResource } from '../api/useResource';
import type { SessionSchool } from '../auth/session';
import { formatDate } from '../components/dates';
import { countOf } from '../components/format';
import { Loading } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { PlanPdfButton, PlanStatusTag, ReadConfirmation, ReviewDue, StaffPlanContent } from './PlanBits';
import { mayWritePlans, newPlanPage, planPage, planTitle, pupilPlansApi } from './plansApi';

function sortPlans(plans: readonly PlanSummary[]): PlanSummary[] {
  const rank = (p: PlanSummary) => (p.status === 'ended' ? 1 : 0);
  return [...plans].sort((a, b) => rank(a) - rank(b) || a.reviewDue.localeCompare(b.reviewDue));
}

/** The case team's list of a pupil's plans, with "Write a plan". */
export function PupilPlansSection({
  school,
  pupil,
}: {
  school: SessionSchool;
  pupil: { id: string; name: string; first: string };
}) {
  const { resource, reload } = useResource(pupilPlansApi(school.id, pupil.id), planListResponse);
  const write = mayWritePlans(school);
  return (
    <section aria-labelledby="pupil-plans-title">
      <h3 className="heading-m" id="pupil-plans-title">
        Plans
      </h3>
      {resource.status === 'loading' && <Loading what="Loading plans" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.plans.length === 0 ? (
          <div className="empty-state">
            <p>{pupil.first} has no plans.</p>
            <p>
              Write one when staff need to know or do something particular for {pupil.first}: a care plan for a health
              need, a crisis plan after an incident, a risk assessment, or a Signs of Safety record for the case team.
            </p>
            {write && (
              <p>
                <Link to={newPlanPage(school.id, pupil.id)} className="button button--secondary">
                  Write a plan<span className="visually-hidden"> for {pupil.name}</span>
                </Link>
              </p>
            )}
          </div>
        ) : (
          <>
            <p className="count">{countOf(resource.data.plans.length, 'plan')}</p>
            <Table
              caption={`Plans for ${pupil.name}`}
              captionHidden
              rows={sortPlans(resource.data.plans)}
              rowKey={(p) => p.id}
              columns={[
                {
                  key: 'kind',
                  header: 'Plan',
                  label: 'Plan',
                  cell: (p) => <Link to={planPage(school.id, p.id)}>{PLAN_KIND_LABELS[p.kind]}</Link>,
                },
                { key: 'status', header: 'Status', label: 'Status', cell: (p) => <PlanStatusTag status={p.status} /> },
                { key: 'version', header: 'Version', label: 'Version', numeric: true, cell: (p) => p.version },
                {
                  key: 'review',
                  header: 'Review due',
                  label: 'Review due',
                  nowrap: true,
                  cell: (p) =>
                    p.status === 'ended' ? (
                      <span className="secondary-text">Ended</span>
                    ) : (
                      <ReviewDue on={p.reviewDue} overdue={p.reviewOverdue} />
                    ),
                },
                { key: 'lead', header: 'Lead', label: 'Lead', cell: (p) => p.leadName },
              ]}
            />
            {write && (
              <p>
                <Link to={newPlanPage(school.id, pupil.id)} className="button button--secondary">
                  Write a plan<span className="visually-hidden"> for {pupil.name}</span>
                </Link>
              </p>
            )}
          </>
        ))}
    </section>
  );
}

/** The plans a member of staff has been given for this pupil: what to do first, then the rest. */
export function SharedPlans({
  school,
  pupil,
  plans,
}: {
  school: SessionSchool;
  pupil: { name: string; first: string };
  plans: readonly SharedPlan[];
}) {
  if (plans.length === 0) return null;
  return (
    <section aria-labelledby="shared-plans-title">
      <h2 className="heading-l" id="shared-plans-title">
        Plans you have been given
      </h2>
      <p>
        You have been given {plans.length === 1 ? 'this plan' : 'these plans'} because you work with {pupil.first}. Read{' '}
        {plans.length === 1 ? 'it' : 'each one'} and confirm that you have. Keep what it says confidential.
      </p>
      {plans.map((p) => {
        const title = planTitle(p.kind, pupil.name);
        return (
          <article key={p.id} className="shared-plan" aria-labelledby={`shared-plan-${p.id}`}>
            <h3 className="heading-m shared-plan__title" id={`shared-plan-${p.id}`}>
              {PLAN_KIND_LABELS[p.kind]}
            </h3>
            <p className="secondary-text">
              Version {p.version}, updated {formatDate(p.updatedAt)}. Lead: {p.leadName}.
            </p>
            <StaffPlanContent kind={p.kind} content={p.content} headingLevel={4} />
            <ReadConfirmation
              schoolId={school.id}
              planId={p.id}
              version={p.version}
              confirmedAt={p.confirmedAt}
              what={title}
            />
            <ul className="link-list">
              <li>
                <Link to={planPage(school.id, p.id)}>
                  Open the plan on its own page<span className="visually-hidden">: {title}</span>
                </Link>
              </li>
            </ul>
            <PlanPdfButton schoolId={school.id} planId={p.id} what={title} />
          </article>
        );
      })}
    </section>
  );
}
