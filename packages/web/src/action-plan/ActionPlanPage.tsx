/**
 * The school's action plan (the Senior Mental Health Lead, the head and contributors to the
 * self-assessment): statements rated low that no action answers yet, then the actions by area, each
 * with its owner, due date, status and latest progress. The lead writes actions and prints the plan
 * for governors. Without a self-assessment there is no plan yet: the page says to start one.
 */
import { actionPlanSchema, FRAMEWORK_LABELS, type ActionPlan } from '@tandem/core';
import { useState } from 'react';
import { apiGetFile } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool, useSession } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { DownloadButton } from '../components/DownloadButton';
import { Button, Form, Radios, SelectField } from '../components/Form';
import { countOf } from '../components/format';
import { BackLink, FlashBanner, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash, useNavigate, useSearchParams } from '../router/router';
import { wholeSchoolPage } from '../whole-school/paths';
import { ActionCard } from './ActionBits';
import {
  actionPlanApi,
  actionPlanPage,
  actionPlanPdfApi,
  newActionPage,
  readsPlan,
  selfAssessmentPage,
} from './actionPlanApi';
import { ProposedActions } from './ProposedActions';
import './action-plan.css';

export function ActionPlanPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const flash = useFlash();
  const assessmentId = useSearchParams().get('assessmentId');
  const allowed = readsPlan(school);
  const { resource, reload } = useResource(allowed ? actionPlanApi(schoolId, assessmentId) : null, actionPlanSchema);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Action plan',
      caption: school.name,
      loading: 'Loading the action plan',
      back: { to: wholeSchoolPage(school.id), text: 'Back to whole school' },
      onRetry: reload,
    });
  }
  const plan = resource.data;
  return (
    <div className="action-plan">
      <BackLink to={wholeSchoolPage(school.id)}>Back to whole school</BackLink>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Action plan</PageTitle>
      {plan.assessment === null ? <NoAssessment schoolId={school.id} /> : <Plan schoolId={school.id} plan={plan} />}
    </div>
  );
}

function NoAssessment({ schoolId }: { schoolId: string }) {
  return (
    <div className="empty-state">
      <p>
        There is no action plan yet. It follows from the self-assessment: statements rated below “Established” propose
        actions.
      </p>
      <p>
        <Link to={selfAssessmentPage(schoolId)}>Start a self-assessment first</Link>.
      </p>
    </div>
  );
}

function Plan({ schoolId, plan }: { schoolId: string; plan: ActionPlan }) {
  const { session } = useSession();
  const [show, setShow] = useState<'all' | 'mine'>('all');
  const assessment = plan.assessment;
  if (assessment === null) return null;
  const me = session.user?.id ?? '';
  const latest = plan.assessments[0]?.id === assessment.id;
  const areas = plan.areas
    .map((a) => ({ ...a, actions: show === 'mine' ? a.actions.filter((x) => x.owner.id === me) : a.actions }))
    .filter((a) => a.actions.length > 0);
  const total = plan.areas.reduce((n, a) => n + a.actions.length, 0);
  return (
    <>
      <p className="lead">
        From the self-assessment for {assessment.periodLabel} ({FRAMEWORK_LABELS[assessment.framework]}), started{' '}
        <time dateTime={assessment.startedOn}>{formatIsoDay(assessment.startedOn)}</time>.
        {!latest && ' This is an earlier plan: unfinished actions have moved on to the latest one.'}
      </p>
      <div className="action-plan__tools">
        {plan.canLead && latest && (
          <Link to={newActionPage(schoolId)} className="button button--primary">
            Add an action
          </Link>
        )}
        {plan.canLead && (
          <DownloadButton
            busyText="Making the PDF…"
            getFile={() => apiGetFile(actionPlanPdfApi(schoolId, assessment.id), 'action-plan.pdf')}
          >
            Print for governors (PDF)
          </DownloadButton>
        )}
      </div>
      {plan.assessments.length > 1 && <PlanPicker schoolId={schoolId} plan={plan} />}
      {latest && <ProposedActions schoolId={schoolId} proposed={plan.proposed} canLead={plan.canLead} />}
      <section className="action-section" aria-labelledby="actions-heading">
        <h2 className="heading-l" id="actions-heading">
          Actions
        </h2>
        {total === 0 ? (
          <p className="empty-state">
            No actions yet.{' '}
            {plan.canLead
              ? 'Write one from a proposed action above, or add your own.'
              : 'The Senior Mental Health Lead or the head writes them.'}
          </p>
        ) : (
          <>
            <Radios
              name="show"
              legend="Show"
              inline
              value={show}
              onValueChange={(v) => {
                setShow(v === 'mine' ? 'mine' : 'all');
              }}
              options={[
                { value: 'all', label: `All actions (${String(total)})` },
                { value: 'mine', label: 'Mine' },
              ]}
            />
            <p role="status" className="visually-hidden">
              {show === 'mine'
                ? countOf(
                    areas.reduce((n, a) => n + a.actions.length, 0),
                    'action',
                  ) + ' of yours'
                : ''}
            </p>
            {areas.length === 0 && (
              <p className="empty-state">You own none of these actions. Choose “All actions” to see them.</p>
            )}
            {areas.map((area) => (
              <section key={area.areaKey} className="action-area" aria-labelledby={`area-${area.areaKey}`}>
                <h3 className="heading-m" id={`area-${area.areaKey}`}>
                  {area.areaTitle}
                </h3>
                <ul className="action-list">
                  {area.actions.map((a) => (
                    <ActionCard key={a.id} schoolId={schoolId} action={a} />
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </section>
    </>
  );
}

/** Look at the plan of an earlier self-assessment. */
function PlanPicker({ schoolId, plan }: { schoolId: string; plan: ActionPlan }) {
  const navigate = useNavigate();
  const [chosen, setChosen] = useState(plan.assessment?.id ?? '');
  return (
    <Form
      className="action-plan__picker"
      label="Choose a self-assessment"
      onSubmit={() => {
        const first = plan.assessments[0]?.id;
        navigate(chosen === first ? actionPlanPage(schoolId) : `${actionPlanPage(schoolId)}?assessmentId=${chosen}`);
      }}
    >
      <SelectField
        name="assessmentId"
        label="Self-assessment"
        value={chosen}
        onValueChange={setChosen}
        options={plan.assessments.map((a, i) => ({
          value: a.id,
          label: `${a.periodLabel}${i === 0 ? ' (latest)' : ''}`,
        }))}
      />
      <Button type="submit" variant="secondary">
        Show its plan
      </Button>
    </Form>
  );
}
