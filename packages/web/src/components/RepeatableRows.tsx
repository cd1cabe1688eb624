import type { ReactNode } from 'react';
import { Button } from './Form';
import { fieldId } from './formErrors';

let rowCounter = 0;

/** A key for a new row, unique in this tab, so React keeps each row's fields with that row. */
export function newKey(prefix: string): string {
  rowCounter += 1;
  return `${prefix}-${String(Date.now())}-${String(rowCounter)}`;
}

function focusSoon(id: string): void {
  // Once the change is drawn.
  window.setTimeout(() => {
    document.getElementById(id)?.focus();
  }, 0);
}

/**
 * Rows of the same fields that can be added and removed, such as emergency contacts: each row
 * headed "Contact 1", its fields, and "Remove"; then "Add a contact" (or "Add another contact")
 * while there are fewer than `max`. The add button has the id of `name`, and the fields of row i
 * are named `${name}.${i}.field`. Adding moves focus to the new row's `firstField`; removing moves
 * it to the add button.
 */
export function RepeatableRows<Row extends { key: string }>({
  name,
  noun,
  rows,
  max,
  newRow,
  firstField,
  onRowsChange,
  addDescribedBy,
  children,
}: {
  name: string;
  /** What one row is, in lower case: "contact", "next step". */
  noun: string;
  rows: readonly Row[];
  max: number;
  newRow: () => Row;
  firstField: keyof Row & string;
  onRowsChange: (rows: Row[]) => void;
  addDescribedBy?: string | undefined;
  /** A row's fields; `update` changes some of its answers. */
  children: (row: Row, index: number, update: (patch: Partial<Row>) => void) => ReactNode;
}) {
  const title = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <>
      {rows.map((row, i) => (
        <div className="evidence-row" key={row.key}>
          <h3 className="heading-s evidence-row__title">
            {title} {i + 1}
          </h3>
          {children(row, i, (patch) => {
            onRowsChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
          })}
          <Button
            variant="secondary"
            className="button--small"
            onClick={() => {
              onRowsChange(rows.filter((x) => x.key !== row.key));
              focusSoon(fieldId(name));
            }}
          >
            Remove
            <span className="visually-hidden">
              {' '}
              {noun} {i + 1}
            </span>
          </Button>
        </div>
      ))}
      {rows.length < max && (
        <Button
          id={fieldId(name)}
          variant="secondary"
          aria-describedby={addDescribedBy}
          onClick={() => {
            const index = rows.length;
            onRowsChange([...rows, newRow()]);
            focusSoon(fieldId(`${name}.${String(index)}.${firstField}`));
          }}
        >
          {rows.length === 0 ? `Add a ${noun}` : `Add another ${noun}`}
        </Button>
      )}
    </>
  );
}
