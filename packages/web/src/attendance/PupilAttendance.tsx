/**
 * On a pupil's case record: their attendance over time as the MIS recorded it. A line chart of each
 * week's percentage (loaded on demand), with the same numbers in a table beneath it (the table is
 * the truth), the totals for each term, the session codes that matter (part-time timetable,
 * medical, taught elsewhere, unexplained), and a CSV of every week.
 */
import {
  ATTENDANCE_CODE_GROUP_LABELS,
  pupilAttendanceResponse,
  type AttendanceWeek,
  type PupilAttendanceResponse,
} from '@tandem/core';
import { lazy, Suspense, useState } from 'react';
import { apiGet, apiGetFile, withQuery } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, type SessionSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { DownloadButton } from '../components/DownloadButton';
import { Button } from '../components/Form';
import { Loading } from '../components/Page';
import { Table } from '../components/Table';
import { useAction } from '../components/useAction';
import { LoadError } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { attendanceImportPage, percentText, pupilAttendanceApi } from './attendanceApi';

const AttendanceChart = lazy(() => import('./AttendanceChart'));

export function PupilAttendance({
  school,
  pupilId,
  pupilName,
}: {
  school: SessionSchool;
  pupilId: string;
  pupilName: string;
}) {
  const api = pupilAttendanceApi(school.id, pupilId);
  const { resource, reload } = useResource(api, pupilAttendanceResponse);
  return (
    <section className="section" aria-labelledby="attendance-title">
      <h3 className="heading-m" id="attendance-title">
        Attendance
      </h3>
      {resource.status === 'loading' && <Loading what="Loading attendance" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.weeks.length === 0 ? (
          <p>
            No attendance imported yet. The attendance officer imports it from the MIS:{' '}
            {schoolCan(school, 'attendance.import') ? (
              <Link to={attendanceImportPage(school.id)}>Attendance import</Link>
            ) : (
              'Attendance import'
            )}
            .
          </p>
        ) : (
          <Attendance key={api} api={api} first={resource.data} pupilName={pupilName} />
        ))}
    </section>
  );
}

function Attendance({ api, first, pupilName }: { api: string; first: PupilAttendanceResponse; pupilName: string }) {
  // Older weeks are added below the first year's as they are asked for.
  const [pages, setPages] = useState<PupilAttendanceResponse[]>([first]);
  const more = useAction();
  const last = pages[pages.length - 1] ?? first;
  const weeks = pages.flatMap((p) => p.weeks);
  const loadOlder = async () => {
    const before = last.olderBefore;
    if (before === null) return;
    await more.run(async () => {
      const older = await apiGet(withQuery(api, { before }), pupilAttendanceResponse);
      setPages((p) => [...p, older]);
    });
  };
  const latest = first.terms[0];
  return (
    <>
      {latest !== undefined && (
        <p className="lead">
          {latest.label}: {percentText(latest.percent)} attended ({latest.attended} of {latest.possible} sessions).
        </p>
      )}
      <Suspense fallback={<Loading what="Loading the chart" />}>
        <AttendanceChart weeks={first.weeks} pupilName={pupilName} describedBy="attendance-weeks" />
      </Suspense>
      <Terms data={first} />
      <Codes data={first} />
      {/* Every week is a long list on a phone: it opens on demand, as the chart shows the same. */}
      <details className="details">
        <summary className="details__summary">
          Attendance each week ({weeks.length} {weeks.length === 1 ? 'week' : 'weeks'})
        </summary>
        <div className="details__text">
          <WeekTable weeks={weeks} />
          {last.olderBefore !== null && (
            <p>
              {more.problem !== null && (
                <span className="error-text block" role="alert">
                  {more.problem}
                </span>
              )}
              <Button variant="secondary" busy={more.busy} busyText="Loading…" onClick={() => void loadOlder()}>
                Show older weeks
              </Button>
            </p>
          )}
        </div>
      </details>
      <DownloadButton busyText="Preparing…" getFile={() => apiGetFile(`${api}.csv`, 'attendance.csv')}>
        Download every week (CSV)
      </DownloadButton>
    </>
  );
}

function Terms({ data }: { data: PupilAttendanceResponse }) {
  return (
    <Table
      caption="Attendance by term"
      rows={data.terms}
      rowKey={(t) => t.key}
      columns={[
        { key: 'term', header: 'Term', label: 'Term', cell: (t) => t.label },
        { key: 'weeks', header: 'Weeks', label: 'Weeks', numeric: true, cell: (t) => t.weeks },
        { key: 'percent', header: 'Attended', label: 'Attended', numeric: true, cell: (t) => percentText(t.percent) },
        {
          key: 'sessions',
          header: 'Sessions attended',
          label: 'Sessions attended',
          numeric: true,
          cell: (t) => `${t.attended} of ${t.possible}`,
        },
        {
          key: 'auth',
          header: 'Authorised absence',
          label: 'Authorised absence',
          numeric: true,
          cell: (t) => t.authorised,
        },
        {
          key: 'unauth',
          header: 'Unauthorised absence',
          label: 'Absence not authorised',
          numeric: true,
          cell: (t) => t.unauthorised,
        },
      ]}
    />
  );
}

function Codes({ data }: { data: PupilAttendanceResponse }) {
  if (data.markedSessions === 0) {
    return <p className="secondary-text">No session marks have been imported for these weeks, only weekly totals.</p>;
  }
  return (
    <Table
      caption={`Session marks in these weeks (${data.markedSessions} sessions marked)`}
      rows={data.codes}
      rowKey={(c) => c.group}
      columns={[
        { key: 'what', header: 'Marked as', label: 'Marked as', cell: (c) => ATTENDANCE_CODE_GROUP_LABELS[c.group] },
        { key: 'n', header: 'Sessions', label: 'Sessions', numeric: true, cell: (c) => c.sessions },
      ]}
    />
  );
}

function WeekTable({ weeks }: { weeks: readonly AttendanceWeek[] }) {
  return (
    <div id="attendance-weeks">
      <Table
        caption="Attendance each week, newest first"
        rows={weeks}
        rowKey={(w) => w.weekStart}
        columns={[
          {
            key: 'week',
            header: 'Week beginning',
            label: 'Week beginning',
            nowrap: true,
            cell: (w) => formatIsoDay(w.weekStart),
          },
          { key: 'percent', header: 'Attended', label: 'Attended', numeric: true, cell: (w) => percentText(w.percent) },
          { key: 'possible', header: 'Possible', label: 'Possible sessions', numeric: true, cell: (w) => w.possible },
          { key: 'attended', header: 'Present', label: 'Sessions attended', numeric: true, cell: (w) => w.attended },
          { key: 'auth', header: 'Authorised', label: 'Authorised absence', numeric: true, cell: (w) => w.authorised },
          {
            key: 'unauth',
            header: 'Unauthorised',
            label: 'Absence not authorised',
            numeric: true,
            cell: (w) => w.unauthorised,
          },
        ]}
      />
    </div>
  );
}
