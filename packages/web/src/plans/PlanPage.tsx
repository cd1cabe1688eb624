/**
 * One plan. The case team sees all of it (CasePlanView); those who may write plans can change,
 * agree, review, share and end it. A member of staff given the plan sees the staff summary and
 * confirms reading it (StaffPlanView). Anyone else: not found.
 */
import { planDetailResponse } from '@tandem/core';
import { useState } from 'react';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { BackLink, FlashBanner, HelpNow, NotificationBanner } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { pupilPage } from '../pupils/pupilsApi';
import { useFlash } from '../router/router';
import { CasePlanView } from './CasePlanView';
import { planApi } from './plansApi';
import { StaffPlanView } from './StaffPlanView';

/** A plan's page, with the banner for what was just done on it. */
export function PlanPage({ schoolId, planId }: { schoolId: string; planId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.readList');
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? planApi(schoolId, planId) : null, planDetailResponse);
  const [done, setDone] = useState<{ title: string; text?: string; at: number } | null>(null);
  if (school === undefined || !allowed) return <NotFoundPage />;

  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Plan',
      caption: school.name,
      loading: 'Loading the plan',
      onRetry: reload,
    });
  }

  const changed = (title: string, text?: string) => {
    setDone(text === undefined ? { title, at: Date.now() } : { title, text, at: Date.now() });
    reload();
    window.scrollTo(0, 0);
  };

  const data = resource.data;
  return (
    <>
      <BackLink to={pupilPage(school.id, data.plan.pupilId)}>Back to {data.plan.pupilName}&rsquo;s record</BackLink>
      {done !== null ? (
        <NotificationBanner key={done.at} kind="success" title={done.title}>
          {done.text !== undefined && <p>{done.text}</p>}
        </NotificationBanner>
      ) : (
        <FlashBanner flash={flash} />
      )}
      {data.view === 'case' ? (
        <CasePlanView school={school} data={data} onChanged={changed} onStale={reload} />
      ) : (
        <StaffPlanView school={school} data={data} />
      )}
      <HelpNow audience="staff" />
    </>
  );
}
