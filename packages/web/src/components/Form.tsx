/**
 * Form parts in the GOV.UK spirit: label above, hint below the label, error message above the
 * control, all tied together with aria-describedby; groups in a fieldset with a legend.
 */
import {
  useEffect,
  useRef,
  type ButtonHTMLAttributes,
  type SyntheticEvent,
  type InputHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { DateInput } from './DateInput';
import { fieldId, type FormErrors } from './formErrors';

function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

function describedBy(id: string, hint: ReactNode, error: string | undefined, extra?: string): string | undefined {
  const ids = [
    hint !== undefined && hint !== null ? `${id}-hint` : null,
    error !== undefined ? `${id}-error` : null,
    extra ?? null,
  ].filter((x): x is string => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="error-message">
      <span className="visually-hidden">Error: </span>
      {children}
    </p>
  );
}

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Show the label as the page heading (for one-question pages). */
  labelAsHeading?: boolean;
  children: ReactNode;
}

function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className={cx('form-group', error !== undefined && 'form-group--error')}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      )}
      {error !== undefined && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      {children}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'value' | 'onChange'> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onValueChange: (value: string) => void;
  /** Narrow inputs for short answers (codes, numbers). */
  width?: 'full' | 'code' | 'number';
};

export function TextField({
  name,
  label,
  hint,
  error,
  value,
  onValueChange,
  width = 'full',
  className,
  ...rest
}: InputProps) {
  const id = fieldId(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        className={cx('input', `input--${width}`, error !== undefined && 'input--error', className)}
        value={value}
        onChange={(e) => {
          onValueChange(e.target.value);
        }}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error !== undefined ? true : undefined}
        {...rest}
      />
    </FieldShell>
  );
}

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'value' | 'onChange'> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onValueChange: (value: string) => void;
  maxChars?: number;
};

export function TextareaField({
  name,
  label,
  hint,
  error,
  value,
  onValueChange,
  maxChars,
  rows = 5,
  ...rest
}: TextareaProps) {
  const id = fieldId(name);
  const remaining = maxChars === undefined ? null : maxChars - value.length;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={cx('textarea', error !== undefined && 'input--error')}
        value={value}
        onChange={(e) => {
          onValueChange(e.target.value);
        }}
        aria-describedby={describedBy(id, hint, error, remaining === null ? undefined : `${id}-count`)}
        aria-invalid={error !== undefined ? true : undefined}
        {...rest}
      />
      {remaining !== null && (
        <p id={`${id}-count`} className={cx('hint', 'character-count', remaining < 0 && 'character-count--over')}>
          {remaining >= 0
            ? `You have ${remaining.toLocaleString('en-GB')} character${remaining === 1 ? '' : 's'} remaining`
            : `You have ${(-remaining).toLocaleString('en-GB')} character${remaining === -1 ? '' : 's'} too many`}
        </p>
      )}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: ReactNode;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'value' | 'onChange'> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onValueChange: (value: string) => void;
  options: readonly Option[];
};

export function SelectField({ name, label, hint, error, value, onValueChange, options, ...rest }: SelectProps) {
  const id = fieldId(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        className={cx('select', error !== undefined && 'input--error')}
        value={value}
        onChange={(e) => {
          onValueChange(e.target.value);
        }}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error !== undefined ? true : undefined}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type FileFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'value' | 'onChange' | 'type'> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  onFileChange: (file: File | null) => void;
};

/** A file picker. The browser keeps the chosen file; the page is told which one. */
export function FileField({ name, label, hint, error, onFileChange, className, ...rest }: FileFieldProps) {
  const id = fieldId(name);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type="file"
        className={cx('file-upload', error !== undefined && 'file-upload--error', className)}
        onChange={(e) => {
          onFileChange(e.target.files?.[0] ?? null);
        }}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error !== undefined ? true : undefined}
        {...rest}
      />
    </FieldShell>
  );
}

interface FieldsetProps {
  name: string;
  legend: ReactNode;
  legendAsHeading?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}

function FieldsetShell({ name, legend, legendAsHeading = false, hint, error, children }: FieldsetProps) {
  const id = fieldId(name);
  return (
    <div className={cx('form-group', error !== undefined && 'form-group--error')}>
      <fieldset className="fieldset" aria-describedby={describedBy(`${id}-group`, hint, error)}>
        <legend className={cx('legend', legendAsHeading && 'legend--heading')}>{legend}</legend>
        {hint !== undefined && (
          <div id={`${id}-group-hint`} className="hint">
            {hint}
          </div>
        )}
        {error !== undefined && <ErrorMessage id={`${id}-group-error`}>{error}</ErrorMessage>}
        {children}
      </fieldset>
    </div>
  );
}

type CheckboxesProps = Omit<FieldsetProps, 'children'> & {
  options: readonly Option[];
  values: readonly string[];
  onValuesChange: (values: string[]) => void;
};

