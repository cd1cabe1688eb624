/**
 * Termly reports: the school's figures prepared at the end of each term, newest first, and when
 * the next one will be ready. Each opens as a report (TermlyReportPage) with its PDF.
 */
import { termlyReportListResponse } from '@tandem/core';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatDate, formatIsoDay } from '../components/dates';
import { BackLink, Loading, PageTitle } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { mayViewSchoolReports, reportsPage, termlyListApi, termlyPage } from './reportsApi';
import './reports.css';

export function TermlyReportsPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayViewSchoolReports(school);
  const { resource, reload } = useResource(allowed ? termlyListApi(schoolId) : null, termlyReportListResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <div className="report">
      <BackLink to={reportsPage(schoolId)}>Back to the school’s picture</BackLink>
      <PageTitle caption={school.name}>Termly reports</PageTitle>
      <p className="lead">
        At the end of each term Tandem prepares a report of the school’s figures for that term, and e-mails the
        headteacher and the Senior Mental Health Lead a link to it. Each has a governors’ version to print.
      </p>
      {resource.status === 'loading' && <Loading what="Loading the termly reports" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          <p className="inset-text">
            The next report, for {resource.data.next.label}, will be prepared on{' '}
            {formatIsoDay(resource.data.next.preparedOn)}.
          </p>
          {resource.data.reports.length === 0 ? (
            <div className="prose">
              <p>No termly reports yet: the first is prepared when this term ends.</p>
              <p>
                Until then, <Link to={reportsPage(schoolId)}>see this term’s figures in the school’s picture</Link>.
              </p>
            </div>
          ) : (
            <Table
              caption="Termly reports, newest first"
              captionHidden
              rows={resource.data.reports}
              rowKey={(r) => r.termKey}
              columns={[
                {
                  key: 'term',
                  header: 'Term',
                  label: 'Term',
                  cell: (r) => <Link to={termlyPage(schoolId, r.termKey)}>{r.label}</Link>,
                },
                {
                  key: 'days',
                  header: 'Days covered',
                  label: 'Days covered',
                  cell: (r) => `${formatIsoDay(r.from)} to ${formatIsoDay(r.to)}`,
                },
                { key: 'prepared', header: 'Prepared', label: 'Prepared', cell: (r) => formatDate(r.preparedAt) },
              ]}
            />
          )}
        </>
      )}
    </div>
  );
}
