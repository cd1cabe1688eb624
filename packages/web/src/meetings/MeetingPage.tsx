/**
 * One meeting: when and where, who came, the aims and notes, and the next steps agreed, each with
 * who will do it and by when. A planned meeting can be changed and marked as held; next steps can
 * be marked as done, with a note.
 */
import {
  ATTENDEE_KIND_LABELS,
  meetingDetailResponse,
  MEETING_STATUS_LABELS,
  PLAN_KIND_LABELS,
  type MeetingStatus,
} from '@tandem/core';
import { useState } from 'react';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatDateTime, formatRelative } from '../components/dates';
import { countOf } from '../components/format';
import {
  BackLink,
  FlashBanner,
  HelpNow,
  NotificationBanner,
  PageTitle,
  SummaryList,
  Tag,
  TagList,
} from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { Table } from '../components/Table';
import { NotFoundPage } from '../errors/ErrorPages';
import { mayWritePlans, planPage } from '../plans/plansApi';
import { pupilPage } from '../pupils/pupilsApi';
import { Link, useFlash } from '../router/router';
import { MeetingNextSteps } from './MeetingNextSteps';
import { editMeetingPage, meetingApi, meetingTitle } from './meetingsApi';
import '../plans/plans.css';

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  return <Tag tone={status === 'completed' ? 'green' : 'blue'}>{MEETING_STATUS_LABELS[status]}</Tag>;
}

export function MeetingPage({ schoolId, meetingId }: { schoolId: string; meetingId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.readList');
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? meetingApi(schoolId, meetingId) : null, meetingDetailResponse);
  const [done, setDone] = useState<{ title: string; text?: string; at: number } | null>(null);
  // Whether the meeting time has passed, judged when the page opens.
  const [openedAt] = useState(() => Date.now());
  if (school === undefined || !allowed) return <NotFoundPage />;

  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Meeting',
      caption: school.name,
      loading: 'Loading the meeting',
      onRetry: reload,
    });
  }
  const { meeting: m, nextSteps } = resource.data;
  const write = mayWritePlans(school);
  const changed = (title: string, text?: string) => {
    setDone(text === undefined ? { title, at: Date.now() } : { title, text, at: Date.now() });
    reload();
  };

  return (
    <>
      <BackLink to={pupilPage(school.id, m.pupilId)}>Back to {m.pupilName}&rsquo;s record</BackLink>
      {done !== null ? (
        <NotificationBanner key={done.at} kind="success" title={done.title}>
          {done.text !== undefined && <p>{done.text}</p>}
        </NotificationBanner>
      ) : (
        <FlashBanner flash={flash} />
      )}
      <PageTitle
        caption={formatDateTime(m.heldAt)}
        title={`${meetingTitle(m.kind, m.pupilName)}, ${formatDateTime(m.heldAt)}`}
      >
        {meetingTitle(m.kind, m.pupilName)}
      </PageTitle>
      <TagList label="Status">
        <li>
          <MeetingStatusTag status={m.status} />
        </li>
        {m.openNextSteps > 0 && (
          <li>
            <Tag tone="grey">{countOf(m.openNextSteps, 'next step')} to do</Tag>
          </li>
        )}
      </TagList>
      <SummaryList
        rows={[
          { key: 'pupil', label: 'Pupil', value: <Link to={pupilPage(school.id, m.pupilId)}>{m.pupilName}</Link> },
          {
            key: 'when',
            label: 'When',
            value: (
              <>
                <time dateTime={m.heldAt}>{formatDateTime(m.heldAt)}</time>{' '}
                <span className="secondary-text">({formatRelative(m.heldAt)})</span>
              </>
            ),
          },
          { key: 'where', label: 'Where', value: m.place },
          {
            key: 'status',
            label: 'Status',
            value:
              m.status === 'completed' ? (
                <>
                  {MEETING_STATUS_LABELS.completed}
                  {m.completedAt !== null && (
                    <span className="block secondary-text">
                      Marked as held {formatDateTime(m.completedAt)}
                      {m.completedByName !== null && `, by ${m.completedByName}`}
                    </span>
                  )}
                </>
              ) : (
                MEETING_STATUS_LABELS.planned
              ),
          },
          {
            key: 'plan',
            label: 'About a plan',
            value:
              m.plan === null ? (
                <span className="secondary-text">No</span>
              ) : (
                <Link to={planPage(school.id, m.plan.id)}>{PLAN_KIND_LABELS[m.plan.kind]}</Link>
              ),
          },
          { key: 'by', label: 'Recorded by', value: m.createdByName },
        ]}
      />
      {write && m.status === 'planned' && (
        <div className="call-to-action">
          <p>
            {Date.parse(m.heldAt) <= openedAt
              ? 'After the meeting, add the notes and next steps agreed, and mark it as held.'
              : 'You can change the details until the meeting is held.'}
          </p>
          <Link to={editMeetingPage(school.id, m.id)} className="button button--primary">
            Edit or mark as held
          </Link>
        </div>
      )}

      <h2 className="heading-m">Who came</h2>
      {m.attendees.length === 0 ? (
        <p className="secondary-text">No one listed.</p>
      ) : (
        <Table
          caption="People at the meeting"
          captionHidden
          rows={m.attendees.map((a, i) => ({ ...a, i }))}
          rowKey={(a) => `${a.name}-${String(a.i)}`}
          columns={[
            { key: 'name', header: 'Name', label: 'Name', cell: (a) => a.name },
            { key: 'kind', header: 'Who they are', label: 'Who they are', cell: (a) => ATTENDEE_KIND_LABELS[a.kind] },
            {
              key: 'role',
              header: 'Role',
              label: 'Role',
              cell: (a) => (a.role === '' ? <span className="secondary-text">Not given</span> : a.role),
            },
          ]}
        />
      )}
      <h2 className="heading-m">Aims</h2>
      {m.aims === '' ? <p className="secondary-text">None written.</p> : <p className="pre-line">{m.aims}</p>}
      <h2 className="heading-m">Notes</h2>
      {m.notes === '' ? (
        <p className="secondary-text">
          {m.status === 'planned' ? 'None yet: add them after the meeting.' : 'None written.'}
        </p>
      ) : (
        <div className="record-text pre-line">{m.notes}</div>
      )}
      <MeetingNextSteps school={school} meetingId={m.id} steps={nextSteps} write={write} onChanged={changed} />
      <HelpNow audience="staff" />
    </>
  );
}
