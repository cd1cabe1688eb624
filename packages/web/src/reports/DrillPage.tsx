/**
 * The pupils behind one number of the school's picture: which figure, which row, which days and
 * pupils, then the pupils themselves, each linking to their page. Only roles allowed to see these
 * pupils get here (the server decides and records each look in the audit trail).
 */
import { drillResponse, yearGroupLabel } from '@tandem/core';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { countOf } from '../components/format';
import { LevelBadge } from '../components/LevelBadge';
import { BackLink, Loading, PageTitle, SummaryList } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { pupilPage } from '../pupils/pupilsApi';
import { Link, useSearchParams } from '../router/router';
import { drillApi, mayViewSchoolReports, pupilsInWords, readFilters, reportsPage } from './reportsApi';
import './reports.css';

export function DrillPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayViewSchoolReports(school);
  const params = useSearchParams();
  const filters = { ...readFilters(params), version: 'leads' as const };
  const figure = params.get('figure') ?? '';
  const row = params.get('row') ?? '';
  const asked = figure !== '' && row !== '';
  const { resource, reload } = useResource(
    allowed && asked ? drillApi(schoolId, filters, figure, row) : null,
    drillResponse,
  );
  if (school === undefined || !allowed || !asked) return <NotFoundPage />;
  const back = reportsPage(schoolId, filters);
  return (
    <div className="report">
      <BackLink to={back}>Back to the school’s picture</BackLink>
      <PageTitle caption={school.name}>The pupils behind a number</PageTitle>
      {resource.status === 'loading' && <Loading what="Finding the pupils" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          <SummaryList
            rows={[
              { key: 'figure', label: 'Figure', value: resource.data.figure.title },
              { key: 'row', label: 'Row', value: resource.data.row.label },
              { key: 'days', label: 'Days', value: resource.data.scope.label },
              { key: 'pupils', label: 'Pupils', value: pupilsInWords(resource.data.scope) },
            ]}
          />
          <p className="secondary-text">
            Looking at this list is recorded in the school’s audit trail. Keep what you see to those who need to know.
          </p>
          {resource.data.pupils.length === 0 ? (
            <div className="prose">
              <p>No pupils are behind this number now.</p>
              <p>
                The records may have changed since the figures were worked out.{' '}
                <Link to={back}>Go back to the school’s picture</Link> to see the figures again.
              </p>
            </div>
          ) : (
            <>
              <p className="count" role="status">
                {countOf(resource.data.pupils.length, 'pupil')}
              </p>
              <Table
                caption={`Pupils: ${resource.data.figure.title}, ${resource.data.row.label}`}
                captionHidden
                rows={resource.data.pupils}
                rowKey={(p) => p.id}
                columns={[
                  {
                    key: 'name',
                    header: 'Name',
                    label: 'Name',
                    cell: (p) => <Link to={pupilPage(schoolId, p.id)}>{p.name}</Link>,
                  },
                  { key: 'year', header: 'Year group', label: 'Year group', cell: (p) => yearGroupLabel(p.yearGroup) },
                  { key: 'form', header: 'Form', label: 'Form', cell: (p) => (p.form === '' ? '–' : p.form) },
                  { key: 'level', header: 'Level now', label: 'Level now', cell: (p) => <LevelBadge code={p.level} /> },
                ]}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
