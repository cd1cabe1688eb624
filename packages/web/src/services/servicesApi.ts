/** Addresses, answers and small words shared by the services directory's pages. */
import {
  SERVICE_AUDIENCE_LABELS,
  SERVICE_AUDIENCES,
  SERVICE_NEEDS,
  serviceSearchQuery,
  type Service,
  type ServiceAudience,
} from '@tandem/core';
import { z } from 'zod';
import { enc, withQuery } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import { isOneOf, listInWords } from '../components/format';
import { schoolApi, schoolPage } from '../pupils/pupilsApi';

export const servicesApi = (schoolId: string) => `${schoolApi(schoolId)}/services`;
export const serviceApi = (schoolId: string, serviceId: string) => `${servicesApi(schoolId)}/${enc(serviceId)}`;

export const servicesPage = (schoolId: string) => `${schoolPage(schoolId)}/services`;
export const newServicePage = (schoolId: string) => `${servicesPage(schoolId)}/new`;
export const servicePage = (schoolId: string, serviceId: string) =>
  `${servicesPage(schoolId)}/${encodeURIComponent(serviceId)}`;
export const editServicePage = (schoolId: string, serviceId: string) => `${servicePage(schoolId, serviceId)}/edit`;

export const createdResponse = z.object({ id: z.string() });
export const savedResponse = z.object({ id: z.string(), version: z.number() });
export const okResponse = z.object({ ok: z.literal(true) });

/** Every member of staff may search the directory (the server decides; this only hides the way in). */
export function mayReadServices(school: SessionSchool | undefined): boolean {
  return schoolCan(school, 'pupil.readList');
}

/** The Senior Mental Health Lead keeps the school's own entries. */
export function mayManageServices(school: SessionSchool | undefined): boolean {
  return schoolCan(school, 'directory.manage');
}

/** A search as it stands in the page's address (and is sent to the server): empty means "any". */
export interface ServiceSearch {
  need: string;
  age: string;
  audience: string;
  q: string;
  includeRetired: boolean;
}

export const NO_SEARCH: ServiceSearch = { need: '', age: '', audience: '', q: '', includeRetired: false };

/** The query for the address and the server, leaving out what is not chosen. */
export function searchQuery(s: ServiceSearch): Record<string, string | undefined> {
  return {
    need: s.need,
    age: s.age.trim(),
    audience: s.audience,
    q: s.q.trim(),
    includeRetired: s.includeRetired ? 'true' : undefined,
  };
}

/** The search in the address, keeping only values the server would accept (a bad link is no error). */
export function searchFrom(params: URLSearchParams): ServiceSearch {
  const need = params.get('need') ?? '';
  const audience = params.get('audience') ?? '';
  const age = (params.get('age') ?? '').trim();
  const q = (params.get('q') ?? '').trim();
  return {
    need: isOneOf(SERVICE_NEEDS, need) ? need : '',
    audience: isOneOf(SERVICE_AUDIENCES, audience) ? audience : '',
    age: age !== '' && serviceSearchQuery.safeParse({ age }).success ? age : '',
    q: serviceSearchQuery.safeParse({ q }).success ? q : '',
    includeRetired: params.get('includeRetired') === 'true',
  };
}

/** How many of the filters (not the words) are in use. */
export function filtersInUse(s: ServiceSearch): number {
  return [s.need !== '', s.age !== '', s.audience !== '', s.includeRetired].filter(Boolean).length;
}

export const searchAddress = (schoolId: string, s: ServiceSearch) => withQuery(servicesPage(schoolId), searchQuery(s));

/** "Children and young people and parents and carers": a sentence, so only its first word has a capital. */
export function audiencesWords(audiences: readonly ServiceAudience[]): string {
  return listInWords(
    audiences.map((a, i) => {
      const label = SERVICE_AUDIENCE_LABELS[a];
      return i === 0 ? label : label.charAt(0).toLowerCase() + label.slice(1);
    }),
  );
}

/** "Ages 11 to 18", "Any age", "Age 16" */
export function agesWords(s: Pick<Service, 'ageFrom' | 'ageTo'>): string {
  if (s.ageFrom === 0 && s.ageTo >= 25) return 'Any age';
  if (s.ageFrom === s.ageTo) return `Age ${String(s.ageFrom)}`;
  if (s.ageTo >= 25) return `Ages ${String(s.ageFrom)} and over`;
  return `Ages ${String(s.ageFrom)} to ${String(s.ageTo)}`;
}

/**
 * The number to dial from a phone entry written for people ("0800 1111", "111, option 2"): the
 * first run of digits, or null when there is none to dial.
 */
export function dialNumber(phone: string): string | null {
  const match = /\+?\d[\d\s()-]*\d/.exec(phone.replace(/\(0\)/g, ''));
  if (match === null) return null;
  const digits = match[0].replace(/[^\d+]/g, '');
  return digits.length >= 3 ? digits : null;
}

/** A web address without "https://" and a trailing slash, as link text. */
export function webWords(web: string): string {
  return web.replace(/^https:\/\//, '').replace(/\/$/, '');
}
