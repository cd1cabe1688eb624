import { useCallback, useState } from 'react';
import type { z } from 'zod';
import type { ApiError } from '../api/client';

export interface FieldError {
  /** The field's name, which is also its element id, e.g. "email". */
  path: string;
  message: string;
}

export interface FormErrors {
  /** Field errors in the order the fields appear. */
  fields: FieldError[];
  /** An error about the whole form (e.g. from the server), shown in the summary. */
  message: string | null;
  /** Changes on every refused submission so the summary is focused again. */
  attempt: number;
}

export const NO_ERRORS: FormErrors = { fields: [], message: null, attempt: 0 };

/** The id of the element for a field path ("roles.0" belongs to "roles"). */
export function fieldId(path: string): string {
  return path.replace(/\./g, '-');
}

function normalise(path: string, known: readonly string[]): string {
  if (known.includes(path)) return path;
  const top = path.split('.')[0] ?? path;
  return top;
}

function ordered(errors: FieldError[], order: readonly string[]): FieldError[] {
  const firstPerField = new Map<string, FieldError>();
  for (const e of errors) if (!firstPerField.has(e.path)) firstPerField.set(e.path, e);
  const rank = (p: string) => {
    const i = order.indexOf(p);
    return i === -1 ? order.length : i;
  };
  return [...firstPerField.values()].sort((a, b) => rank(a.path) - rank(b.path));
}

/**
 * The field errors for a schema's issues and the form's own checks (`extra`), one per field in the
 * fields' order. An own check for a field replaces the schema's issues for that same field: its
 * words are the more exact ones (a date's "… must include a month", not the schema's "Enter a date").
 */
export function fieldErrors(
  issues: readonly z.core.$ZodIssue[],
  extra: readonly FieldError[],
  fieldOrder: readonly string[],
): FieldError[] {
  const own = new Set(extra.map((e) => e.path));
  const fields = issues
    .map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
    .filter((f) => !own.has(f.path))
    .map((f) => ({ ...f, path: normalise(f.path, fieldOrder) }));
  return ordered([...fields, ...extra], fieldOrder);
}

/**
 * Form error state shared by every form: client-side zod issues and server refusals end up in the
 * same shape, shown in the error summary and beside each field.
 */
export function useFormErrors(fieldOrder: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  /** The schema's issues and the form's own checks, shown (see fieldErrors). */
  const fromIssues = useCallback(
    (issues: readonly z.core.$ZodIssue[], extra: FieldError[] = []) => {
      setErrors((e) => ({
        fields: fieldErrors(issues, extra, fieldOrder),
        message: null,
        attempt: e.attempt + 1,
      }));
    },
    [fieldOrder],
  );

  const fromFields = useCallback(
    (fields: FieldError[]) => {
      setErrors((e) => ({ fields: ordered(fields, fieldOrder), message: null, attempt: e.attempt + 1 }));
    },
    [fieldOrder],
  );

  const fromApi = useCallback(
    (error: ApiError) => {
      const fields = error.fields
        .map((f) => ({ path: normalise(f.path, fieldOrder), message: f.message }))
        .filter((f) => fieldOrder.includes(f.path));
      setErrors((e) => ({
        fields: ordered(fields, fieldOrder),
        message: fields.length > 0 ? null : error.message,
        attempt: e.attempt + 1,
      }));
    },
    [fieldOrder],
  );

  const clear = useCallback(() => {
    setErrors((e) => ({ ...NO_ERRORS, attempt: e.attempt }));
  }, []);

  const errorFor = useCallback(
    (path: string): string | undefined => errors.fields.find((f) => f.path === path)?.message,
    [errors],
  );

  return { errors, fromIssues, fromFields, fromApi, clear, errorFor };
}
