import {
  type LevelCode,
  type LevelDefinition,
  type PupilListItem,
  type PupilProfileResponse,
  yearGroupLabel,
} from '@tandem/core';
import { useMemo } from 'react';
import { enc, lazySchema } from '../api/client';
import { useResource } from '../api/useResource';

// Lazily, so that the header does not bring zod to the first page: see ResponseSchema.
const levelFrameworkResponse = lazySchema(() => import('../api/lazySchemas').then((m) => m.levelFrameworkResponse));

export const schoolApi = (schoolId: string) => `/api/schools/${enc(schoolId)}`;
export const pupilsApi = (schoolId: string) => `${schoolApi(schoolId)}/pupils`;
export const pupilApi = (schoolId: string, pupilId: string) => `${pupilsApi(schoolId)}/${enc(pupilId)}`;
export const levelsApi = (schoolId: string) => `${schoolApi(schoolId)}/levels`;

/** Page addresses in the web app. */
export const schoolPage = (schoolId: string) => `/schools/${encodeURIComponent(schoolId)}`;
export const pupilsPage = (schoolId: string) => `${schoolPage(schoolId)}/pupils`;
export const pupilPage = (schoolId: string, pupilId: string) =>
  `${pupilsPage(schoolId)}/${encodeURIComponent(pupilId)}`;
export const levelsPage = (schoolId: string) => `${schoolPage(schoolId)}/levels`;

/** The search and filters last used on the pupil list, per school, so "Back to pupils" returns to them. */
const lastListSearch = new Map<string, string>();

export function rememberListSearch(schoolId: string, search: string): void {
  lastListSearch.set(schoolId, search);
}

export function pupilsPageBack(schoolId: string): string {
  return `${pupilsPage(schoolId)}${lastListSearch.get(schoolId) ?? ''}`;
}

type Named = Pick<PupilListItem, 'givenName' | 'familyName' | 'preferredName'>;

/** The name a pupil goes by: their preferred first name if they have one, then their surname. */
export function pupilName(p: Named): string {
  const first = p.preferredName !== null && p.preferredName.trim() !== '' ? p.preferredName : p.givenName;
  return `${first} ${p.familyName}`;
}

/** "Ada" – for sentences about the pupil. */
export function pupilFirstName(p: Named): string {
  return p.preferredName !== null && p.preferredName.trim() !== '' ? p.preferredName : p.givenName;
}

export type ProfilePupil = PupilProfileResponse['pupil'];

/** A pupil's record as those who may read their case see it. */
export type PupilCaseView = Extract<PupilProfileResponse, { view: 'case' }>;
/** A pupil's record as the staff who teach them see it: the staff summary of their level. */
export type PupilSummaryView = Extract<PupilProfileResponse, { view: 'summary' }>;
/** A pupil's record as other staff see it: name, year and form, and plans shared with all staff. */
export type PupilBasicView = Extract<PupilProfileResponse, { view: 'basic' }>;

/** "Year 9, form 9W", under a pupil's name. */
export function yearAndForm(p: { yearGroup: number; form: string }): string {
  return p.form === '' ? yearGroupLabel(p.yearGroup) : `${yearGroupLabel(p.yearGroup)}, form ${p.form}`;
}

/** The school's level framework (every member of staff may read it), by code. */
export function useLevelFramework(schoolId: string | null) {
  const handle = useResource(schoolId === null ? null : levelsApi(schoolId), levelFrameworkResponse);
  const byCode = useMemo(() => {
    const map = new Map<LevelCode, LevelDefinition>();
    if (handle.resource.status === 'ready') for (const l of handle.resource.data.levels) map.set(l.code, l);
    return map;
  }, [handle.resource]);
  return { ...handle, byCode };
}
