/** Addresses, answers and small words shared by the subject access pages. */
import { z } from 'zod';
import { enc } from '../api/client';
import { pupilApi, schoolApi, schoolPage } from '../pupils/pupilsApi';

export const registerApi = (schoolId: string) => `${schoolApi(schoolId)}/subject-access`;
export const requestApi = (schoolId: string, id: string) => `${registerApi(schoolId)}/${enc(id)}`;
export const contactsApi = (schoolId: string, pupilId: string) =>
  `${pupilApi(schoolId, pupilId)}/subject-access-contacts`;

export const registerPage = (schoolId: string) => `${schoolPage(schoolId)}/subject-access`;
export const newRequestPage = (schoolId: string, pupilId?: string) =>
  `${registerPage(schoolId)}/new${pupilId === undefined ? '' : `?pupil=${encodeURIComponent(pupilId)}`}`;
export const requestPage = (schoolId: string, id: string) => `${registerPage(schoolId)}/${encodeURIComponent(id)}`;
export const reviewPage = (schoolId: string, id: string) => `${requestPage(schoolId, id)}/review`;

export const okResponse = z.object({ ok: z.literal(true) });
export const createdResponse = z.object({ id: z.string() });

/** "12 days left", "Due today", "3 days overdue" */
export function daysLeftWords(days: number): string {
  if (days === 0) return 'Due today';
  if (days === 1) return '1 day left';
  if (days > 1) return `${String(days)} days left`;
  return days === -1 ? '1 day overdue' : `${String(-days)} days overdue`;
}

/** A record kind as a heading: "level-change" → "Level change". */
export function kindWords(kind: string): string {
  const words = kind.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
