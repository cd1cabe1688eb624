/**
 * The trust view: the same figures for each school side by side and for the trust as a whole,
 * counts only, small numbers hidden on the server before they arrive. No pupil is ever named here.
 * Each figure is a table of schools (the trust's row last, in bold), a bar per school where that
 * helps, and its CSV.
 */
import { trustReportResponse, type TrustFigure } from '@tandem/core';
import { useId } from 'react';
import { apiGetFile } from '../api/client';
import { useResource } from '../api/useResource';
import { useTrust } from '../auth/session';
import { DownloadButton } from '../components/DownloadButton';
import { Loading, PageTitle } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useSearchParams } from '../router/router';
import { FigureSections, SectionContents } from './FigureCard';
import { FigureChart, type ChartSpec } from './FigureChart';
import { FigureTable, type TableRow } from './FigureTable';
import { ReportFiltersForm } from './ReportFiltersForm';
import { fileSlug, mayViewTrustReports, readFilters, trustCsvApi, trustReportApi } from './reportsApi';
import { HiddenCellsNote, ScopeSummary } from './ScopeSummary';
import './reports.css';

/**
 * The chart of a trust figure, where it helps: the schools side by side. One charted column: a bar
 * per school. A few (up to six) count columns: a stacked bar per school. Lines (months): a line per
 * school across the months. Otherwise none: the table says it all.
 */
function trustChart(figure: TrustFigure, schools: readonly TableRow[]): ChartSpec | null {
  if (figure.chart === null || schools.length < 2) return null;
  const drawn = figure.chart.columns.filter((k) => figure.columns.some((c) => c.key === k));
  if (drawn.length === 0) return null;
  // Mostly hidden (small numbers): a chart would show next to nothing, and the table says why.
  const cells = schools.flatMap((s) => drawn.map((k) => s.values[figure.columns.findIndex((c) => c.key === k)]));
  const hidden = cells.filter((v) => v !== undefined && v !== null && typeof v !== 'number').length;
  if (hidden * 2 > cells.length) return null;
  if (figure.chart.kind === 'line') {
    const indexes = drawn.map((k) => figure.columns.findIndex((c) => c.key === k));
    const unit = figure.columns[indexes[0] ?? 0]?.unit ?? 'count';
    const shown = schools.slice(0, 5);
    return {
      kind: 'line',
      draw: shown.map((s) => s.key),
      columns: shown.map((s) => ({ key: s.key, label: s.label, unit })),
      rows: drawn.map((k, i) => ({
        key: k,
        label: figure.columns[indexes[i] ?? 0]?.label ?? k,
        values: shown.map((s) => s.values[indexes[i] ?? 0] ?? null),
      })),
      reference: null,
      rowsAre: 'month',
      columnsAreNames: true,
    };
  }
  if (figure.chart.kind === 'stacked') return null;
  const counts = drawn.every((k) => figure.columns.find((c) => c.key === k)?.unit === 'count');
  if (drawn.length > 1 && (!counts || drawn.length > 6)) return null;
  return {
    kind: drawn.length > 1 ? 'stacked' : 'bar',
    draw: drawn,
    columns: figure.columns,
    rows: schools,
    reference: null,
    rowsAre: 'school',
  };
}

function TrustFigureCard({
  figure,
  csv,
}: {
  figure: TrustFigure;
  csv: () => Promise<{ blob: Blob; fileName: string }>;
}) {
  const id = useId();
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  const rows: TableRow[] = figure.rows.map((r) => ({ key: r.schoolId ?? 'trust', label: r.label, values: r.values }));
  const schools = rows.filter((r) => r.key !== 'trust');
  const trust = rows.find((r) => r.key === 'trust') ?? null;
  const chart = trustChart(figure, schools);
  return (
    <section className="report-figure" aria-labelledby={titleId}>
      <h3 className="heading-m report-figure__title" id={titleId}>
        {figure.title}
      </h3>
      <p className="report-figure__description">{figure.description}</p>
      {chart !== null && <FigureChart spec={chart} title={figure.title} describedBy={tableId} />}
      <div className="report-scroll" role="region" aria-label={`${figure.title}: the table`} tabIndex={0}>
        <FigureTable
          id={tableId}
          caption={`${figure.title}, by school`}
          rowHeading="School"
          columns={figure.columns}
          rows={schools}
          total={trust}
        />
      </div>
      <div className="report-figure__actions">
        <DownloadButton busyText="Making the file…" getFile={csv}>
          Download CSV<span className="visually-hidden"> ({figure.title})</span>
        </DownloadButton>
      </div>
    </section>
  );
}

export function TrustReportPage({ trustId }: { trustId: string }) {
  const trust = useTrust(trustId);
  const allowed = mayViewTrustReports(trust);
  const params = useSearchParams();
  const filters = { ...readFilters(params), version: 'leads' as const };
  const { resource, reload } = useResource(allowed ? trustReportApi(trustId, filters) : null, trustReportResponse);
  if (trust === undefined || !allowed) return <NotFoundPage />;
  const refused =
    resource.status === 'error' && (resource.error.code === 'bad_request' || resource.error.code === 'validation')
      ? resource.error
      : null;
  const data = resource.status === 'ready' ? resource.data : null;
  const csvOf = (figure?: TrustFigure) => () =>
    apiGetFile(
      trustCsvApi(trustId, filters, figure?.key),
      figure === undefined ? 'trust-report.csv' : `trust-${fileSlug(figure.title)}.csv`,
    );
  return (
    <div className="report">
      <PageTitle caption={trust.name}>The trust’s picture</PageTitle>
      <p className="lead">
        The same figures for each school side by side, and for the trust as a whole. Counts only: no pupil is named, and
        small numbers are hidden.
      </p>
      {data !== null && data.figures.length > 0 && (
        <ul className="report-actions" aria-label="Download">
          <li>
            <DownloadButton busyText="Making the file…" getFile={csvOf()}>
              Download all figures (CSV)
            </DownloadButton>
          </li>
        </ul>
      )}
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
          {data.schools.length === 0 || data.figures.length === 0 ? (
            <div className="prose">
              <p>There are no figures yet: the trust has no schools with pupils on roll.</p>
              <p>
                <Link to={`/trusts/${encodeURIComponent(trustId)}/schools`}>See the trust’s schools</Link> to add one or
                to check that each has imported its pupil list.
              </p>
            </div>
          ) : (
            <>
              <HiddenCellsNote />
              <SectionContents sections={data.figures.map((f) => f.section)} />
              <FigureSections figures={data.figures} render={(f) => <TrustFigureCard figure={f} csv={csvOf(f)} />} />
            </>
          )}
        </>
      )}
    </div>
  );
}
