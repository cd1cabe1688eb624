import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  /** Plain-text header used as the label of each cell when rows stack on narrow screens. */
  label: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Keep the values on one line on wider screens (names, e-mail addresses, short statuses). */
  nowrap?: boolean;
}

function cellClass(column: { numeric?: boolean; nowrap?: boolean }, base?: string): string | undefined {
  const names = [
    base,
    column.numeric === true ? 'table__cell--numeric' : null,
    column.nowrap === true ? 'table__cell--nowrap' : null,
  ].filter((n): n is string => n !== null && n !== undefined);
  return names.length > 0 ? names.join(' ') : undefined;
}

/**
 * A data table with a caption. On narrow screens each row becomes a stacked block with the column
 * label beside each value, so nothing scrolls sideways at 360 px.
 */
export function Table<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
}) {
  return (
    <table className="table table--stack">
      <caption className={captionHidden ? 'visually-hidden' : 'table__caption'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c.key} className={c.numeric === true ? 'table__header--numeric' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c, i) =>
              i === 0 ? (
                <th scope="row" key={c.key} data-label={c.label} className={cellClass(c, 'table__row-header')}>
                  <div className="table__value">{c.cell(row)}</div>
                </th>
              ) : (
                <td key={c.key} data-label={c.label} className={cellClass(c)}>
                  <div className="table__value">{c.cell(row)}</div>
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
