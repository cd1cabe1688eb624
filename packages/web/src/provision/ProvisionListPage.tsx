/**
 * Every pupil on a reduced timetable or taught elsewhere (head, SMHL, DSL team): the hours or the
 * place, since when, the end date, how many weeks so far, any running past its end, and the next
 * review. Never why: that is on the pupil's record for the case team.
 */
import { provisionListResponse, type ProvisionListRow } from '@tandem/core';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { countOf } from '../components/format';
import { PageTitle, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { Table } from '../components/Table';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { pupilPage, yearAndForm } from '../pupils/pupilsApi';
import { provisionListApi, provisionTab, weekWords } from './provisionApi';
import './provision.css';

const TITLE = 'Reduced timetables and education elsewhere';

export function ProvisionListPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'provision.viewSchool');
  const mayOpen = schoolCan(school, 'pupil.readCase');
  const { resource, reload } = useResource(allowed ? provisionListApi(schoolId) : null, provisionListResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: TITLE,
      caption: school.name,
      loading: 'Loading the list',
      onRetry: reload,
    });
  }
  const { rows, counts } = resource.data;
  const timetables = rows.filter((r) => r.what === 'timetable');
  const elsewhere = rows.filter((r) => r.what === 'provision');
  const name = (r: ProvisionListRow) =>
    mayOpen ? (
      <Link to={provisionTab(schoolId, r.pupilId)}>{r.name}</Link>
    ) : (
      <Link to={pupilPage(schoolId, r.pupilId)}>{r.name}</Link>
    );
  return (
    <div className="provision">
      <PageTitle caption={school.name}>{TITLE}</PageTitle>
      <p className="lead">
        A reduced timetable is exceptional and short: six weeks at most unless there is a reason, with a plan back to
        full time. Record it from the pupil&rsquo;s record, on the &ldquo;Attendance and provision&rdquo; tab.
      </p>
      <h2 className="heading-m">Reduced timetables</h2>
      {timetables.length === 0 ? (
        <p>No pupil is on a reduced timetable. To record one, open the pupil&rsquo;s record.</p>
      ) : (
        <>
          <p className="count">
            {countOf(counts.timetables, 'pupil')} on a reduced timetable
            {counts.pastEnd > 0 ? `, ${String(counts.pastEnd)} past the end date` : ''}
          </p>
          <Table
            caption="Pupils on a reduced timetable, soonest end first"
            captionHidden
            rows={timetables}
            rowKey={(r) => r.pupilId}
            columns={[
              { key: 'name', header: 'Pupil', label: 'Pupil', cell: name },
              {
                key: 'year',
                header: 'Year and form',
                label: 'Year and form',
                cell: (r) => yearAndForm(r),
                nowrap: true,
              },
              { key: 'hours', header: 'Hours in school', label: 'Hours in school', cell: (r) => r.detail },
              { key: 'start', header: 'Started', label: 'Started', cell: (r) => formatIsoDay(r.startOn), nowrap: true },
              {
                key: 'end',
                header: 'Ends',
                label: 'Ends',
                cell: (r) => (
                  <>
                    {r.endOn === null ? '' : formatIsoDay(r.endOn)} {r.pastEnd && <Tag tone="red">Past its end</Tag>}
                  </>
                ),
              },
              {
                key: 'weeks',
                header: 'How long',
                label: 'How long',
                cell: (r) => weekWords(r.weeksSoFar),
                nowrap: true,
              },
              {
                key: 'review',
                header: 'Next review',
                label: 'Next review',
                cell: (r) => (r.nextReviewOn === null ? 'None booked' : formatIsoDay(r.nextReviewOn)),
                nowrap: true,
              },
            ]}
          />
        </>
      )}
      <h2 className="heading-m">Taught elsewhere</h2>
      {elsewhere.length === 0 ? (
        <p>No pupil is taught elsewhere now. Record it from the pupil&rsquo;s record.</p>
      ) : (
        <>
          <p className="count">{countOf(counts.elsewhere, 'pupil')} taught elsewhere</p>
          <Table
            caption="Pupils taught elsewhere"
            captionHidden
            rows={elsewhere}
            rowKey={(r) => `${r.pupilId}-${r.detail}`}
            columns={[
              { key: 'name', header: 'Pupil', label: 'Pupil', cell: name },
              {
                key: 'year',
                header: 'Year and form',
                label: 'Year and form',
                cell: (r) => yearAndForm(r),
                nowrap: true,
              },
              { key: 'where', header: 'Where', label: 'Where', cell: (r) => r.detail },
              { key: 'start', header: 'Since', label: 'Since', cell: (r) => formatIsoDay(r.startOn), nowrap: true },
              {
                key: 'weeks',
                header: 'How long',
                label: 'How long',
                cell: (r) => weekWords(r.weeksSoFar),
                nowrap: true,
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
