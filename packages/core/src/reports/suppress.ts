/**
 * Small numbers on reports: the one place where a report's figures are made safe before they
 * leave the server for anyone who may not see the pupils behind them (governors' version, termly
 * report for governors, every trust figure and CSV). It applies the rule of
 * privacy/small-numbers.ts to figures:
 *  - every count cell of 1 to 4 is hidden ("fewer than 5");
 *  - where the figure's rows add up to a total that is shown (a partition), or where schools add
 *    up to the trust, a second cell is hidden so the first cannot be worked out by differencing;
 *  - a worked-out cell (a share, a rate ratio, a median or longest time) is hidden whenever the
 *    count it is worked out from is hidden, since a share beside a shown total gives the count back.
 */
import { suppressCounts, type CountTotal, type Shown } from '../privacy/small-numbers';
import { columnIndex, type CellValue, type Figure, type FigureColumn, type FigureRow } from './figure';
import type { TrustFigure, TrustFigureColumn, TrustFigureRow } from './reports.schemas';

function toCell(s: Shown): CellValue {
  return s.shown ? s.count : { hidden: s.reason };
}

function countOf(v: CellValue | undefined): number {
  return typeof v === 'number' ? v : 0;
}

/** Hide worked-out cells whose basis is hidden, in place. */
function hideWorkedOut(columns: readonly { key: string; basis: string | null }[], values: CellValue[]): void {
  columns.forEach((c, i) => {
    if (c.basis === null) return;
    const b = columns.findIndex((x) => x.key === c.basis);
    const basis = b >= 0 ? values[b] : undefined;
    if (basis !== undefined && basis !== null && typeof basis !== 'number') values[i] = { hidden: basis.hidden };
    else if (typeof basis === 'number' && basis > 0 && basis < 5) values[i] = { hidden: 'small' };
  });
}

/**
 * One school's figure made safe for governors: each count column suppressed down its rows (with
 * the total when the rows share out one group), worked-out cells hidden with their basis.
 */
export function suppressFigure(figure: Figure): Figure {
  const rows: FigureRow[] = figure.rows.map((r) => ({ ...r, values: [...r.values], highlight: null }));
  const total: FigureRow | null = figure.total ? { ...figure.total, values: [...figure.total.values] } : null;
  figure.columns.forEach((c, ci) => {
    if (c.unit !== 'count') return;
    const cells = rows.map((r, ri) => ({ key: String(ri), count: countOf(r.values[ci]) }));
    const totals: CountTotal[] = figure.partition && total ? [{ key: 'total', cells: cells.map((x) => x.key) }] : [];
    const out = suppressCounts(cells, totals);
    rows.forEach((r, ri) => {
      if (r.values[ci] !== null) r.values[ci] = toCell(out.cells[String(ri)]!);
    });
    if (total && total.values[ci] !== null) {
      const t = countOf(total.values[ci]);
      total.values[ci] = figure.partition ? toCell(out.totals.total!) : t > 0 && t < 5 ? { hidden: 'small' } : t;
    }
  });
  for (const r of rows) hideWorkedOut(figure.columns, r.values);
  if (total) hideWorkedOut(figure.columns, total.values);
  return { ...figure, rows, total, drillColumn: null };
}

export interface SchoolFigure {
  schoolId: string;
  schoolName: string;
  figure: Figure;
}

/**
 * The trust view of one figure: a row for each school and one for the trust, a column for each of
 * the figure's rows (and trust columns), with a "Total" column when the rows share out one group;
 * then suppressed with the schools' and categories' totals, so nothing from 1 to 4 is shown and no
 * hidden cell can be worked out from the totals. `combined` is the same figure for all the schools
 * together (its worked-out cells, such as medians, cannot be had by adding schools up).
 */
