/**
 * The later sections of "my work": questionnaires to ask (intervention staff), emergency referrals to
 * take on (SENDCO and SMHL), referrals waiting past the school's standard and directory entries due
 * their yearly check (the lead). The server decides what is listed.
 */
import { REFERRAL_SERVICE_LABELS, TIMEPOINT_LABELS, type MyWork as MyWorkAnswer } from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { formatDateTime, formatIsoDay, ukIsoDay } from '../components/dates';
import { Tag } from '../components/Page';
import { countOf } from '../components/format';
import { questionnairePage } from '../questionnaires/questionnairesApi';
import { servicePage } from '../services/servicesApi';
import { referralPage, referralWaitsPage } from '../referrals/referralsApi';
import { Link } from '../router/router';
import { Section } from './MyWorkSection';

export function EmergencyReferrals({ school, work }: { school: SessionSchool; work: MyWorkAnswer }) {
  const items = work.emergencyReferrals;
  if (items.length === 0) return null;
  return (
    <Section id="emergency-referrals" title="Emergency referrals to take on" count={items.length}>
      <p>A member of staff started an emergency CAMHS referral. Open it, complete it with them, and send it.</p>
      <ul className="plan-list">
        {items.map((r) => (
          <li key={r.referralId} className="plan-list__item">
            <p className="plan-list__title">
              <Link to={referralPage(school.id, r.referralId)}>{r.pupil.name}: emergency CAMHS referral</Link>
            </p>
            <p className="plan-list__meta">
              Started by {r.startedByName}, <time dateTime={r.startedAt}>{formatDateTime(r.startedAt)}</time>.
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function Questionnaires({ school, work }: { school: SessionSchool; work: MyWorkAnswer }) {
  const today = ukIsoDay();
  return (
    <Section id="questionnaires-due" title="Questionnaires to ask" count={work.questionnairesDue.length}>
      {work.questionnairesDue.length === 0 ? (
        <p className="my-work__empty">
          None now. When a pupil starts or finishes an intervention you run, the questionnaire to ask them appears here.
        </p>
      ) : (
        <ul className="plan-list">
          {work.questionnairesDue.map((q) => (
            <li key={q.questionnaireId} className="plan-list__item">
              <p className="plan-list__title">
                <Link to={questionnairePage(school.id, q.questionnaireId)}>
                  {q.pupil.name}: {q.measureName}
                </Link>{' '}
                {q.dueOn !== null && q.dueOn < today && <Tag tone="yellow">Overdue</Tag>}
              </p>
              <p className="plan-list__meta">
                {TIMEPOINT_LABELS[q.timepoint]}
                {q.interventionName !== null && ` for ${q.interventionName}`}
                {q.dueOn !== null && (
                  <>
                    . Due <time dateTime={q.dueOn}>{formatIsoDay(q.dueOn)}</time>
                  </>
                )}
                .
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function ReferralsOverdue({ school, work }: { school: SessionSchool; work: MyWorkAnswer }) {
  const items = work.referralsOverdue;
  return (
    <Section id="referrals-overdue" title="Referrals waiting too long" count={items.length}>
      {items.length === 0 ? (
        <p className="my-work__empty">
          None now. A referral still waiting for a first appointment longer than the school allows (four weeks, unless
          changed in the school&rsquo;s settings) appears here, so that you can chase it and suggest support to the
          family while they wait.
        </p>
      ) : (
        <ul className="plan-list">
          {items.map((r) => (
            <li key={r.referralId} className="plan-list__item">
              <p className="plan-list__title">
                <Link to={referralPage(school.id, r.referralId)}>
                  {r.pupil.name}: {REFERRAL_SERVICE_LABELS[r.service]}
                </Link>
              </p>
              <p className="plan-list__meta">
                Sent <time dateTime={r.sentOn}>{formatIsoDay(r.sentOn)}</time>.{' '}
                <strong>Waited {countOf(r.waitDays, 'day')}</strong>.
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={referralWaitsPage(school.id)}>See referral waits across the school</Link>
      </p>
    </Section>
  );
}

export function ServicesToCheck({ school, work }: { school: SessionSchool; work: MyWorkAnswer }) {
  const items = work.servicesToCheck;
  return (
    <Section id="services-to-check" title="Directory entries to check" count={items.length}>
      {items.length === 0 ? (
        <p className="my-work__empty">
          None now. Each of the school&rsquo;s own entries in the services directory appears here once a year, to check
          it is still right.
        </p>
      ) : (
        <>
          <p>Not checked for a year. Open each one, check it with the service, then change it or mark it as checked.</p>
          <ul className="plan-list">
            {items.map((s) => (
              <li key={s.serviceId} className="plan-list__item">
                <p className="plan-list__title">
                  <Link to={servicePage(school.id, s.serviceId)}>{s.name}</Link>
                </p>
                <p className="plan-list__meta">
                  Last checked <time dateTime={s.lastCheckedOn}>{formatIsoDay(s.lastCheckedOn)}</time>.
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
