/** Addresses and words of the missing list, shared by its pages and the pupil's record. */
import { attendanceCode, SESSION_LABELS, type MissingWhy, type Session } from '@tandem/core';
import { formatDate, formatIsoDay } from '../components/dates';

const enc = encodeURIComponent;
export const missingApi = (schoolId: string) => `/api/schools/${enc(schoolId)}/missing`;
export const pupilMissingApi = (schoolId: string, pupilId: string) =>
  `/api/schools/${enc(schoolId)}/pupils/${enc(pupilId)}/missing`;
export const missingPage = (schoolId: string) => `/schools/${enc(schoolId)}/missing`;
export const missingChangePage = (schoolId: string, pupilId: string, action: 'add' | 'remove') =>
  `${missingPage(schoolId)}/pupils/${enc(pupilId)}/${action}`;
export const attendanceImportPage = (schoolId: string) => `/schools/${enc(schoolId)}/attendance/import`;

/** "Monday 1 March 2027, morning". */
export function sessionWords(on: string, session: Session): string {
  return `${formatIsoDay(on)}, ${SESSION_LABELS[session].toLowerCase()}`;
}

/** "N: Reason for absence not yet established". */
export function codeWords(code: string): string {
  const known = attendanceCode(code);
  return known === null ? code : `${known.code}: ${known.meaning}`;
}

/** Why a pupil is on the list, in a sentence. */
export function whyWords(why: MissingWhy): string {
  if (why.source === 'level') {
    return why.since === null ? `At ${why.level}` : `At ${why.level} since ${formatDate(why.since)}`;
  }
  return `Added by ${why.byName} on ${formatDate(why.at)}: ${why.reason}`;
}
