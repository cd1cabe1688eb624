import { useEffect, type ReactNode } from 'react';

/**
 * One thing to do on a page, in a list of them (`<ul className="work__list">`): a button that
 * opens its form below it. The button says whether it is open, and focus moves into the form (its
 * first field that can be used) when it opens.
 */
export function WorkItem({
  label,
  id = `work-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`,
  hint,
  open,
  onToggle,
  children,
}: {
  label: string;
  /** Made from the label if not given: "Add an action" is "work-add-an-action". */
  id?: string;
  hint: string;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  useEffect(() => {
    if (open) {
      document
        .getElementById(`${id}-panel`)
        ?.querySelector<HTMLElement>('input:not([disabled]), textarea, select')
        ?.focus();
    }
  }, [open, id]);
  return (
    <li className={open ? 'work__item work__item--open' : 'work__item'}>
      <button
        type="button"
        className="work__toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-describedby={`${id}-hint`}
        onClick={onToggle}
      >
        {label}
      </button>
      <p className="hint work__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div id={`${id}-panel`} hidden={!open} className="work__panel">
        {open && children}
      </div>
    </li>
  );
}
