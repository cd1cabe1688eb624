/**
 * The lead's view of interventions this school year: how many pupils each served, who waits and for
 * how long, attendance, and the share with a reliable improvement. A table (with CSV export) and a
 * chart of the same numbers.
 */
import { outcomesReportSchema, type OutcomesReport } from '@tandem/core';
import { apiGetFile } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { DownloadButton } from '../components/DownloadButton';
import { BackLink, Loading, PageTitle } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { interventionsPage, mayReadOutcomes, outcomesApi } from './interventionsApi';
import { improvementWords, OutcomesChart } from './OutcomesChart';
import './interventions.css';

type Row = OutcomesReport['rows'][number];

const days = (n: number | null) => (n === null ? 'None yet' : `${String(n)} ${n === 1 ? 'day' : 'days'}`);
const percent = (n: number | null) => (n === null ? 'No sessions yet' : `${String(Math.round(n * 100))}%`);

export function OutcomesPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayReadOutcomes(school);
  const { resource, reload } = useResource(allowed ? outcomesApi(schoolId) : null, outcomesReportSchema);
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <div className="interventions">
      <BackLink to={interventionsPage(school.id)}>Back to interventions</BackLink>
      <PageTitle caption={school.name}>Intervention outcomes</PageTitle>
      {resource.status === 'loading' && <Loading what="Loading outcomes" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <Report schoolId={school.id} report={resource.data} />}
    </div>
  );
}

function Report({ schoolId, report }: { schoolId: string; report: OutcomesReport }) {
  const rows: Row[] = [...report.rows, report.school];
  return (
    <>
      <p className="lead">
        Since <time dateTime={report.since}>{formatIsoDay(report.since)}</time>, the start of the school year. Waits run
        from the day a place was asked for to the day it started.
      </p>
      {report.rows.length === 0 && (
        <p className="empty-state">
          No interventions yet. Add them on the Interventions page; their numbers appear here as pupils join and finish.
        </p>
      )}
      <h2 className="heading-m">By intervention, with the whole school last</h2>
      <div id="outcomes-table">
        <Table
          caption="Outcomes by intervention, with the whole school last"
          captionHidden
          rows={rows}
          rowKey={(r) => r.interventionId ?? 'school'}
          columns={[
            {
              key: 'name',
              header: 'Intervention',
              label: 'Intervention',
              cell: (r) => (r.interventionId === null ? <strong>{r.name}</strong> : r.name),
            },
            {
              key: 'served',
              header: 'Served this year',
              label: 'Served this year',
              numeric: true,
              cell: (r) => r.servedThisYear,
            },
            { key: 'waiting', header: 'Waiting now', label: 'Waiting now', numeric: true, cell: (r) => r.waitingNow },
            {
              key: 'median',
              header: 'Median wait',
              label: 'Median wait',
              numeric: true,
              cell: (r) => days(r.medianWaitDays),
            },
            {
              key: 'longest',
              header: 'Longest wait',
              label: 'Longest wait',
              numeric: true,
              cell: (r) => days(r.longestWaitDays),
            },
            {
              key: 'attendance',
              header: 'Attendance',
              label: 'Attendance',
              numeric: true,
              cell: (r) => percent(r.attendanceRate),
            },
            {
              key: 'improvement',
              header: 'Reliable improvement',
              // Shorter when stacked on a phone, so the word is not broken.
              label: 'Reliably improved',
              cell: improvementWords,
            },
          ]}
        />
      </div>
      <DownloadButton
        busyText="Making the file…"
        getFile={() => apiGetFile(`${outcomesApi(schoolId)}.csv`, 'intervention-outcomes.csv')}
      >
        Download as a spreadsheet (CSV)
      </DownloadButton>
      <OutcomesChart rows={report.rows} describedBy="outcomes-table" />
    </>
  );
}
