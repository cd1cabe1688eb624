/**
 * "What needs you today" on a member of staff's home page, from one answer (my-work): plans to read
 * and confirm, concerns waiting for them to acknowledge (urgent first, with how long each has
 * waited), 24-hour deadlines for a pupil to tell their parents, actions and next steps they own,
 * reviews of plans they lead, questionnaires to ask pupils in the interventions they run, referrals
 * waiting past 4 weeks and directory entries due their yearly check; then the whole-school tools'
 * work (MyWorkWholeSchool.tsx). Each section is shown to those
 * whose work it can be; an empty one says what it is for. The server decides what is listed, so nothing here needs re-checking.
 */
import { PLAN_KIND_LABELS, type MyWork as MyWorkAnswer } from '@tandem/core';
import { schoolCan, type SessionSchool } from '../auth/session';
import { formatDateTime, formatIsoDay } from '../components/dates';
import { countOf } from '../components/format';
import { Loading, Tag, TagList } from '../components/Page';
import { LoadError } from '../errors/ErrorPages';
import { concernPage, concernsPage, mayReadQueue } from '../concerns/concernsApi';
import { RestrictedTag, UrgentTag } from '../concerns/ConcernBits';
import { meetingPage } from '../meetings/meetingsApi';
import { planPage } from '../plans/plansApi';
import { Link, useLocation } from '../router/router';
import { toReadAnchor, useMyWork, waitedWords } from './myWorkApi';
import './myWork.css';
import { Section } from './MyWorkSection';
import { EmergencyReferrals, Questionnaires, ReferralsOverdue, ServicesToCheck } from './MyWorkMore';
import { TalkRequests } from './MyWorkTalk';
import { MissingAbsences, ProvisionDue } from './MyWorkAttendance';
import { TransfersDue } from '../transfers/MyWorkTransfers';
import { SubjectAccessDue } from '../subject-access/MyWorkSubjectAccess';
import { RetentionDue } from '../retention/MyWorkRetention';
import {
  ActionsOwned,
  PoliciesToRead,
  PolicyReviews,
  ResourcesToReview,
  SurveysToAnswer,
  TrainingDue,
  TrainingToConfirm,
} from './MyWorkWholeSchool';

function pupilsText(pupils: readonly { name: string }[]): string {
  return pupils.map((p) => p.name).join(', ') || 'A pupil';
}

