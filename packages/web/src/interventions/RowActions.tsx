import { useEffect, useRef, type ReactNode } from 'react';

export interface RowAction {
  key: string;
  /** The button's words ("Give a place"); `about` is added for screen readers ("for Ava Begum"). */
  label: string;
  /** The form the button opens below the row. */
  form: ReactNode;
}

/**
 * The actions on one row of a list (a pupil waiting, a pupil in the intervention): quiet buttons
 * that each open their form below the row, one at a time. The button says whether it is open;
 * focus moves into the form when it opens.
 */
export function RowActions({
  rowId,
  about,
  actions,
  open,
  onOpen,
}: {
  rowId: string;
  about: string;
  actions: readonly RowAction[];
  /** The action whose form is open on this row, if any. */
  open: string | null;
  onOpen: (key: string | null) => void;
}) {
  const panelId = `row-${rowId}-panel`;
  const buttonId = (key: string) => `row-${rowId}-${key}`;
  const lastOpen = useRef<string | null>(null);
  useEffect(() => {
    if (open !== null) {
      document
        .getElementById(panelId)
        ?.querySelector<HTMLElement>('input:not([disabled]), textarea, select, button')
        ?.focus();
    } else if (lastOpen.current !== null && document.activeElement === document.body) {
      // Cancelled: back to the button that opened the form.
      document.getElementById(`row-${rowId}-${lastOpen.current}`)?.focus();
    }
    lastOpen.current = open;
  }, [open, panelId, rowId]);
  const current = actions.find((a) => a.key === open);
  if (actions.length === 0) return null;
  return (
    <>
      <div className="row-actions">
        {actions.map((a) => (
          <button
            key={a.key}
            id={buttonId(a.key)}
            type="button"
            className="button button--secondary button--small row-actions__button"
            aria-expanded={open === a.key}
            aria-controls={panelId}
            onClick={() => {
              onOpen(open === a.key ? null : a.key);
            }}
          >
            {a.label}
            <span className="visually-hidden"> {about}</span>
          </button>
        ))}
      </div>
      <div id={panelId} className="work__panel row-actions__panel" hidden={current === undefined}>
        {current?.form}
      </div>
    </>
  );
}
