import type { ReactNode } from 'react';
import { Button } from '../components/Form';
import { newKey } from '../components/RepeatableRows';

function focusSoon(ids: readonly string[]): void {
  // Once the change is drawn: the first of these that is there.
  window.setTimeout(() => {
    for (const id of ids) {
      const el = document.getElementById(id);
      if (el !== null) {
        el.focus();
        return;
      }
    }
  }, 0);
}

/**
 * Rows that can be added, removed and put in order (the partnership statement's questions, the
 * lines of what home can do): each headed "Question 1", its fields, then "Move up", "Move down"
 * and "Remove"; then "Add a question". Focus follows the row that moved, goes to the new row's
 * first field when one is added, and to the add button when one is removed.
 */
export function OrderedRows<Row extends { key: string }>({
  name,
  noun,
  rows,
  max,
  newRow,
  firstFieldId,
  onRowsChange,
  children,
}: {
  name: string;
  /** One row, in lower case: "question". */
  noun: string;
  rows: readonly Row[];
  max: number;
  newRow: (key: string) => Row;
  /** The id of row i's first field, to move focus to when it is added. */
  firstFieldId: (index: number) => string;
  onRowsChange: (rows: Row[]) => void;
  children: (row: Row, index: number, update: (patch: Partial<Row>) => void) => ReactNode;
}) {
  const title = noun.charAt(0).toUpperCase() + noun.slice(1);
  const addId = `${name}-add`;
  const buttonId = (key: string, what: 'up' | 'down') => `${name}-${key}-${what}`;
  const move = (from: number, to: number) => {
    const next = [...rows];
    const [row] = next.splice(from, 1);
    if (row === undefined) return;
    next.splice(to, 0, row);
    onRowsChange(next);
    const first = to < from ? 'up' : 'down';
    const other = first === 'up' ? 'down' : 'up';
    focusSoon([buttonId(row.key, first), buttonId(row.key, other)]);
  };
  return (
    <>
      {rows.map((row, i) => (
        <div className="statement-row" key={row.key}>
          <h3 className="heading-s statement-row__title">
            {title} {i + 1}
          </h3>
          {children(row, i, (patch) => {
            onRowsChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
          })}
          <div className="statement-row__buttons">
            {i > 0 && (
              <Button
                id={buttonId(row.key, 'up')}
                variant="secondary"
                className="button--small"
                onClick={() => {
                  move(i, i - 1);
                }}
              >
                Move up<span className="visually-hidden"> {`${noun} ${String(i + 1)}`}</span>
              </Button>
            )}
            {i < rows.length - 1 && (
              <Button
                id={buttonId(row.key, 'down')}
                variant="secondary"
                className="button--small"
                onClick={() => {
                  move(i, i + 1);
                }}
              >
                Move down<span className="visually-hidden"> {`${noun} ${String(i + 1)}`}</span>
              </Button>
            )}
            <Button
              variant="secondary"
              className="button--small"
              onClick={() => {
                onRowsChange(rows.filter((x) => x.key !== row.key));
                focusSoon([addId]);
              }}
            >
              Remove<span className="visually-hidden"> {`${noun} ${String(i + 1)}`}</span>
            </Button>
          </div>
        </div>
      ))}
      {rows.length < max && (
        <Button
          id={addId}
          variant="secondary"
          onClick={() => {
            const index = rows.length;
            onRowsChange([...rows, newRow(newKey(name))]);
            focusSoon([firstFieldId(index)]);
          }}
        >
          {rows.length === 0 ? `Add a ${noun}` : `Add another ${noun}`}
        </Button>
      )}
    </>
  );
}