function ToRead({ school, work }: { school: SessionSchool; work: MyWorkAnswer }) {
  return (
    <Section id={toReadAnchor} title="To read and confirm" count={work.toRead.length}>
      {work.toRead.length === 0 ? (
        <p className="my-work__empty">
          Nothing to read. When you are given a pupil&rsquo;s plan or risk assessment, it appears here until you confirm
          you have read it.
        </p>
      ) : (
        <>
          <p>
            You have been given {work.toRead.length === 1 ? 'this plan' : 'these plans'}. Read{' '}
            {work.toRead.length === 1 ? 'it' : 'each one'}, then press &ldquo;I have read this&rdquo; at the end.
          </p>
          <ul className="plan-list">
            {work.toRead.map((p) => (
              <li key={p.planId} className="plan-list__item">
                <p className="plan-list__title">
                  <Link to={planPage(school.id, p.planId)}>
                    {p.pupil.name}: {PLAN_KIND_LABELS[p.kind]}
                  </Link>
                  {p.version > 1 && (
                    <>
                      {' '}
                      <Tag tone="blue">Updated</Tag>
                    </>
                  )}
                </p>
                <p className="plan-list__meta">
                  Version {p.version}, from {formatDateTime(p.since)}. Lead: {p.leadName}.
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

function Awaiting({ school, work }: { school: SessionSchool; work: MyWorkAnswer }) {
  const dslTeam = schoolCan(school, 'safeguarding.read');
  const items = work.awaitingTriage;
  const urgent = items.filter((c) => c.urgent).length;
  return (
    <Section
      id="awaiting"
      title={dslTeam ? 'Waiting for the DSL team' : 'Concerns waiting for you'}
      count={items.length}
    >
      {items.length === 0 ? (
        <p className="my-work__empty">
          No concern is waiting to be acknowledged. New concerns {dslTeam ? 'for the DSL team' : 'logged by staff'}{' '}
          appear here, urgent ones first, with how long each has waited.
        </p>
      ) : (
        <>
          <p>
            {countOf(items.length, 'concern')} nobody has acknowledged yet
            {urgent > 0 ? `, ${String(urgent)} urgent` : ''}. Open one to acknowledge it and decide what to do next.
          </p>
          <ul className="plan-list">
            {items.map((c) => (
              <li key={c.concernId} className={c.urgent ? 'plan-list__item my-work__urgent' : 'plan-list__item'}>
                <p className="plan-list__title">
                  <Link to={concernPage(school.id, c.concernId)}>
                    {pupilsText(c.pupils)} ({c.reference})
                  </Link>
                </p>
                {(c.urgent || c.restricted) && (
                  <TagList label="About this concern">
                    {c.urgent && (
                      <li>
                        <UrgentTag />
                      </li>
                    )}
                    {c.restricted && (
                      <li>
                        <RestrictedTag />
                      </li>
                    )}
                  </TagList>
                )}
                <p className="plan-list__meta">
                  <strong>Waiting {waitedWords(c.waitingMinutes)}</strong>. Logged {formatDateTime(c.loggedAt)}.
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {mayReadQueue(school) && (
        <p>
          <Link to={concernsPage(school.id)}>See all concerns</Link>
        </p>
      )}
    </Section>
  );
}

function Deadlines({ school, work }: { school: SessionSchool; work: MyWorkAnswer }) {
  return (
    <Section id="deadlines" title="Pupils telling their parents" count={work.parentsDeadlines.length}>
      {work.parentsDeadlines.length === 0 ? (
        <p className="my-work__empty">
          None now. When a pupil is given 24 hours to tell their parents first, it appears here so that you can check
          afterwards that parents know.
        </p>
      ) : (
        <ul className="plan-list">
          {work.parentsDeadlines.map((d) => (
            <li key={d.concernId} className="plan-list__item">
              <p className="plan-list__title">
                <Link to={concernPage(school.id, d.concernId)}>
                  {pupilsText(d.pupils)} ({d.reference})
                </Link>{' '}
                {d.passed && <Tag tone="yellow">Time passed</Tag>}
              </p>
              <p className="plan-list__meta">
                {d.passed ? 'The 24 hours ended' : 'The 24 hours end'} {formatDateTime(d.deadline)}.{' '}
                {d.passed ? 'Check that parents now know, and record it.' : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Owned({ school, work }: { school: SessionSchool; work: MyWorkAnswer }) {
  const rows = [
    ...work.concernActions.map((a) => ({
      key: `a-${a.actionId}`,
      to: concernPage(school.id, a.concernId),
      what: a.description,
      about: `${pupilsText(a.pupils)}, concern ${a.reference}`,
      dueOn: a.dueOn,
      overdue: a.overdue,
    })),
    ...work.nextSteps.map((s) => ({
      key: `s-${s.actionId}`,
      to: meetingPage(school.id, s.meetingId),
      what: s.description,
      about: `${s.pupil.name}, from a meeting`,
      dueOn: s.dueOn,
      overdue: s.overdue,
    })),
  ].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <Section id="owned" title="Your actions and next steps" count={rows.length}>
      {rows.length === 0 ? (
        <p className="my-work__empty">
          Nothing is waiting for you. Actions on concerns and next steps agreed at meetings that you own appear here,
          with when they are due.
        </p>
      ) : (
        <ul className="plan-list">
          {rows.map((r) => (
            <li key={r.key} className="plan-list__item">
              <p className="plan-list__title">
                <Link to={r.to}>{r.what}</Link> {r.overdue && <Tag tone="yellow">Overdue</Tag>}
              </p>
              <p className="plan-list__meta">
                Due <time dateTime={r.dueOn}>{formatIsoDay(r.dueOn)}</time>. {r.about}.
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Reviews({ school, work }: { school: SessionSchool; work: MyWorkAnswer }) {
  return (
    <Section id="my-reviews" title="Reviews of plans you lead" count={work.reviewsDue.length}>
      {work.reviewsDue.length === 0 ? (
        <p className="my-work__empty">
          No review of a plan you lead is overdue or due in the next 14 days. They appear here when they are.
        </p>
      ) : (
        <ul className="plan-list">
          {work.reviewsDue.map((r) => (
            <li key={r.planId} className="plan-list__item">
              <p className="plan-list__title">
                <Link to={planPage(school.id, r.planId)}>
                  {r.pupil.name}: {PLAN_KIND_LABELS[r.kind]}
                </Link>{' '}
                {r.overdue && <Tag tone="yellow">Overdue</Tag>}
              </p>
              <p className="plan-list__meta">
                Review due <time dateTime={r.reviewDue}>{formatIsoDay(r.reviewDue)}</time>.
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/**
 * The sections, most pressing first: a pupil asking to talk comes before everything; then an
 * urgent concern nobody has acknowledged; then a pupil on the missing list absent without a reason;
 * then what to read; then the queue, deadlines, what they own and reviews.
 */
export function MyWork({ school }: { school: SessionSchool }) {
  const { pathname } = useLocation();
  const { resource, reload } = useMyWork(school.id, pathname);
  if (resource.status === 'loading') return <Loading what="Loading what needs you today" />;
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={reload} />;
  const work = resource.data;
  const triages = schoolCan(school, 'concern.triage') || work.awaitingTriage.length > 0;
  const urgentFirst = work.awaitingTriage.some((c) => c.urgent);
  const tellsParents = school.roles.some((r) => r === 'smhl' || r === 'sendco') || work.parentsDeadlines.length > 0;
  const owns = schoolCan(school, 'pupil.readCase') || work.concernActions.length + work.nextSteps.length > 0;
  const leads = schoolCan(school, 'plan.write') || work.reviewsDue.length > 0;
  const asks =
    schoolCan(school, 'intervention.manage') ||
    school.roles.includes('intervention_staff') ||
    work.questionnairesDue.length > 0;
  const watchesReferrals = schoolCan(school, 'referral.viewWaits') || work.referralsOverdue.length > 0;
  const keepsDirectory = schoolCan(school, 'directory.manage') || work.servicesToCheck.length > 0;
  // A pupil asking to talk comes before everything else, when there is one; the leads reach the
  // full list (and those acknowledged) from "Pupils asking to talk" in the school's menu.
  const hearsTalk = work.talkRequests.length > 0;
  return (
    <div className="my-work-list">
      {hearsTalk && <TalkRequests school={school} work={work} />}
      {triages && urgentFirst && <Awaiting school={school} work={work} />}
      <MissingAbsences school={school} work={work} />
      <EmergencyReferrals school={school} work={work} />
      <ToRead school={school} work={work} />
      {triages && !urgentFirst && <Awaiting school={school} work={work} />}
      {tellsParents && <Deadlines school={school} work={work} />}
      {owns && <Owned school={school} work={work} />}
      {leads && <Reviews school={school} work={work} />}
      <ProvisionDue school={school} work={work} />
      <TransfersDue school={school} work={work} />
      <SubjectAccessDue school={school} work={work} />
      <RetentionDue school={school} work={work} />
      {asks && <Questionnaires school={school} work={work} />}
      {watchesReferrals && <ReferralsOverdue school={school} work={work} />}
      {keepsDirectory && <ServicesToCheck school={school} work={work} />}
      <ActionsOwned school={school} work={work} />
      <PoliciesToRead school={school} work={work} />
      <SurveysToAnswer school={school} work={work} />
      <TrainingDue school={school} work={work} />
      <PolicyReviews school={school} work={work} />
      <TrainingToConfirm school={school} work={work} />
      <ResourcesToReview school={school} work={work} />
    </div>
  );
}
