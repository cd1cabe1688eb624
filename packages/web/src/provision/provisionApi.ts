/** Addresses, answers and small words shared by the provision pages. */
import { VISIT_KIND_LABELS, type ParentVisitPart } from '@tandem/core';
import { z } from 'zod';
import { enc } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import { pupilApi, pupilPage, schoolApi, schoolPage } from '../pupils/pupilsApi';

export const provisionListApi = (schoolId: string) => `${schoolApi(schoolId)}/provision`;
export const pupilProvisionApi = (schoolId: string, pupilId: string) => `${pupilApi(schoolId, pupilId)}/provision`;
export const timetablesApi = (schoolId: string, pupilId: string) => `${pupilApi(schoolId, pupilId)}/timetables`;
export const timetableApi = (schoolId: string, id: string) => `${schoolApi(schoolId)}/timetables/${enc(id)}`;
export const elsewhereNewApi = (schoolId: string, pupilId: string) =>
  `${pupilApi(schoolId, pupilId)}/education-elsewhere`;
export const elsewhereApi = (schoolId: string, id: string) => `${schoolApi(schoolId)}/education-elsewhere/${enc(id)}`;
export const schedulesApi = (schoolId: string, pupilId: string) => `${pupilApi(schoolId, pupilId)}/visit-schedules`;
export const scheduleEndApi = (schoolId: string, id: string) => `${schoolApi(schoolId)}/visit-schedules/${enc(id)}/end`;
export const visitsApi = (schoolId: string, pupilId: string) => `${pupilApi(schoolId, pupilId)}/visits`;

export const provisionListPage = (schoolId: string) => `${schoolPage(schoolId)}/provision`;
/** The pupil's "Attendance and provision" tab. */
export const provisionTab = (schoolId: string, pupilId: string) => `${pupilPage(schoolId, pupilId)}?tab=attendance`;
export const newTimetablePage = (schoolId: string, pupilId: string) => `${pupilPage(schoolId, pupilId)}/timetable/new`;
export const changeTimetablePage = (schoolId: string, pupilId: string, id: string) =>
  `${pupilPage(schoolId, pupilId)}/timetable/${encodeURIComponent(id)}`;
export const newElsewherePage = (schoolId: string, pupilId: string) =>
  `${pupilPage(schoolId, pupilId)}/education-elsewhere/new`;
export const changeElsewherePage = (schoolId: string, pupilId: string, id: string) =>
  `${pupilPage(schoolId, pupilId)}/education-elsewhere/${encodeURIComponent(id)}`;

export const changedResponse = z.object({ id: z.string(), revision: z.number() });
export const createdResponse = z.object({ id: z.string() });
export const okResponse = z.object({ ok: z.literal(true) });

export function mayManageProvision(school: SessionSchool | undefined): boolean {
  return schoolCan(school, 'provision.manage');
}

/** "5 of 10 sessions a week" */
export function sessionsWords(n: number): string {
  return `${String(n)} of 10 sessions a week`;
}

/** "Week 3" from completed weeks. */
export function weekWords(weeksSoFar: number): string {
  return `Week ${String(weeksSoFar + 1)}`;
}

/** "Every 2 weeks" */
export function everyWords(days: number): string {
  if (days % 7 === 0) return days === 7 ? 'Every week' : `Every ${String(days / 7)} weeks`;
  return `Every ${String(days)} days`;
}

export function visitWords(v: ParentVisitPart): string {
  return `${VISIT_KIND_LABELS[v.kind]}: ${v.seen ? 'seen or spoken to' : 'not seen'}`;
}
