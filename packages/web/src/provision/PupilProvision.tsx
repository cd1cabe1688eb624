/**
 * On the pupil's "Attendance and provision" tab (case roles): the reduced timetable running now,
 * with its dates, hours, return plan, agreement, local authority and reviews, and the lead's
 * actions; past timetables; education elsewhere; and safeguarding visits.
 */
import {
  AGREEMENT_HOW_LABELS,
  pupilProvisionResponse,
  TIMETABLE_ENDING_LABELS,
  type PupilProvisionResponse,
  type TimetableView,
} from '@tandem/core';
import { useState } from 'react';
import { useResource } from '../api/useResource';
import type { SessionSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { Loading, NotificationBanner, SummaryList, Tag } from '../components/Page';
import { LoadError } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { ElsewhereSection } from './ElsewhereSection';
import { newTimetablePage, pupilProvisionApi, sessionsWords, weekWords } from './provisionApi';
import { TimetableActions } from './TimetableActions';
import { VisitsSection } from './VisitsSection';
import './provision.css';

export function PupilProvision({
  school,
  pupilId,
  pupilName,
}: {
  school: SessionSchool;
  pupilId: string;
  pupilName: string;
}) {
  const { resource, reload } = useResource(pupilProvisionApi(school.id, pupilId), pupilProvisionResponse);
  const [message, setMessage] = useState<{ title: string; at: number } | null>(null);
  const done = (title: string) => {
    setMessage({ title, at: Date.now() });
    reload();
  };
  return (
    <>
      {message !== null && <NotificationBanner key={message.at} kind="success" title={message.title} />}
      {resource.status === 'loading' && <Loading what="Loading the reduced timetable and provision" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          <TimetableSection schoolId={school.id} pupilName={pupilName} data={resource.data} onDone={done} />
          <ElsewhereSection schoolId={school.id} pupilName={pupilName} data={resource.data} onDone={done} />
          <VisitsSection schoolId={school.id} pupilName={pupilName} data={resource.data} onDone={done} />
        </>
      )}
    </>
  );
}

function TimetableSection({
  schoolId,
  pupilName,
  data,
  onDone,
}: {
  schoolId: string;
  pupilName: string;
  data: PupilProvisionResponse;
  onDone: (title: string) => void;
}) {
  const t = data.active;
  return (
    <section className="section" aria-labelledby="timetable-title">
      <h3 className="heading-m" id="timetable-title">
        Reduced timetable
      </h3>
      {t === null ? (
        <>
          <p>{pupilName} is not on a reduced timetable.</p>
          {data.canManage && (
            <p>
              <Link to={newTimetablePage(schoolId, data.pupilId)} className="button button--secondary">
                Record a reduced timetable
              </Link>
            </p>
          )}
        </>
      ) : (
        <div className={t.pastEnd ? 'provision-card provision-card--alert' : 'provision-card'}>
          <p>
            <Tag tone={t.pastEnd ? 'red' : 'blue'}>{t.pastEnd ? 'Past its end date' : 'Running'}</Tag>{' '}
            {weekWords(t.weeksSoFar)}. Record missed sessions with attendance code C2.
          </p>
          <TimetableDetails t={t} />
          {data.canManage && <TimetableActions schoolId={schoolId} pupilId={data.pupilId} t={t} onDone={onDone} />}
        </div>
      )}
      {data.past.length > 0 && (
        <>
          <h4 className="heading-s">Earlier reduced timetables</h4>
          <ul className="provision-list">
            {data.past.map((p) => (
              <li key={p.id} className="provision-list__item">
                <p>
                  {formatIsoDay(p.startOn)} to {formatIsoDay(p.endedOn ?? p.endOn)}: {p.hours}
                </p>
                <p className="hint">
                  {p.ending === null ? 'Ended' : TIMETABLE_ENDING_LABELS[p.ending]}
                  {p.endingNote === null ? '' : `. ${p.endingNote}`}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function TimetableDetails({ t }: { t: TimetableView }) {
  const held = t.reviews.filter((r) => r.heldOn !== null);
  const due = t.reviews.filter((r) => r.heldOn === null);
  return (
    <>
      <SummaryList
        rows={[
          { key: 'hours', label: 'Hours in school', value: `${t.hours} (${sessionsWords(t.sessionsPerWeek)})` },
          {
            key: 'dates',
            label: 'Dates',
            value: `${formatIsoDay(t.startOn)} to ${formatIsoDay(t.endOn)}`,
          },
          { key: 'why', label: 'Why', value: t.reason },
          ...(t.longerReason === null
            ? []
            : [{ key: 'longer', label: 'Why longer than six weeks', value: t.longerReason }]),
          { key: 'return', label: 'Plan back to full time', value: t.returnPlan },
          {
            key: 'agreed',
            label: 'Parents’ agreement',
            value: `${t.parentsAgreedBy}, ${formatIsoDay(t.parentsAgreedOn)}, ${AGREEMENT_HOW_LABELS[t.parentsAgreedHow].toLowerCase()}`,
          },
          {
            key: 'la',
            label: 'Local authority told',
            value:
              t.laToldOn === null ? (
                <Tag tone="yellow">Not yet</Tag>
              ) : (
                `${formatIsoDay(t.laToldOn)}${t.laToldBy === null ? '' : ` by ${t.laToldBy}`}`
              ),
          },
          { key: 'lead', label: 'Lead', value: t.leadName },
        ]}
      />
      <h4 className="heading-s">Reviews</h4>
      {t.reviews.length === 0 ? (
        <p>No reviews booked. Record a review or change the details to book one.</p>
      ) : (
        <ul className="provision-list">
          {due.map((r) => (
            <li key={r.id} className="provision-list__item">
              <p>
                Due {formatIsoDay(r.dueOn)} {r.dueOn === t.nextReviewOn && <Tag tone="blue">Next</Tag>}
              </p>
            </li>
          ))}
          {held.map((r) => (
            <li key={r.id} className="provision-list__item">
              <p>
                Held {formatIsoDay(r.heldOn ?? r.dueOn)}
                {r.heldByName === null ? '' : ` by ${r.heldByName}`}
              </p>
              {r.outcome !== null && <p className="hint">{r.outcome}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