/** The first box carries the group's id, so the error summary can link to it. */
export function Checkboxes({ name, options, values, onValuesChange, ...shell }: CheckboxesProps) {
  const id = fieldId(name);
  return (
    <FieldsetShell name={name} {...shell}>
      <div className="choices">
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          const checked = values.includes(o.value);
          return (
            <div className="choice" key={o.value}>
              <input
                className="choice__input"
                type="checkbox"
                id={optionId}
                name={name}
                value={o.value}
                checked={checked}
                aria-describedby={o.hint !== undefined ? `${optionId}-hint` : undefined}
                onChange={(e) => {
                  onValuesChange(
                    e.target.checked
                      ? options.map((x) => x.value).filter((v) => v === o.value || values.includes(v))
                      : values.filter((v) => v !== o.value),
                  );
                }}
              />
              <label className="choice__label" htmlFor={optionId}>
                {o.label}
              </label>
              {o.hint !== undefined && (
                <div id={`${optionId}-hint`} className="hint choice__hint">
                  {o.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </FieldsetShell>
  );
}

type RadiosProps = Omit<FieldsetProps, 'children'> & {
  options: readonly Option[];
  value: string;
  onValueChange: (value: string) => void;
  /** Side by side, for two short answers such as Yes and No. */
  inline?: boolean;
};

export function Radios({ name, options, value, onValueChange, inline = false, ...shell }: RadiosProps) {
  const id = fieldId(name);
  return (
    <FieldsetShell name={name} {...shell}>
      <div className={inline ? 'choices choices--inline' : 'choices'}>
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div className="choice choice--radio" key={o.value}>
              <input
                className="choice__input"
                type="radio"
                id={optionId}
                name={name}
                value={o.value}
                checked={value === o.value}
                aria-describedby={o.hint !== undefined ? `${optionId}-hint` : undefined}
                onChange={() => {
                  onValueChange(o.value);
                }}
              />
              <label className="choice__label" htmlFor={optionId}>
                {o.label}
              </label>
              {o.hint !== undefined && (
                <div id={`${optionId}-hint`} className="hint choice__hint">
                  {o.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </FieldsetShell>
  );
}

/**
 * A date and a time (in UK time) as one question: Day, Month and Year boxes (see DateInput) and a
 * Time box written as a clock reads ("14:05"), in one fieldset. A text box rather than the
 * browser's time input, whose 12- or 24-hour clock follows the device, not the school. The box
 * at fault carries the field's id while there is an error, so the error summary links to it.
 */
export function DateTimeField({
  name,
  legend,
  hint,
  date,
  time,
  onDate,
  onTime,
  error,
  named = false,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  /** The ISO day, or what was typed so far (see DateInput). */
  date: string;
  time: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
  error: string | undefined;
  /** Whether the boxes carry names ("when-day", "when-time"). */
  named?: boolean;
}) {
  return (
    <DateInput
      name={name}
      legend={legend}
      hint={hint}
      value={date}
      onValueChange={onDate}
      error={error}
      named={named}
      time={{ value: time, onValueChange: onTime }}
    />
  );
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  ref?: Ref<HTMLButtonElement>;
  variant?: 'primary' | 'secondary' | 'warning' | 'link';
  /** While true the button cannot be pressed again and says what is happening. */
  busy?: boolean;
  busyText?: string;
};

export function Button({
  variant = 'primary',
  busy = false,
  busyText,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx('button', `button--${variant}`, className)}
      disabled={disabled === true || busy}
      {...rest}
    >
      {busy && busyText !== undefined ? busyText : children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="button-group">{children}</div>;
}

/** A small form's own buttons: send it ("Saving…" while busy), or cancel and close it. */
export function SaveOrCancel({
  busy,
  submitText,
  onCancel,
}: {
  busy: boolean;
  submitText: string;
  onCancel: () => void;
}) {
  return (
    <ButtonGroup>
      <Button type="submit" busy={busy} busyText="Saving…">
        {submitText}
      </Button>
      <button type="button" className="link-button link-cancel" onClick={onCancel}>
        Cancel
      </button>
    </ButtonGroup>
  );
}

/**
 * Error summary at the top of a form: announced as an alert, focused after each refused
 * submission, with a link to each field.
 */
export function ErrorSummary({ errors, title = 'There is a problem' }: { errors: FormErrors; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.fields.length > 0 || errors.message !== null;

  useEffect(() => {
    if (errors.attempt > 0 && hasErrors) ref.current?.focus();
  }, [errors.attempt, hasErrors]);

  if (!hasErrors) return null;

  const goTo = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    const target = document.getElementById(fieldId(path));
    if (target === null) return;
    event.preventDefault();
    const group = target.closest('.form-group');
    (group ?? target).scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };

  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title" id="error-summary-title">
        {title}
      </h2>
      {errors.message !== null && <p className="error-summary__body">{errors.message}</p>}
      {errors.fields.length > 0 && (
        <ul className="error-summary__list">
          {errors.fields.map((f) => (
            <li key={f.path}>
              <a
                href={`#${fieldId(f.path)}`}
                onClick={(e) => {
                  goTo(e, f.path);
                }}
              >
                {f.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A form that never lets the browser's own validation or submission run. */
export function Form({
  onSubmit,
  children,
  className,
  label,
}: {
  onSubmit: () => void | Promise<void>;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  const handle = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <form noValidate onSubmit={handle} className={className} aria-label={label}>
      {children}
    </form>
  );
}
