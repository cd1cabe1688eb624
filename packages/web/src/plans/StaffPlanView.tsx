/** A plan as a member of staff given it sees it: what to know and do, and "I have read this". */
import { PLAN_KIND_LABELS } from '@tandem/core';
import { type SessionSchool } from '../auth/session';
import { formatDate } from '../components/dates';
import { PageTitle } from '../components/Page';
import { PlanPdfButton, ReadConfirmation, StaffPlanContent } from './PlanBits';
import { planTitle, type StaffPlan } from './plansApi';

/** The plan page for a member of staff given the plan. */
export function StaffPlanView({ school, data }: { school: SessionSchool; data: StaffPlan }) {
  const p = data.plan;
  const title = planTitle(p.kind, p.pupilName);
  return (
    <>
      <PageTitle caption={`Version ${String(p.version)}, updated ${formatDate(p.updatedAt)}`}>{title}</PageTitle>
      <p className="lead">
        What you need to know and do for {p.pupilName}. The plan&rsquo;s lead is {p.leadName}: ask them if anything is
        unclear.
      </p>
      {data.confirmedAt === null && (
        <p>
          <strong>Please read all of it, then confirm at the end.</strong>
        </p>
      )}
      <StaffPlanContent kind={p.kind} content={data.content} headingLevel={2} />
      <ReadConfirmation
        schoolId={school.id}
        planId={p.id}
        version={p.version}
        confirmedAt={data.confirmedAt}
        what={PLAN_KIND_LABELS[p.kind]}
      />
      <PlanPdfButton schoolId={school.id} planId={p.id} what={title} />
      <p className="hint">
        This plan is confidential. Do not leave a printed copy where others may read it, and do not share it outside
        school.
      </p>
    </>
  );
}
