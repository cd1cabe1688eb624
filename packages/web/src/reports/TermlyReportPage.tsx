/**
 * One termly report: the school's figures as they were prepared at the end of the term, drawn with
 * the same figures as the school's picture (no pupils listed from it), in the leads' or the
 * governors' version, with its PDF.
 */
import { termlyReportResponse, type ReportVersion } from '@tandem/core';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatDateTime, formatIsoDay } from '../components/dates';
import { BackLink, Loading, PageTitle, SummaryList } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { useSearchParams } from '../router/router';
import { FigureCard, FigureSections, SectionContents } from './FigureCard';
import { mayViewSchoolReports, termlyApi, termlyListPage, termlyPage, termlyPdfApi } from './reportsApi';
import { HiddenCellsNote } from './ScopeSummary';
import { VersionSwitch, versionWords } from './VersionSwitch';
import './reports.css';

export function TermlyReportPage({ schoolId, termKey }: { schoolId: string; termKey: string }) {
  const school = useSchool(schoolId);
  const allowed = mayViewSchoolReports(school);
  const params = useSearchParams();
  const version: ReportVersion = params.get('version') === 'governors' ? 'governors' : 'leads';
  const { resource, reload } = useResource(
    allowed ? termlyApi(schoolId, termKey, version) : null,
    termlyReportResponse,
  );
  if (school === undefined || !allowed) return <NotFoundPage />;
  const data = resource.status === 'ready' ? resource.data : null;
  return (
    <div className="report">
      <BackLink to={termlyListPage(schoolId)}>Back to termly reports</BackLink>
      <PageTitle caption={`${school.name}: termly report`} title={data?.label ?? 'Termly report'}>
        {data?.label ?? 'Termly report'}
      </PageTitle>
      <VersionSwitch current={version} hrefFor={(v) => termlyPage(schoolId, termKey, v)} />
      <p className="report-version-words">{versionWords(version)}</p>
      <ul className="report-actions" aria-label="Print">
        <li>
          <a className="button button--secondary" href={termlyPdfApi(schoolId, termKey)} type="application/pdf">
            Print for governors (PDF)
          </a>
        </li>
      </ul>
      {resource.status === 'loading' && <Loading what="Loading the report" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {data !== null && (
        <>
          <SummaryList
            rows={[
              { key: 'days', label: 'Days', value: `${formatIsoDay(data.from)} to ${formatIsoDay(data.to)}` },
              { key: 'pupils', label: 'Pupils', value: 'All pupils' },
              { key: 'prepared', label: 'Prepared', value: formatDateTime(data.preparedAt) },
            ]}
          />
          {data.figures.length === 0 ? (
            <p>This report has no figures: the school had no pupils on roll that term.</p>
          ) : (
            <>
              {data.version === 'governors' && <HiddenCellsNote />}
              <SectionContents sections={data.figures.map((f) => f.section)} />
              <FigureSections figures={data.figures} render={(f) => <FigureCard figure={f} />} />
            </>
          )}
        </>
      )}
    </div>
  );
}
