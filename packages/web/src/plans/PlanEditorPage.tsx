/**
 * Write a plan, or change one: the page behind both routes. A new plan starts from the pupil's
 * record; a change starts from the plan as it is now (and an ended plan cannot be changed). Both
 * then use the one editor (PlanEditor).
 */
import { planDetailResponse, pupilProfileResponse } from '@tandem/core';
import { useResource } from '../api/useResource';
import { useSchool, type SessionSchool } from '../auth/session';
import { BackLink, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { pupilApi, pupilFirstName, pupilName, pupilPage } from '../pupils/pupilsApi';
import { PlanEditor } from './PlanEditor';
import { mayWritePlans, planApi, planPage, planTitle } from './plansApi';

/** The new-plan route names the pupil; the change route names the plan. */
export type PlanEditorPageProps = { schoolId: string } & ({ pupilId: string } | { planId: string });

/** The page for both routes: not found for anyone who may not write plans. */
export function PlanEditorPage(props: PlanEditorPageProps) {
  const school = useSchool(props.schoolId);
  if (school === undefined || !mayWritePlans(school)) return <NotFoundPage />;
  return 'planId' in props ? (
    <ChangePlan school={school} planId={props.planId} />
  ) : (
    <NewPlan school={school} pupilId={props.pupilId} />
  );
}

function NewPlan({ school, pupilId }: { school: SessionSchool; pupilId: string }) {
  const { resource, reload } = useResource(pupilApi(school.id, pupilId), pupilProfileResponse);
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Write a plan',
      caption: school.name,
      loading: 'Opening the form',
      back: { to: pupilPage(school.id, pupilId), text: 'Back to the pupil' },
      onRetry: reload,
    });
  }
  if (resource.data.view !== 'case') return <NotFoundPage />;
  const p = resource.data.pupil;
  return (
    <PlanEditor
      school={school}
      editing={{ mode: 'new', pupil: { id: p.id, name: pupilName(p), first: pupilFirstName(p) } }}
    />
  );
}

function ChangePlan({ school, planId }: { school: SessionSchool; planId: string }) {
  // The form starts from the plan as loaded here; a newer version found on saving does not reset it.
  const { resource, reload } = useResource(planApi(school.id, planId), planDetailResponse);
  const back = planPage(school.id, planId);
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Change the plan',
      caption: school.name,
      loading: 'Opening the plan',
      back: { to: back, text: 'Back to the plan' },
      onRetry: reload,
    });
  }
  const loaded = resource.data;
  if (loaded.view !== 'case') return <NotFoundPage />;
  if (loaded.plan.endedAt !== null) {
    return (
      <>
        <BackLink to={back}>Back to the plan</BackLink>
        <PageTitle caption={planTitle(loaded.plan.kind, loaded.plan.pupilName)}>Change the plan</PageTitle>
        <p>
          This plan has ended, so it cannot be changed. Write a new plan from the pupil&rsquo;s record if one is needed.
        </p>
      </>
    );
  }
  return <PlanEditor school={school} editing={{ mode: 'change', plan: loaded }} />;
}
