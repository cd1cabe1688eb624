/**
 * A plan as the case team sees it: its status and particulars, the plan as written, what parents
 * will see, agreement, reviews, which staff have read it and every version; and, for those who may
 * write plans, the ways to change, agree, review, share and end it. One work panel is open at once.
 */
import { KIND_SHAREABLE_WITH_PARENTS, KIND_SHAREABLE_WITH_STAFF } from '@tandem/core';
import { useState, type ReactNode } from 'react';
import { type SessionSchool } from '../auth/session';
import { formatDate } from '../components/dates';
import { listInWords } from '../components/format';
import { PageTitle, SummaryList, Tag, TagList } from '../components/Page';
import { WorkItem } from '../components/WorkItem';
import { pupilPage } from '../pupils/pupilsApi';
import { Link } from '../router/router';
import { PlanAgreement } from './PlanAgreement';
import { PlanContentView, PlanPdfButton, PlanStatusTag, ReviewDue } from './PlanBits';
import { EndPlanForm } from './PlanCaseForms';
import { PlanParentsView } from './PlanParentsView';
import { PlanReaders } from './PlanReaders';
import { PlanReviewHistory } from './PlanReviewHistory';
import { editPlanPage, mayWritePlans, planSharingPage, planTitle, type CasePlan } from './plansApi';
import { PlanVersions } from './PlanVersions';

function givenToWords(plan: CasePlan['plan']): ReactNode {
  if (!KIND_SHAREABLE_WITH_STAFF[plan.kind]) return 'The case team only';
  const parts: string[] = [];
  if (plan.shareWithTeaching) parts.push(`everyone who teaches ${plan.pupilName}`);
  if (plan.sharedWith.length > 0) parts.push(listInWords(plan.sharedWith.map((s) => s.name)));
  if (parts.length === 0) return <span className="secondary-text">No one yet</span>;
  const text = parts.join(', and ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The plan page for the case team; `onChanged` shows what was done and reads the plan again. */
export function CasePlanView({
  school,
  data,
  onChanged,
  onStale,
}: {
  school: SessionSchool;
  data: CasePlan;
  onChanged: (title: string, text?: string) => void;
  onStale: () => void;
}) {
  const p = data.plan;
  const ended = p.endedAt !== null;
  const write = mayWritePlans(school) && !ended;
  const title = planTitle(p.kind, p.pupilName);
  const [panel, setPanel] = useState<'agreement' | 'review' | 'end' | null>(null);
  const finished = (t: string, text?: string) => {
    setPanel(null);
    onChanged(t, text);
  };
  const toggle = (which: 'agreement' | 'review' | 'end') => () => {
    setPanel(panel === which ? null : which);
  };
  const cancel = () => {
    setPanel(null);
  };

  return (
    <>
      <PageTitle caption={`Version ${String(p.version)}`} title={`${title} (version ${String(p.version)})`}>
        {title}
      </PageTitle>
      <TagList label="Status">
        <li>
          <PlanStatusTag status={p.status} />
        </li>
        {p.reviewOverdue && !ended && (
          <li>
            <Tag tone="yellow">Review overdue</Tag>
          </li>
        )}
      </TagList>
      <SummaryList
        rows={[
          {
            key: 'pupil',
            label: 'Pupil',
            value: <Link to={pupilPage(school.id, p.pupilId)}>{p.pupilName}</Link>,
          },
          {
            key: 'version',
            label: 'Version',
            value: (
              <>
                {p.version}
                {p.agreedVersion !== null && p.agreedVersion !== p.version && (
                  <span className="block secondary-text">Version {p.agreedVersion} was the last agreed.</span>
                )}
              </>
            ),
          },
          {
            key: 'review',
            label: 'Review due',
            value: ended ? (
              <span className="secondary-text">None: the plan has ended</span>
            ) : (
              <ReviewDue on={p.reviewDue} overdue={p.reviewOverdue} />
            ),
          },
          { key: 'lead', label: 'Lead', value: p.lead.name },
          { key: 'given', label: 'Given to', value: givenToWords(p) },
          {
            key: 'parents',
            label: 'Parent portal',
            value: !KIND_SHAREABLE_WITH_PARENTS[p.kind]
              ? 'Never shown'
              : p.parentShareable
                ? 'Parent-facing parts shown once agreed'
                : 'Not shown',
          },
          { key: 'started', label: 'Written', value: formatDate(p.createdAt) },
          ...(p.endedAt !== null
            ? [
                {
                  key: 'ended',
                  label: 'Ended',
                  value: (
                    <>
                      {formatDate(p.endedAt)}
                      {p.endedReason !== null && <span className="block pre-line">{p.endedReason}</span>}
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <div className="plan-actions">
        {write && (
          <>
            <Link to={editPlanPage(school.id, p.id)} className="button button--primary">
              Change the plan
            </Link>
            <Link to={planSharingPage(school.id, p.id)} className="button button--secondary">
              Change who is given it
            </Link>
          </>
        )}
        <PlanPdfButton schoolId={school.id} planId={p.id} what={title} />
      </div>

      <h2 className="heading-l">The plan</h2>
      <p className="secondary-text">Version {p.version}, as it is now.</p>
      <PlanContentView kind={p.kind} content={data.content} headingLevel={3} />

      <PlanParentsView data={data} />
      <PlanAgreement
        school={school}
        data={data}
        write={write}
        panel={panel === 'agreement'}
        onToggle={toggle('agreement')}
        onDone={finished}
        onCancel={cancel}
        onChanged={onChanged}
        onStale={onStale}
      />
      <PlanReviewHistory
        school={school}
        data={data}
        write={write}
        panel={panel === 'review'}
        onToggle={toggle('review')}
        onDone={finished}
        onCancel={cancel}
        onStale={onStale}
      />
      <PlanReaders school={school} data={data} />
      <PlanVersions school={school} data={data} />

      {write && (
        <section className="work" aria-labelledby="end-title">
          <h2 className="heading-m" id="end-title">
            Ending the plan
          </h2>
          <ul className="work__list">
            <WorkItem
              id="work-end"
              label="End the plan"
              hint="When it is no longer needed. It is kept, with its history."
              open={panel === 'end'}
              onToggle={toggle('end')}
            >
              <EndPlanForm school={school} plan={p} onDone={finished} onCancel={cancel} onStale={onStale} />
            </WorkItem>
          </ul>
        </section>
      )}
    </>
  );
}
