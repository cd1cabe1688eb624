/**
 * A figure's numbers as a table: the accessible source of truth for its chart. Row headers, units
 * in every cell, "fewer than 5" for a hidden cell, a row that stands out marked in words, and the
 * total row last and bold. On a phone each row stacks into a block with each column's name beside
 * its value, so nothing scrolls sideways.
 */
import { formatCell, type CellValue, type FigureUnit } from '@tandem/core';
import type { ReactNode } from 'react';
import { Link } from '../router/router';

export interface TableColumn {
  key: string;
  label: string;
  unit: FigureUnit;
}

export interface TableRow {
  key: string;
  label: string;
  values: readonly CellValue[];
  highlight?: string | null;
}

/** A cell's words: hidden cells in words a reader understands. */
export function CellText({ value, unit }: { value: CellValue | undefined; unit: FigureUnit }) {
  if (value !== undefined && value !== null && typeof value !== 'number') {
    return <span className="report-table__hidden">{value.hidden === 'small' ? 'fewer than 5' : 'hidden'}</span>;
  }
  if (value === null || value === undefined) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">none</span>
      </>
    );
  }
  return <>{formatCell(value, unit)}</>;
}

/** From this many columns (besides the row's name) a table may be wider than the page. */
const WIDE = 5;
/** Past this many columns, a phone shows each row as a block of labelled values; fewer fit across. */
const STACK_FROM = 3;

export function FigureTable({
  id,
  caption,
  rowHeading,
  columns,
  rows,
  total,
  drillTo,
  scrollLabel,
}: {
  id: string;
  caption: ReactNode;
  rowHeading: string;
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  /** The total row (the whole school, the trust), shown last and bold; null for none. */
  total: TableRow | null;
  /** Where a row's number in a column leads (the pupils behind it), or null: not a link. */
  drillTo?: (row: TableRow, columnKey: string) => string | null;
  /** Scroll sideways inside its own region (named so) rather than widen the page, when wide. */
  scrollLabel?: string;
}) {
  const line = (row: TableRow, isTotal: boolean) => {
    const marked = (row.highlight ?? null) !== null;
    const classes = [isTotal ? 'report-table__total' : null, marked ? 'report-table__row--marked' : null].filter(
      (c): c is string => c !== null,
    );
    return (
      <tr key={isTotal ? `total:${row.key}` : row.key} className={classes.length > 0 ? classes.join(' ') : undefined}>
        <th scope="row" data-label={rowHeading} className="table__row-header">
          <div className="table__value">
            {row.label}
            {marked && (
              <span className="report-table__highlight">
                <span aria-hidden="true">▲ </span>
                {row.highlight}
              </span>
            )}
          </div>
        </th>
        {columns.map((c, i) => {
          const value = row.values[i];
          const to =
            !isTotal && drillTo !== undefined && typeof value === 'number' && value > 0 ? drillTo(row, c.key) : null;
          return (
            <td key={c.key} data-label={c.label} className="table__cell--numeric">
              <div className="table__value">
                {to !== null ? (
                  <Link to={to}>
                    {formatCell(value, c.unit)}
                    <span className="visually-hidden">
                      {' '}
                      – list the pupils: {row.label}, {c.label.toLowerCase()}
                    </span>
                  </Link>
                ) : (
                  <CellText value={value} unit={c.unit} />
                )}
              </div>
            </td>
          );
        })}
      </tr>
    );
  };
  const table = (
    <table className={columns.length > STACK_FROM ? 'table table--stack report-table' : 'table report-table'} id={id}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeading}</th>
          {columns.map((c) => (
            <th scope="col" key={c.key} className="table__header--numeric">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => line(r, false))}
        {total !== null && line(total, true)}
      </tbody>
    </table>
  );
  // Wide tables scroll inside a region the keyboard can reach; on a phone they stack instead.
  if (scrollLabel === undefined || columns.length < WIDE) return table;
  return (
    <div className="report-scroll" role="region" aria-label={scrollLabel} tabIndex={0}>
      {table}
    </div>
  );
}
