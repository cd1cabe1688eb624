/**
 * One plan. The case team sees all of it: the plan as written, what parents will see, agreement,
 * reviews (and the safety scale for Signs of Safety), which staff have read it, and every version;
 * those who may write plans can change, agree, review, share and end it. A member of staff given
 * the plan sees the staff summary and confirms reading it. Anyone else: not found.
 */
import {
  AGREEMENT_HOW_LABELS,
  AGREEMENT_PARTY_LABELS,
  KIND_SHAREABLE_WITH_PARENTS,
  KIND_SHAREABLE_WITH_STAFF,
  PLAN_KIND_LABELS,
  planDetailResponse,
  planMutationResponse,
} from '@tandem/core';
import { useState, type ReactNode } from 'react';
import { apiPost, toApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, useSession, type SessionSchool } from '../auth/session';
import { formatDate, formatDateTime, formatIsoDay } from '../components/dates';
import { countOf, listInWords } from '../components/format';
import { Button } from '../components/Form';
import {
  BackLink,
  FlashBanner,
  HelpNow,
  NotificationBanner,
  PageTitle,
  Panel,
  SummaryList,
  Tag,
  TagList,
} from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { Table } from '../components/Table';
import { WorkItem } from '../components/WorkItem';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import { newMeetingPage } from '../meetings/meetingsApi';
import { pupilPage } from '../pupils/pupilsApi';
import {
  ContactList,
  PlanContentView,
  PlanPdfButton,
  PlanStatusTag,
  ReadConfirmation,
  ReviewDue,
  StaffPlanContent,
} from './PlanBits';
import { EndPlanForm, RecordAgreementForm, RecordReviewForm } from './PlanCaseForms';
import {
  editPlanPage,
  mayWritePlans,
  partiesInWords,
  planApi,
  planSharingPage,
  planTitle,
  planVersionPage,
  whyParentsSeeNothing,
  type CasePlan,
  type StaffPlan,
} from './plansApi';
import { SafetyChart } from './SafetyChart';

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

