/**
 * The school's picture: levels, concerns, interventions, referrals and what is overdue, each figure
 * as a chart and a table, for the days and pupils chosen in the filters (kept in the address).
 * Leads see every number and, where allowed, the pupils behind one; the governors' version shows
 * counts only and prints as a PDF.
 */
import { schoolReportResponse, type ReportVersion } from '@tandem/core';
import { apiGetFile } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { DownloadButton } from '../components/DownloadButton';
import { Loading, PageTitle } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { schoolPage } from '../pupils/pupilsApi';
import { Link, useSearchParams } from '../router/router';
import { FigureCard, FigureSections, SectionContents } from './FigureCard';
import { ReportFiltersForm } from './ReportFiltersForm';
import {
  drillPage,
  fileSlug,
  mayViewSchoolReports,
  readFilters,
  reportsPage,
  schoolCsvApi,
  schoolPdfApi,
  schoolReportApi,
  termlyListPage,
} from './reportsApi';
import { HiddenCellsNote, ScopeSummary } from './ScopeSummary';
import { VersionSwitch, versionWords } from './VersionSwitch';
import './reports.css';

export function SchoolReportPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayViewSchoolReports(school);
  const params = useSearchParams();
  const filters = readFilters(params);
  const { resource, reload } = useResource(allowed ? schoolReportApi(schoolId, filters) : null, schoolReportResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;

  const refused =
    resource.status === 'error' && (resource.error.code === 'bad_request' || resource.error.code === 'validation')
      ? resource.error
      : null;
  const data = resource.status === 'ready' ? resource.data : null;
  const hrefFor = (version: ReportVersion) => reportsPage(schoolId, { ...filters, version });
  const csvOf = (figure?: { key: string; title: string }) => () =>
    apiGetFile(
      schoolCsvApi(schoolId, filters, figure?.key),
      figure === undefined ? 'school-report.csv' : `${fileSlug(figure.title)}.csv`,
    );

  return (
    <div className="report">
      <PageTitle caption={school.name}>The school’s picture</PageTitle>
      <p className="lead">
        Who is at which level, what is working and where pupils wait, from the school’s own records. Choose the days and
        pupils below; the address of this page keeps your choice, so you can share it.
      </p>
      <VersionSwitch current={filters.version} hrefFor={hrefFor} />
      <p className="report-version-words">{versionWords(filters.version)}</p>
      <ul className="report-actions" aria-label="Print and download">
        <li>
          <a className="button button--secondary" href={schoolPdfApi(schoolId, filters)} type="application/pdf">
            Print for governors (PDF)
          </a>
        </li>
        {data !== null && data.figures.length > 0 && (
          <li>
            <DownloadButton busyText="Making the file…" getFile={csvOf()}>
              Download all figures (CSV)
            </DownloadButton>
          </li>
        )}
        <li className="report-actions__link">
          <Link to={termlyListPage(schoolId)}>Termly reports</Link>
        </li>
      </ul>
      <ReportFiltersForm
        key={params.toString()}
        initial={filters}
        yearGroups={data?.yearGroups ?? []}
        refusal={refused}
      />
      {resource.status === 'loading' && <Loading what="Working out the figures" />}
      {resource.status === 'error' && refused === null && <LoadError error={resource.error} onRetry={reload} />}
      {data !== null && (
        <>
          <ScopeSummary scope={data.scope} generatedAt={data.generatedAt} />
          {data.figures.length === 0 ? (
            <div className="prose">
              <p>There are no figures yet.</p>
              {schoolCan(school, 'pupil.import') ? (
                <p>
                  Start by <Link to={`${schoolPage(schoolId)}/import`}>importing the pupil list</Link>. The figures fill
                  in as staff record levels, concerns, interventions and referrals.
                </p>
              ) : (
                <p>
                  The figures fill in once the pupil list is imported and staff record levels, concerns, interventions
                  and referrals.
                </p>
              )}
            </div>
          ) : (
            <>
              {data.version === 'governors' && <HiddenCellsNote />}
              <SectionContents sections={data.figures.map((f) => f.section)} />
              <FigureSections
                figures={data.figures}
                render={(f) => (
                  <FigureCard
                    figure={f}
                    drillTo={
                      data.mayDrill
                        ? (row) => drillPage(schoolId, { ...filters, version: 'leads' }, f.key, row)
                        : undefined
                    }
                    csv={csvOf(f)}
                  />
                )}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
