/**
 * One figure of a school's report: its title, what it counts, the chart, the same numbers in the
 * table, and its CSV. Used by the school's picture and by termly reports; figures are grouped
 * into the report's sections in order (FigureSections).
 */
import { REPORT_SECTIONS, REPORT_SECTION_LABELS, type Figure, type ReportSection } from '@tandem/core';
import { useId, type ReactNode } from 'react';
import { DownloadButton } from '../components/DownloadButton';
import { FigureChart, type ChartSpec } from './FigureChart';
import { FigureTable, type TableRow } from './FigureTable';

/** "Moved up" → "moved up", but "MH3 and above" stays as it is. */
export const lower = (s: string) => (/^[A-Z][a-z]/.test(s) ? `${s[0]?.toLowerCase() ?? ''}${s.slice(1)}` : s);

export function FigureCard({
  figure,
  drillTo,
  csv,
}: {
  figure: Figure;
  /** Where a drill column's number leads (the pupils behind it); absent: no links. */
  drillTo?: (rowKey: string) => string;
  /** Fetches this figure's CSV; absent: no download. */
  csv?: () => Promise<{ blob: Blob; fileName: string }>;
}) {
  const id = useId();
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  const drill =
    drillTo !== undefined && figure.drillColumn !== null
      ? (row: TableRow, columnKey: string) => (columnKey === figure.drillColumn ? drillTo(row.key) : null)
      : undefined;
  const chart: ChartSpec | null =
    figure.chart === null
      ? null
      : {
          kind: figure.chart.kind,
          draw: figure.chart.columns,
          columns: figure.columns,
          rows: figure.rows,
          reference:
            figure.chart.kind === 'bar' &&
            figure.columns.find((c) => c.key === figure.chart?.columns[0])?.unit !== 'count'
              ? figure.total
              : null,
          rowsAre: lower(figure.rowHeading),
        };
  return (
    <section className="report-figure" aria-labelledby={titleId}>
      <h3 className="heading-m report-figure__title" id={titleId}>
        {figure.title}
      </h3>
      <p className="report-figure__description">{figure.description}</p>
      {figure.rows.length === 0 ? (
        <p className="report-figure__empty">Nothing to count for these dates and pupils.</p>
      ) : (
        <>
          {chart !== null && chart.rows.length > (chart.kind === 'stacked' ? 0 : 1) && (
            <FigureChart spec={chart} title={figure.title} describedBy={tableId} />
          )}
          <FigureTable
            id={tableId}
            caption={figure.title}
            rowHeading={figure.rowHeading}
            columns={figure.columns}
            rows={figure.rows}
            total={figure.total}
            drillTo={drill}
            scrollLabel={`${figure.title}: the table`}
          />
          {drill !== undefined && (
            <p className="secondary-text report-figure__hint">
              Select a number in the {lower(figure.columns.find((c) => c.key === figure.drillColumn)?.label ?? '')}{' '}
              column to list the pupils behind it.
            </p>
          )}
        </>
      )}
      {csv !== undefined && (
        <div className="report-figure__actions">
          <DownloadButton busyText="Making the file…" getFile={csv}>
            Download CSV<span className="visually-hidden"> ({figure.title})</span>
          </DownloadButton>
        </div>
      )}
    </section>
  );
}

/** Figures under a heading per section, in the report's order; sections without figures are left out. */
export function FigureSections<F extends { key: string; section: ReportSection }>({
  figures,
  render,
}: {
  figures: readonly F[];
  render: (figure: F) => ReactNode;
}) {
  return (
    <>
      {REPORT_SECTIONS.map((section) => {
        const inSection = figures.filter((f) => f.section === section);
        if (inSection.length === 0) return null;
        return (
          <section key={section} className="report-section" aria-labelledby={`section-${section}`}>
            <h2 className="heading-l report-section__title" id={`section-${section}`} tabIndex={-1}>
              {REPORT_SECTION_LABELS[section]}
            </h2>
            {inSection.map((f) => (
              <div key={f.key}>{render(f)}</div>
            ))}
          </section>
        );
      })}
    </>
  );
}

/** Links to each section present, for a long report. */
export function SectionContents({ sections }: { sections: readonly ReportSection[] }) {
  const present = REPORT_SECTIONS.filter((s) => sections.includes(s));
  if (present.length < 2) return null;
  return (
    <nav className="contents-list report-contents" aria-label="Sections of the report">
      <h2 className="heading-s">Contents</h2>
      <ul className="list">
        {present.map((s) => (
          <li key={s}>
            <a href={`#section-${s}`}>{REPORT_SECTION_LABELS[s]}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
