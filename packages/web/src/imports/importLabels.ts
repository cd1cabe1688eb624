/** How the import pages name a file's rows and show the values in a change. */
import { SEND_STATUS_SHORT_LABELS, SEX_LABELS, yearGroupLabel, type ImportKind } from '@tandem/core';
import { formatIsoDay } from '../components/dates';
import { labelOf } from '../components/format';
import { KIND_WORDS } from './importApi';

/** What the file's rows are, as a heading: a CTF's rows are its pupils. */
export function rowsTitle(kind: ImportKind): string {
  return kind === 'ctf' ? 'Pupils' : KIND_WORDS[kind].title;
}

/** Where in the file a row is: a CSV's line, or a CTF's pupil by place (contacts carry their pupil's). */
export function lineLabel(kind: ImportKind): string {
  return kind === 'ctf' ? 'Pupil no.' : 'Line';
}

/** A value in a change, as the school would write it. */
export function display(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (field === 'SEN' && typeof value === 'string') return labelOf(SEND_STATUS_SHORT_LABELS, value);
  if (field === 'Sex' && typeof value === 'string') return labelOf(SEX_LABELS, value);
  if (field === 'Year group' && typeof value === 'number') return yearGroupLabel(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDay(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