function StaffPlanView({ school, data }: { school: SessionSchool; data: StaffPlan }) {
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

function givenToWords(plan: CasePlan['plan']): ReactNode {
  if (!KIND_SHAREABLE_WITH_STAFF[plan.kind]) return 'The case team only';
  const parts: string[] = [];
  if (plan.shareWithTeaching) parts.push(`everyone who teaches ${plan.pupilName}`);
  if (plan.sharedWith.length > 0) parts.push(listInWords(plan.sharedWith.map((s) => s.name)));
  if (parts.length === 0) return <span className="secondary-text">No one yet</span>;
  const text = parts.join(', and ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function CasePlanView({
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

      <ParentsSee data={data} />
      <Agreement
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
      <Reviews
        school={school}
        data={data}
        write={write}
        panel={panel === 'review'}
        onToggle={toggle('review')}
        onDone={finished}
        onCancel={cancel}
        onStale={onStale}
      />
      <Readers school={school} data={data} />
      <Versions school={school} data={data} />

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

function ParentsSee({ data }: { data: CasePlan }) {
  const p = data.plan;
  const view = data.parentView;
  return (
    <Panel title="What parents will see">
      {view === null ? (
        <p>{whyParentsSeeNothing(p)}</p>
      ) : (
        <>
          <p>
            On the parent portal, parents and carers see these parts of version {view.version}
            {view.version !== p.version
              ? `, the last agreed version. Version ${String(p.version)} will show once it is agreed.`
              : '.'}{' '}
            Nothing else in the plan is shown to them.
          </p>
          {view.sections.map((s) => (
            <div key={s.key} className="plan-content__section">
              <h3 className="heading-s plan-content__title">{s.label}</h3>
              <p className="pre-line">{s.text}</p>
            </div>
          ))}
          {view.contacts.length > 0 && (
            <div className="plan-content__section">
              <h3 className="heading-s plan-content__title">Emergency contacts</h3>
              <ContactList contacts={view.contacts} />
            </div>
          )}
        </>
      )}
    </Panel>
  );
}

function AgreementItem({
  a,
  level = 4,
  showVersion = false,
}: {
  a: CasePlan['agreements'][number];
  level?: 3 | 4;
  showVersion?: boolean;
}) {
  const H = level === 3 ? 'h3' : 'h4';
  return (
    <li className="timeline__item">
      <H className="timeline__title">
        {AGREEMENT_PARTY_LABELS[a.party]}: {a.name}
        {a.relationship !== '' && `, ${a.relationship}`}
      </H>
      <p className="timeline__meta">
        {showVersion && `Version ${String(a.version)}. `}
        {AGREEMENT_HOW_LABELS[a.how]}, on {formatIsoDay(a.agreedOn)}. Recorded by {a.recordedByName}.
      </p>
      {a.note !== '' && <p className="pre-line">{a.note}</p>}
    </li>
  );
}

function Agreement({
  school,
  data,
  write,
  panel,
  onToggle,
  onDone,
  onCancel,
  onChanged,
  onStale,
}: {
  school: SessionSchool;
  data: CasePlan;
  write: boolean;
  panel: boolean;
  onToggle: () => void;
  onDone: (title: string, text?: string) => void;
  onCancel: () => void;
  onChanged: (title: string, text?: string) => void;
  onStale: () => void;
}) {
  const p = data.plan;
  const { session } = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The server lets the plan's lead, or the Senior Mental Health Lead, mark a plan agreed.
  const mayAgree = (session.user !== null && session.user.id === p.lead.id) || school.roles.includes('smhl');
  const current = data.agreements.filter((a) => a.version === p.version);
  const earlier = data.agreements.filter((a) => a.version !== p.version);

  const markAgreed = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await apiPost(`${planApi(school.id, p.id)}/agree`, { version: p.version }, planMutationResponse);
      onChanged(
        `Version ${String(result.version)} is agreed`,
        p.parentShareable
          ? 'Its parent-facing parts are what parents and carers will see on the parent portal.'
          : undefined,
      );
    } catch (error) {
      const e = toApiError(error);
      if (e.code === 'conflict') onStale();
      setProblem(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="agreement-title">
      <h2 className="heading-l" id="agreement-title">
        Agreement
      </h2>
      <p>
        {p.agreementsNeeded.length === 0
          ? `Version ${String(p.version)} does not need anyone outside the case team to agree it.`
          : `Version ${String(p.version)} needs agreement from ${partiesInWords(p.agreementsNeeded, AGREEMENT_PARTY_LABELS).replace(/^./, (c) => c.toLowerCase())}.`}
      </p>
      {p.status === 'agreed' && (
        <p>
          <Tag tone="green">Agreed</Tag> Version {p.version} has been marked as agreed.
        </p>
      )}
      {current.length > 0 ? (
        <>
          <h3 className="heading-s">Agreement recorded for version {p.version}</h3>
          <ol className="timeline" aria-label={`Agreement recorded for version ${String(p.version)}`}>
            {current.map((a) => (
              <AgreementItem key={a.id} a={a} />
            ))}
          </ol>
        </>
      ) : (
        <p className="secondary-text">No one&rsquo;s agreement has been recorded for version {p.version} yet.</p>
      )}
      {p.status === 'awaiting_agreement' && p.missingAgreements.length > 0 && (
        <p>
          <strong>Still to agree:</strong> {partiesInWords(p.missingAgreements, AGREEMENT_PARTY_LABELS)}.
        </p>
      )}
      {problem !== null && (
        <div className="problem-box" role="alert">
          <p className="error-text">{problem}</p>
        </div>
      )}
      {write && (
        <>
          {p.status === 'awaiting_agreement' && !mayAgree && (
            <p className="hint">
              When everyone has agreed, the plan&rsquo;s lead ({p.lead.name}) or the Senior Mental Health Lead marks it
              as agreed.
            </p>
          )}
          {p.status === 'awaiting_agreement' && mayAgree && (
            <div className="call-to-action">
              <p>
                {p.missingAgreements.length === 0
                  ? 'Everyone who must agree has agreed. Mark the plan as agreed to put it in place.'
                  : 'When everyone above has agreed, and their agreement is recorded, mark the plan as agreed.'}
              </p>
              <Button
                variant={p.missingAgreements.length === 0 ? 'primary' : 'secondary'}
                busy={busy}
                busyText="Saving…"
                aria-describedby={p.missingAgreements.length > 0 ? 'still-to-agree' : undefined}
                onClick={() => {
                  void markAgreed();
                }}
              >
                Mark as agreed
              </Button>
              {p.missingAgreements.length > 0 && (
                <p className="hint" id="still-to-agree">
                  Still to record: {partiesInWords(p.missingAgreements, AGREEMENT_PARTY_LABELS)}.
                </p>
              )}
            </div>
          )}
          <ul className="work__list">
            <WorkItem
              id="work-agreement"
              label="Record agreement"
              hint="Someone has agreed this version: who, how and when."
              open={panel}
              onToggle={onToggle}
            >
              <RecordAgreementForm school={school} plan={p} onDone={onDone} onCancel={onCancel} onStale={onStale} />
            </WorkItem>
          </ul>
        </>
      )}
      {earlier.length > 0 && (
        <details className="details">
          <summary className="details__summary">
            <span className="details__summary-text">Agreement to earlier versions ({earlier.length})</span>
          </summary>
          <div className="details__text">
            <ol className="timeline" aria-label="Agreement to earlier versions">
              {earlier.map((a) => (
                <AgreementItem key={a.id} level={current.length > 0 ? 4 : 3} a={a} showVersion />
              ))}
            </ol>
          </div>
        </details>
      )}
    </section>
  );
}

function Reviews({
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
                  <p>{r.safetyScale} out of 10</p>
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

function Readers({ school, data }: { school: SessionSchool; data: CasePlan }) {
  const { session } = useSession();
  const p = data.plan;
  if (!KIND_SHAREABLE_WITH_STAFF[p.kind]) return null;
  const readers = [...data.readers].sort((a, b) => {
    if ((a.confirmedAt === null) !== (b.confirmedAt === null)) return a.confirmedAt === null ? -1 : 1;
    return a.name.localeCompare(b.name, 'en-GB');
  });
  const confirmed = readers.filter((r) => r.confirmedAt !== null).length;
  const notYet = readers.length - confirmed;
  const isLead = session.user !== null && session.user.id === p.lead.id;
  return (
    <section aria-labelledby="readers-title">
      <h2 className="heading-l" id="readers-title">
        Staff given this plan
      </h2>
      {readers.length === 0 ? (
        <p>
          No staff have been given this plan yet.
          {mayWritePlans(school) && p.endedAt === null && (
            <>
              {' '}
              <Link to={planSharingPage(school.id, p.id)}>Choose who is given it</Link>.
            </>
          )}
        </p>
      ) : (
        <>
          <p className="count">
            {confirmed} of {countOf(readers.length, 'member', 'members')} of staff have confirmed reading version{' '}
            {p.version}
          </p>
          {isLead && notYet > 0 && (
            <p>
              You are the plan&rsquo;s lead. {countOf(notYet, 'person has', 'people have')} not confirmed reading this
              version yet: remind them in person if it matters today.
            </p>
          )}
          <Table
            caption={`Staff given the plan, and whether each has read version ${String(p.version)}`}
            captionHidden
            rows={readers}
            rowKey={(r) => r.id}
            columns={[
              { key: 'name', header: 'Name', label: 'Name', cell: (r) => r.name },
              {
                key: 'why',
                header: 'Given it because',
                label: 'Given it because',
                cell: (r) => (r.why === 'named' ? 'Named on the plan' : `Teaches ${p.pupilName}`),
              },
              {
                key: 'read',
                header: `Read version ${String(p.version)}`,
                label: `Read version ${String(p.version)}`,
                cell: (r) =>
                  r.confirmedAt === null ? (
                    <Tag tone="yellow">Not yet</Tag>
                  ) : (
                    <>
                      <Tag tone="green">Confirmed</Tag>{' '}
                      <time dateTime={r.confirmedAt}>{formatDate(r.confirmedAt)}</time>
                    </>
                  ),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}

function Versions({ school, data }: { school: SessionSchool; data: CasePlan }) {
  const p = data.plan;
  const versions = [...data.versions].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="versions-title">
      <h2 className="heading-l" id="versions-title">
        Version history
      </h2>
      <Table
        caption="Versions of the plan, newest first"
        captionHidden
        rows={versions}
        rowKey={(v) => String(v.version)}
        columns={[
          {
            key: 'version',
            header: 'Version',
            label: 'Version',
            cell: (v) => `Version ${String(v.version)}`,
            nowrap: true,
          },
          {
            key: 'saved',
            header: 'Saved',
            label: 'Saved',
            cell: (v) => (
              <>
                <time dateTime={v.createdAt}>{formatDateTime(v.createdAt)}</time>
                <span className="block secondary-text">by {v.createdByName}</span>
              </>
            ),
          },
          {
            key: 'reason',
            header: 'Why it changed',
            label: 'Why it changed',
            cell: (v) =>
              v.reason === null || v.reason === '' ? (
                <span className="secondary-text">First version</span>
              ) : (
                <span className="pre-line">{v.reason}</span>
              ),
          },
          {
            key: 'open',
            header: <span className="visually-hidden">Open</span>,
            label: 'Open',
            cell: (v) =>
              v.version === p.version ? (
                <span className="secondary-text">Shown above</span>
              ) : (
                <Link to={planVersionPage(school.id, p.id, v.version)}>
                  View<span className="visually-hidden"> version {v.version}</span>
                </Link>
              ),
          },
        ]}
      />
    </section>
  );
}
