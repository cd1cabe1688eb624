/**
 * Dates entered as day, month and year in three labelled boxes (the GOV.UK date-input pattern),
 * never the browser's date picker, whose order and words follow the device rather than the school.
 *
 * A form holds a date as one string: the ISO day ("2026-11-22") once the boxes make a real date,
 * as the schemas and the API take it. Until then it holds what was typed, year-month-day with the
 * boxes' own text ("2026--22"): never a real ISO day, so nothing half-typed can be sent, and the
 * date's own check (`dateProblem`) says what is missing. Nothing typed is lost, in the boxes or in a
 * kept draft.
 */
import { useState, type ReactNode } from 'react';
import { fieldId, type FieldError } from './formErrors';
import './DateInput.css';

type DatePart = 'day' | 'month' | 'year';
type Box = DatePart | 'time';

interface DateParts {
  day: string;
  month: string;
  year: string;
}

const PARTS: readonly DatePart[] = ['day', 'month', 'year'];
const PART_LABELS: Record<Box, string> = { day: 'Day', month: 'Month', year: 'Year', time: 'Time' };
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

// A box's text may hold "-" or "%": escaped, so that the three always split apart again.
const escapePart = (text: string) => text.replace(/%/g, '%25').replace(/-/g, '%2D');
const unescapePart = (text: string) => text.replace(/%2D/gi, '-').replace(/%25/g, '%');

function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Whether a form's date value is a real day, written "2026-11-22". */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** What the boxes show for a form's date value (without leading zeros: "5", "3", "2026"). */
function partsOf(value: string): DateParts {
  if (isIsoDay(value)) {
    const [, month = '', day = ''] = value.split('-').map((s) => String(Number(s)));
    return { day, month, year: value.slice(0, 4) };
  }
  const pieces = value.split('-');
  if (pieces.length !== 3) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = pieces.map(unescapePart);
  return { day, month, year };
}

/** The form's value for what the boxes hold: the ISO day when they make a real date. */
function valueOf(parts: DateParts): string {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (day === '' && month === '' && year === '') return '';
  if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year)) {
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (isIsoDay(iso)) return iso;
  }
  return [parts.year, parts.month, parts.day].map(escapePart).join('-');
}

/** Boxes left empty, and boxes whose text cannot be part of a date. */
function partTrouble(value: string): { missing: DatePart[]; wrong: DatePart[]; shortYear: boolean } {
  const parts = partsOf(value);
  const missing = PARTS.filter((k) => parts[k].trim() === '');
  const inRange = (text: string, max: number) => /^\d{1,2}$/.test(text) && Number(text) >= 1 && Number(text) <= max;
  const year = parts.year.trim();
  const wrong = PARTS.filter((k) => {
    const text = parts[k].trim();
    if (text === '') return false;
    if (k === 'day') return !inRange(text, 31);
    if (k === 'month') return !inRange(text, 12);
    return !/^\d{4}$/.test(text);
  });
  return { missing, wrong, shortYear: /^\d{1,3}$/.test(year) };
}

/** "Date of the review" → "the date of the review", for "Enter …". */
function lowerFirst(what: string): string {
  return /^[A-Z][a-z]/.test(what) ? what.charAt(0).toLowerCase() + what.slice(1) : what;
}

/**
 * What is wrong with a date as entered, in the GOV.UK words, or null when it is a real date (or,
 * if not `required`, empty). `what` names the date as the message begins, e.g. "Date of the
 * review": "Enter the date of the review", "Date of the review must include a month", "… must
 * include a day and year", "… must be a real date". The form's own rules (not in the future, say)
 * are checked after this, by the form.
 */
export function dateProblem(value: string, what: string, required = true): string | null {
  if (isIsoDay(value)) return null;
  const { missing, wrong, shortYear } = partTrouble(value);
  if (value === '' || (missing.length === 3 && value.split('-').length === 3)) {
    return required ? `Enter the ${lowerFirst(what)}` : null;
  }
  // "must include a month", "must include a day and year"
  if (missing.length > 0 && missing.length < 3) return `${what} must include a ${missing.join(' and ')}`;
  if (wrong.length === 1 && wrong[0] === 'year' && shortYear) return `${what} must include a year with 4 numbers`;
  return `${what} must be a real date`;
}

/** Whether a time was written as a clock reads, "14:05" or "9:30". */
export function isTimeOfDay(time: string): boolean {
  const m = TIME.exec(time);
  return m !== null && Number(m[1]) <= 23 && Number(m[2]) <= 59;
}

/**
 * What is wrong with a date and a time asked as one question (see DateTimeField), or null. The
 * date's problem first (see dateProblem), then the time's: `time` names it, as in "Enter the time
 * of the meeting, such as 14:05" and "Time of the meeting must be a real time, such as 14:05".
 */
export function dateTimeProblem(date: string, time: string, what: { date: string; time: string }): string | null {
  const problem = dateProblem(date, what.date);
  if (problem !== null) return problem;
  if (time.trim() === '') return `Enter the ${what.time}, such as 14:05`;
  if (!isTimeOfDay(time)) {
    return `${what.time.charAt(0).toUpperCase()}${what.time.slice(1)} must be a real time, such as 14:05`;
  }
  return null;
}

/** A date question for `dateProblems`: its field path, its value, and what its messages call it. */
export interface DateQuestion {
  path: string;
  value: string;
  what: string;
  /** False for a date that may be left empty (a filter, say). */
  required?: boolean;
}

