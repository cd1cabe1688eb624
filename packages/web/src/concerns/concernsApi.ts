/** Addresses, words and small helpers shared by the concern pages. */
import { PARENTS_TOLD_HOW_LABELS, type concernViewResponse, type ParentsToldHow } from '@tandem/core';
import type { z } from 'zod';
import { enc } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import { schoolApi, schoolPage } from '../pupils/pupilsApi';

export const concernsApi = (schoolId: string) => `${schoolApi(schoolId)}/concerns`;
export const concernApi = (schoolId: string, concernId: string) => `${concernsApi(schoolId)}/${enc(concernId)}`;
export const alertsApi = (schoolId: string) => `${schoolApi(schoolId)}/alerts`;
export const dutyApi = (schoolId: string) => `${schoolApi(schoolId)}/dsl-duty`;

export const concernsPage = (schoolId: string) => `${schoolPage(schoolId)}/concerns`;
export const logConcernPage = (schoolId: string) => `${concernsPage(schoolId)}/new`;
export const myConcernsPage = (schoolId: string) => `${concernsPage(schoolId)}/mine`;
export const concernPage = (schoolId: string, concernId: string) =>
  `${concernsPage(schoolId)}/${encodeURIComponent(concernId)}`;
/** The confirmation after logging a concern: reloading it shows it again. */
export const concernSentPage = (schoolId: string, concernId: string) =>
  `${concernsPage(schoolId)}/sent/${encodeURIComponent(concernId)}`;
export const alertsPage = (schoolId: string) => `${schoolPage(schoolId)}/alerts`;
export const dutyPage = (schoolId: string) => `${schoolPage(schoolId)}/dsl-duty`;

/** Who may open the triage queue at all (the server decides what is in it). */
export function mayReadQueue(school: SessionSchool | undefined): boolean {
  return (
    schoolCan(school, 'concern.triage') || schoolCan(school, 'pupil.readCase') || schoolCan(school, 'safeguarding.read')
  );
}

/** The DSL team, headteacher and school administrator may change the duty rota. */
export function mayEditDuty(school: SessionSchool | undefined): boolean {
  return schoolCan(school, 'safeguarding.read') || schoolCan(school, 'school.manageStaff');
}

/** A concern as those who may read it in full see it. */
export type ConcernFull = Extract<z.infer<typeof concernViewResponse>, { access: 'full' }>['concern'];
/** A concern as the person who logged it, without a case role, sees it. */
export type ConcernLoggerView = Extract<z.infer<typeof concernViewResponse>, { access: 'logger' }>['concern'];
/** Tells the concern page that something changed: it shows the banner and loads the concern again. */
export type ConcernChanged = (title: string, text?: string) => void;

/** "By phone", for how parents were told; nothing when it was not recorded. */
export function toldHowWords(how: ParentsToldHow | null): string {
  return how === null ? '' : PARENTS_TOLD_HOW_LABELS[how];
}

/** "Ava Begum (8K) and Leo Grant (9W)" */
export function pupilsInWords(pupils: readonly { name: string; form: string }[]): string {
  const names = pupils.map((p) => (p.form === '' ? p.name : `${p.name} (${p.form})`));
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** "Concern about Ava Begum", for headings and titles. */
export function concernTitle(pupils: readonly { name: string }[]): string {
  if (pupils.length === 0) return 'Concern';
  if (pupils.length === 1) return `Concern about ${pupils[0]?.name ?? ''}`;
  if (pupils.length === 2) return `Concern about ${pupils[0]?.name ?? ''} and ${pupils[1]?.name ?? ''}`;
  return `Concern about ${pupils[0]?.name ?? ''} and ${String(pupils.length - 1)} other pupils`;
}

/** An alert's words without the shouted "URGENT:" (the urgent mark says it), starting with a capital. */
export function alertWords(message: string): string {
  const text = message.replace(/^URGENT:\s*/i, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
