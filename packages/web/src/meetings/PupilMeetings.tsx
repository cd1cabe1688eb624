/** Meetings on the pupil's page (case team): each meeting, and "Record a meeting". */
import { MEETING_KIND_LABELS, meetingListResponse } from '@tandem/core';
import { useResource } from '../api/useResource';
import type { SessionSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { countOf } from '../components/format';
import { Loading, Tag } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError } from '../errors/ErrorPages';
import { mayWritePlans } from '../plans/plansApi';
import { Link } from '../router/router';
import { meetingPage, newMeetingPage, pupilMeetingsApi } from './meetingsApi';
import { MeetingStatusTag } from './MeetingPage';

export function PupilMeetingsSection({
  school,
  pupil,
}: {
  school: SessionSchool;
  pupil: { id: string; name: string; first: string };
}) {
  const { resource, reload } = useResource(pupilMeetingsApi(school.id, pupil.id), meetingListResponse);
  const write = mayWritePlans(school);
  const button = write && (
    <p>
      <Link to={newMeetingPage(school.id, pupil.id)} className="button button--secondary">
        Record a meeting<span className="visually-hidden"> about {pupil.name}</span>
      </Link>
    </p>
  );
  return (
    <section aria-labelledby="pupil-meetings-title">
      <h3 className="heading-m" id="pupil-meetings-title">
        Meetings
      </h3>
      {resource.status === 'loading' && <Loading what="Loading meetings" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.meetings.length === 0 ? (
          <div className="empty-state">
            <p>No meetings have been recorded for {pupil.first}.</p>
            <p>
              Record mental health review meetings and meetings with parents here: who came, what was said, and the next
              steps agreed. You can plan a meeting first and add the notes afterwards.
            </p>
            {button}
          </div>
        ) : (
          <>
            <p className="count">{countOf(resource.data.meetings.length, 'meeting')}</p>
            <Table
              caption={`Meetings about ${pupil.name}, newest first`}
              captionHidden
              rows={[...resource.data.meetings].sort((a, b) => b.heldAt.localeCompare(a.heldAt))}
              rowKey={(m) => m.id}
              columns={[
                {
                  key: 'kind',
                  header: 'Meeting',
                  label: 'Meeting',
                  cell: (m) => (
                    <Link to={meetingPage(school.id, m.id)}>
                      {MEETING_KIND_LABELS[m.kind]}
                      <span className="visually-hidden">, {formatDateTime(m.heldAt)}</span>
                    </Link>
                  ),
                },
                {
                  key: 'when',
                  header: 'When',
                  label: 'When',
                  nowrap: true,
                  cell: (m) => <time dateTime={m.heldAt}>{formatDateTime(m.heldAt)}</time>,
                },
                { key: 'place', header: 'Where', label: 'Where', cell: (m) => m.place },
                {
                  key: 'status',
                  header: 'Status',
                  label: 'Status',
                  cell: (m) => <MeetingStatusTag status={m.status} />,
                },
                {
                  key: 'steps',
                  header: 'Next steps to do',
                  label: 'Next steps to do',
                  cell: (m) =>
                    m.nextSteps === 0 ? (
                      <span className="secondary-text">None agreed</span>
                    ) : m.openNextSteps === 0 ? (
                      <Tag tone="green">All done</Tag>
                    ) : (
                      `${String(m.openNextSteps)} of ${String(m.nextSteps)}`
                    ),
                },
              ]}
            />
            {button}
          </>
        ))}
    </section>
  );
}
