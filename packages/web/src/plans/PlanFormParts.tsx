/**
 * Form parts the plan and meeting forms share: a single checkbox that may reveal more, a fieldset
 * in the usual shape, and a picker of named staff.
 */
import { useState, type ReactNode } from 'react';
import { Button, ErrorMessage } from '../components/Form';
import { fieldId } from '../components/formErrors';
import { staffLabel, type StaffOption } from './plansApi';

/** One checkbox with the same look as a group's, optionally revealing more below it. */
export function CheckboxItem({
  id,
  name,
  label,
  hint,
  checked,
  disabled = false,
  onChange,
  children,
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  children?: ReactNode;
}) {
  return (
    <>
      <div className="choice">
        <input
          className="choice__input"
          type="checkbox"
          id={id}
          name={name}
          checked={checked}
          disabled={disabled}
          aria-describedby={hint !== undefined ? `${id}-hint` : undefined}
          aria-controls={children !== undefined ? `${id}-conditional` : undefined}
          onChange={(e) => {
            onChange(e.target.checked);
          }}
        />
        <label className="choice__label" htmlFor={id}>
          {label}
        </label>
        {hint !== undefined && (
          <div id={`${id}-hint`} className="hint choice__hint">
            {hint}
          </div>
        )}
      </div>
      {children !== undefined && (
        <div className="conditional conditional--choice" id={`${id}-conditional`} hidden={!checked}>
          {checked && children}
        </div>
      )}
    </>
  );
}

/** A fieldset in the form's usual shape, with its hint and error tied to it. */
export function Group({
  name,
  legend,
  hint,
  error,
  children,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}) {
  const id = `${fieldId(name)}-group`;
  const described = [hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null]
    .filter((x): x is string => x !== null)
    .join(' ');
  return (
    <div className={error !== undefined ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" aria-describedby={described === '' ? undefined : described}>
        <legend className="legend">{legend}</legend>
        {hint !== undefined && (
          <div id={`${id}-hint`} className="hint">
            {hint}
          </div>
        )}
        {error !== undefined && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
        {children}
      </fieldset>
    </div>
  );
}

/**
 * Named staff: those chosen, each with Remove, and a list to add another from. Choosing in the
 * list does nothing until "Add" is pressed, so moving through it by keyboard adds no one.
 */
export function StaffPicker({
  name,
  legend,
  hint,
  error,
  chosen,
  options,
  onChange,
  addText = 'Add',
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  chosen: readonly StaffOption[];
  options: readonly StaffOption[];
  onChange: (chosen: StaffOption[]) => void;
  addText?: string;
}) {
  const id = fieldId(name);
  const [pick, setPick] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const left = options.filter((o) => !chosen.some((c) => c.userId === o.userId));
  const add = () => {
    const o = left.find((x) => x.userId === pick);
    if (o === undefined) {
      setAnnouncement('Choose a member of staff from the list first.');
      document.getElementById(id)?.focus();
      return;
    }
    onChange([...chosen, o]);
    setPick('');
    setAnnouncement(`${o.name} added.`);
  };
  return (
    <Group name={name} legend={legend} hint={hint} error={error}>
      {chosen.length > 0 ? (
        <ul className="picked" aria-label="Staff chosen">
          {chosen.map((c) => (
            <li key={c.userId} className="picked__item">
              <span className="picked__text">
                <strong>{staffLabel(c)}</strong>
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onChange(chosen.filter((x) => x.userId !== c.userId));
                  setAnnouncement(`${c.name} removed.`);
                  document.getElementById(id)?.focus();
                }}
              >
                Remove<span className="visually-hidden"> {c.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="secondary-text">No one named yet.</p>
      )}
      {left.length > 0 && (
        <div className="staff-picker">
          <div className="staff-picker__field">
            <label className="label label--small" htmlFor={id}>
              Choose a member of staff
            </label>
            <select
              id={id}
              className={error !== undefined ? 'select input--error' : 'select'}
              value={pick}
              onChange={(e) => {
                setPick(e.target.value);
              }}
            >
              <option value="">Choose…</option>
              {left.map((o) => (
                <option key={o.userId} value={o.userId}>
                  {staffLabel(o)}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary" className="staff-picker__add" onClick={add}>
            {addText}
          </Button>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </Group>
  );
}
