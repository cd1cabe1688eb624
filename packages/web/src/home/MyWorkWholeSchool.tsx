/**
 * The whole-school tools' part of "my work": a survey to answer, policies to read, actions of the
 * action plan someone owns, their own training to renew; for those who keep them, policy reviews,
 * training to confirm and library entries to review. Each section shows only when it lists something.
 */
import type { MyWork as MyWorkAnswer } from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { Tag } from '../components/Page';
import { Link } from '../router/router';
import {
  actionPage,
  answerSurveyPage,
  editResourcePage,
  policyPage,
  trainingPage,
  trainingRecordPage,
} from '../whole-school/paths';
import { Section } from './MyWorkSection';

type Props = { school: SessionSchool; work: MyWorkAnswer };

function Due({ on, overdue }: { on: string; overdue: boolean }) {
  return (
    <>
      {overdue ? 'Was due' : 'Due'} <time dateTime={on}>{formatIsoDay(on)}</time>.
    </>
  );
}

export function SurveysToAnswer({ school, work }: Props) {
  if (work.surveysToAnswer.length === 0) return null;
  return (
    <Section id="surveys-to-answer" title="A staff survey for you" count={work.surveysToAnswer.length}>
      <p>Your answers are anonymous: nobody, including the head, can see who answered what.</p>
      <ul className="plan-list">
        {work.surveysToAnswer.map((s) => (
          <li key={s.surveyId} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={answerSurveyPage(school.id, s.surveyId)}>{s.title}</Link>
            </p>
            <p className="plan-list__meta">
              Open until <time dateTime={s.closesOn}>{formatIsoDay(s.closesOn)}</time>.
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function PoliciesToRead({ school, work }: Props) {
  if (work.policiesToRead.length === 0) return null;
  return (
    <Section id="policies-to-read" title="Policies to read" count={work.policiesToRead.length}>
      <p>Read each one, then press &ldquo;I have read this&rdquo; on its page.</p>
      <ul className="plan-list">
        {work.policiesToRead.map((p) => (
          <li key={p.policyId} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={policyPage(school.id, p.policyId)}>{p.title}</Link>
            </p>
            <p className="plan-list__meta">Version {p.version}.</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ActionsOwned({ school, work }: Props) {
  if (work.actionsDue.length === 0) return null;
  return (
    <Section id="actions-owned" title="Your actions in the school's action plan" count={work.actionsDue.length}>
      <ul className="plan-list">
        {work.actionsDue.map((a) => (
          <li key={a.actionId} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={actionPage(school.id, a.actionId)}>{a.title}</Link>{' '}
              {a.overdue && <Tag tone="yellow">Overdue</Tag>}
            </p>
            <p className="plan-list__meta">
              {a.areaTitle}. <Due on={a.dueOn} overdue={a.overdue} />
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function TrainingDue({ school, work }: Props) {
  if (work.myTrainingDue.length === 0) return null;
  return (
    <Section id="my-training" title="Your training to renew" count={work.myTrainingDue.length}>
      <ul className="plan-list">
        {work.myTrainingDue.map((t) => (
          <li key={t.course} className="plan-list__item">
            <p className="plan-list__title">
              {t.course} {t.overdue && <Tag tone="yellow">Overdue</Tag>}
              {t.dueOn === null && <Tag tone="yellow">Not on record</Tag>}
            </p>
            <p className="plan-list__meta">
              {t.dueOn === null ? 'Your role needs this training.' : <Due on={t.dueOn} overdue={t.overdue} />}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <Link to={trainingPage(school.id)}>Your training record</Link>
      </p>
    </Section>
  );
}

export function PolicyReviews({ school, work }: Props) {
  if (work.policyReviewsDue.length === 0) return null;
  return (
    <Section id="policy-reviews" title="Policies due for review" count={work.policyReviewsDue.length}>
      <ul className="plan-list">
        {work.policyReviewsDue.map((p) => (
          <li key={p.policyId} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={policyPage(school.id, p.policyId)}>{p.title}</Link>{' '}
              {p.overdue && <Tag tone="yellow">Overdue</Tag>}
            </p>
            <p className="plan-list__meta">
              Review <Due on={p.nextReviewOn} overdue={p.overdue} />
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function TrainingToConfirm({ school, work }: Props) {
  if (work.trainingToConfirm.length === 0) return null;
  return (
    <Section id="training-to-confirm" title="Training to confirm" count={work.trainingToConfirm.length}>
      <p>Staff recorded this training themselves. Check it, then confirm it.</p>
      <ul className="plan-list">
        {work.trainingToConfirm.map((t) => (
          <li key={t.recordId} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={trainingRecordPage(school.id, t.recordId)}>
                {t.staffName}: {t.course}
              </Link>
            </p>
            <p className="plan-list__meta">
              Done <time dateTime={t.completedOn}>{formatIsoDay(t.completedOn)}</time>.
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ResourcesToReview({ school, work }: Props) {
  if (work.resourcesToReview.length === 0) return null;
  return (
    <Section id="resources-to-review" title="Library entries to review" count={work.resourcesToReview.length}>
      <p>Not reviewed for a year. Check each one is still right, then change it or mark it as reviewed.</p>
      <ul className="plan-list">
        {work.resourcesToReview.map((r) => (
          <li key={r.resourceId} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={editResourcePage(school.id, r.resourceId)}>{r.title}</Link>
            </p>
            <p className="plan-list__meta">
              Last reviewed <time dateTime={r.lastReviewedOn}>{formatIsoDay(r.lastReviewedOn)}</time>.
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