export function trustFigure(schools: readonly SchoolFigure[], combined: Figure): TrustFigure {
  const f = combined;
  const wanted = f.trustColumns ?? [];
  // A worked-out column needs its basis beside it, both to hide it and for the reader.
  const keys = [...wanted];
  for (const k of wanted) {
    const basis = f.columns[columnIndex(f, k)]!.basis;
    if (basis !== null && !keys.includes(basis)) keys.unshift(basis);
  }
  const cols = keys.map((k) => f.columns[columnIndex(f, k)]!);
  const many = cols.length > 1;
  const columns: TrustFigureColumn[] = [];
  // Where each trust column's value comes from in a school's figure: a row and a column.
  const source: { row: string; col: string }[] = []; // row: a figure row's key, or 'total'
  for (const r of f.rows) {
    for (const c of cols) {
      columns.push({
        key: `${r.key}:${c.key}`,
        label: many ? `${r.label}: ${c.label}` : r.label,
        unit: c.unit,
        basis: c.basis === null ? null : `${r.key}:${c.basis}`,
      });
      source.push({ row: r.key, col: c.key });
    }
  }
  const withTotal = f.partition && f.total !== null;
  if (withTotal) {
    for (const c of cols) {
      columns.push({
        key: `total:${c.key}`,
        label: many ? `Total: ${c.label}` : 'Total',
        unit: c.unit,
        basis: c.basis === null ? null : `total:${c.basis}`,
      });
      source.push({ row: 'total', col: c.key });
    }
  }

  const valueIn = (figure: Figure, s: { row: string; col: string }): CellValue => {
    const row = s.row === 'total' ? figure.total : figure.rows.find((r) => r.key === s.row);
    const i = figure.columns.findIndex((c) => c.key === s.col);
    if (i < 0) return null;
    // A school without this row (no pupils in that year group, no concern of that sign) has none.
    if (!row) return figure.columns[i]!.unit === 'count' ? 0 : null;
    return row.values[i] ?? null;
  };

  const raw: CellValue[][] = schools.map((s) => source.map((src) => valueIn(s.figure, src)));
  const trustRaw: CellValue[] = source.map((src) => valueIn(f, src));

  // Count cells: schools × (rows, for each count column). Totals: each school's "Total" column
  // (when shown), each column's trust row, and the corner.
  const cells: { key: string; count: number }[] = [];
  const totals: CountTotal[] = [];
  const cellKey = (si: number, ci: number) => `${si}|${ci}`;
  const categoryCols = source
    .map((src, ci) => ({ src, ci }))
    .filter(({ src }) => src.row !== 'total' && f.columns[columnIndex(f, src.col)]!.unit === 'count');
  schools.forEach((_, si) => {
    for (const { ci } of categoryCols) cells.push({ key: cellKey(si, ci), count: countOf(raw[si]![ci]) });
  });
  for (const { ci } of categoryCols) {
    totals.push({ key: `col|${ci}`, cells: schools.map((_, si) => cellKey(si, ci)) });
  }
  if (withTotal) {
    for (const c of cols.filter((x) => x.unit === 'count')) {
      const members = categoryCols.filter(({ src }) => src.col === c.key);
      schools.forEach((_, si) => {
        totals.push({ key: `row|${si}|${c.key}`, cells: members.map(({ ci }) => cellKey(si, ci)) });
      });
      totals.push({
        key: `corner|${c.key}`,
        cells: schools.flatMap((_, si) => members.map(({ ci }) => cellKey(si, ci))),
      });
    }
  }
  const out = suppressCounts(cells, totals);

  const rows: TrustFigureRow[] = schools.map((s, si) => {
    const values = source.map((src, ci): CellValue => {
      const unit = f.columns[columnIndex(f, src.col)]!.unit;
      if (unit !== 'count') return raw[si]![ci] ?? null;
      if (src.row === 'total') return toCell(out.totals[`row|${si}|${src.col}`]!);
      return toCell(out.cells[cellKey(si, ci)]!);
    });
    hideWorkedOut(columns, values);
    return { schoolId: s.schoolId, label: s.schoolName, values };
  });
  const trustValues = source.map((src, ci): CellValue => {
    const unit = f.columns[columnIndex(f, src.col)]!.unit;
    if (unit !== 'count') return trustRaw[ci] ?? null;
    if (src.row === 'total') {
      const corner = out.totals[`corner|${src.col}`];
      return corner ? toCell(corner) : (trustRaw[ci] ?? null);
    }
    return toCell(out.totals[`col|${ci}`]!);
  });
  hideWorkedOut(columns, trustValues);
  rows.push({ schoolId: null, label: 'Trust', values: trustValues });

  return {
    key: f.key,
    section: f.section,
    title: f.title,
    description: f.description,
    columns,
    rows,
    chart: f.chart
      ? {
          kind: f.chart.kind,
          columns: columns
            .filter((c) => !c.key.startsWith('total:') && f.chart!.columns.some((k) => c.key.endsWith(`:${k}`)))
            .map((c) => c.key),
        }
      : null,
  };
}

/** Every count cell of a figure's column list (for tests and checks). */
export function countColumns(columns: readonly Pick<FigureColumn, 'unit'>[]): number[] {
  return columns.flatMap((c, i) => (c.unit === 'count' ? [i] : []));
}