/** Each date's problem, as field errors for the form's error summary. */
export function dateProblems(questions: readonly DateQuestion[]): FieldError[] {
  return questions.flatMap((q) => {
    const message = dateProblem(q.value, q.what, q.required ?? true);
    return message === null ? [] : [{ path: q.path, message }];
  });
}

/** "27 3 2026": a date written as the boxes take it, for a hint ("For example, 27 3 2026"). */
export function boxesExample(isoDay: string): string {
  const { day, month, year } = partsOf(isoDay);
  return `${day} ${month} ${year}`;
}

/**
 * The boxes to mark as invalid while the question has an error: the empty or impossible ones if
 * there are any, otherwise all (a real date that breaks the form's own rules, say).
 */
function invalidBoxes(date: string, time: string | undefined, error: string | undefined): Set<Box> {
  if (error === undefined) return new Set();
  const all: Box[] = time === undefined ? [...PARTS] : [...PARTS, 'time'];
  const marked: Box[] = [];
  if (!isIsoDay(date)) {
    const { missing, wrong } = partTrouble(date);
    const boxes = missing.length > 0 && missing.length < 3 ? missing : wrong;
    marked.push(...(boxes.length > 0 ? boxes : PARTS));
  }
  if (time !== undefined && !isTimeOfDay(time)) marked.push('time');
  return new Set(marked.length > 0 ? marked : all);
}

const WIDTHS: Record<Box, string> = {
  day: 'date-input__input--2',
  month: 'date-input__input--2',
  year: 'date-input__input--4',
  time: 'date-input__input--5',
};

export interface DateInputProps {
  /** The field's path: the error summary links to the first box marked invalid. */
  name: string;
  /** The question, e.g. "When will the plan be reviewed?" */
  legend: ReactNode;
  hint?: ReactNode;
  /** The ISO day, or what was typed so far (see the top of this file). */
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  /** A date of birth: lets the browser fill it in. */
  birthday?: boolean;
  /** Whether the boxes carry names ("when-day", …). */
  named?: boolean;
  /** A time asked with the date (DateTimeField): a box "Time" after the year. */
  time?: { value: string; onValueChange: (value: string) => void };
}

/**
 * One date question: a fieldset whose legend is the question, an optional hint, the error message
 * above the boxes, and Day, Month and Year boxes sized for 2, 2 and 4 numbers. While there is an
 * error, the boxes at fault are marked invalid and the first of them carries the field's id, so
 * that the error summary's link lands on it.
 */
export function DateInput({
  name,
  legend,
  hint,
  value,
  onValueChange,
  error,
  birthday = false,
  named = true,
  time,
}: DateInputProps) {
  const id = fieldId(name);
  // What the boxes show, for the value they last gave the form: kept as typed ("05" stays "05").
  // A value set from outside (a draft restored, a form started again) is shown afresh.
  const [typed, setTyped] = useState<{ parts: DateParts; value: string }>(() => ({ parts: partsOf(value), value }));
  const parts = typed.value === value ? typed.parts : partsOf(value);
  const invalid = invalidBoxes(value, time?.value, error);
  const order: Box[] = time === undefined ? [...PARTS] : [...PARTS, 'time'];
  const anchor = order.find((b) => invalid.has(b)) ?? 'day';
  const boxId = (box: Box) => (box === anchor ? id : `${id}-${box}`);
  const describedBy = [hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null]
    .filter((x): x is string => x !== null)
    .join(' ');

  const change = (part: DatePart, text: string) => {
    const next = { ...parts, [part]: text };
    const nextValue = valueOf(next);
    setTyped({ parts: next, value: nextValue });
    onValueChange(nextValue);
  };

  const box = (which: Box, text: string, onText: (text: string) => void, extra: ReactNode = null) => (
    <div className={which === 'time' ? 'date-input__item date-input__item--time' : 'date-input__item'} key={which}>
      <label className="label date-input__label" htmlFor={boxId(which)}>
        {PART_LABELS[which]}
      </label>
      {extra}
      <input
        id={boxId(which)}
        name={named ? `${name}-${which}` : undefined}
        type="text"
        inputMode={which === 'time' ? undefined : 'numeric'}
        autoComplete={birthday && which !== 'time' ? `bday-${which}` : 'off'}
        spellCheck={false}
        className={['input', WIDTHS[which], invalid.has(which) ? 'input--error' : ''].filter(Boolean).join(' ')}
        value={text}
        aria-invalid={invalid.has(which) ? true : undefined}
        aria-describedby={which === 'time' ? `${id}-time-hint` : undefined}
        onChange={(e) => {
          onText(e.target.value);
        }}
      />
    </div>
  );

  return (
    <div className={error !== undefined ? 'form-group form-group--error' : 'form-group'}>
      <fieldset className="fieldset" aria-describedby={describedBy === '' ? undefined : describedBy}>
        <legend className="legend">{legend}</legend>
        {hint !== undefined && (
          <div id={`${id}-hint`} className="hint">
            {hint}
          </div>
        )}
        {error !== undefined && (
          // The same message as ErrorMessage in Form.tsx, which imports this file.
          <p id={`${id}-error`} className="error-message">
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        )}
        <div className="date-input">
          {PARTS.map((part) =>
            box(part, parts[part], (text) => {
              change(part, text);
            }),
          )}
          {time !== undefined &&
            box(
              'time',
              time.value,
              time.onValueChange,
              <div id={`${id}-time-hint`} className="hint date-input__hint">
                For example, 14:05
              </div>,
            )}
        </div>
      </fieldset>
    </div>
  );
}
