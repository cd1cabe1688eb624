/** An earlier version of a plan, read only, as it was saved (case roles). */
import { planDetailResponse, planVersionResponse } from '@tandem/core';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { BackLink, HelpNow, InsetText, PageTitle, SummaryList } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { PlanContentView, PlanPdfButton } from './PlanBits';
import { planApi, planPage, planTitle } from './plansApi';

export function PlanVersionPage({ schoolId, planId, version }: { schoolId: string; planId: string; version: string }) {
  const school = useSchool(schoolId);
  const n = /^[1-9]\d{0,5}$/.test(version) ? Number(version) : null;
  const allowed = schoolCan(school, 'pupil.readList') && n !== null;
  const plan = useResource(allowed ? planApi(schoolId, planId) : null, planDetailResponse);
  const old = useResource(
    allowed && n !== null ? `${planApi(schoolId, planId)}/versions/${String(n)}` : null,
    planVersionResponse,
  );
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = planPage(school.id, planId);

  if (plan.resource.status !== 'ready' || old.resource.status !== 'ready') {
    // Either failing shows why; otherwise it is still loading.
    const pending =
      plan.resource.status === 'error'
        ? plan.resource
        : old.resource.status === 'error'
          ? old.resource
          : { status: 'loading' as const };
    return resourceFallback(pending, {
      title: 'Earlier version',
      caption: school.name,
      loading: 'Loading the version',
      back: { to: back, text: 'Back to the plan' },
      onRetry: () => {
        plan.reload();
        old.reload();
      },
    });
  }
  const detail = plan.resource.data;
  if (detail.view !== 'case') return <NotFoundPage />;
  const v = old.resource.data;
  const title = planTitle(detail.plan.kind, detail.plan.pupilName);
  const current = v.version === detail.plan.version;
  return (
    <>
      <BackLink to={back}>Back to the plan</BackLink>
      <PageTitle caption={title} title={`${title}: version ${String(v.version)}`}>
        Version {v.version}
      </PageTitle>
      <InsetText>
        {current ? (
          <p>This is the current version.</p>
        ) : (
          <p>
            This is an earlier version, kept as it was saved. It cannot be changed. The plan is now at version{' '}
            {detail.plan.version}: <Link to={back}>see the plan as it is now</Link>.
          </p>
        )}
      </InsetText>
      <SummaryList
        rows={[
          {
            key: 'saved',
            label: 'Saved',
            value: (
              <>
                <time dateTime={v.createdAt}>{formatDateTime(v.createdAt)}</time>, by {v.createdByName}
              </>
            ),
          },
          {
            key: 'reason',
            label: 'Why it changed',
            value:
              v.reason === null || v.reason === '' ? (
                <span className="secondary-text">The first version</span>
              ) : (
                <span className="pre-line">{v.reason}</span>
              ),
          },
        ]}
      />
      <PlanPdfButton
        schoolId={school.id}
        planId={planId}
        version={v.version}
        what={`${title}, version ${String(v.version)}`}
      />
      <h2 className="heading-l">The plan as it was</h2>
      <PlanContentView kind={detail.plan.kind} content={v.content} headingLevel={3} />
      <HelpNow audience="staff" />
    </>
  );
}
