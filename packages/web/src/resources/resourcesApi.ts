/**
 * Where the resource library's pages read and write: a school's library (read by every member of
 * staff; its own entries kept by the Senior Mental Health Lead) or a trust's shared entries (kept by
 * the trust administrator and trust lead). Also the search as it stands in the page's address.
 */
import {
  AREA_KEYS,
  RESOURCE_AUDIENCE_LABELS,
  RESOURCE_AUDIENCES,
  RESOURCE_KINDS,
  type ResourceAudience,
} from '@tandem/core';
import { z } from 'zod';
import { enc, withQuery } from '../api/client';
import { schoolCan, trustCan, useSession } from '../auth/session';
import { isOneOf, listInWords } from '../components/format';
import type { DocumentPlace } from '../components/DocumentUpload';
import { resourcesPage } from '../whole-school/paths';

export interface LibraryPlace {
  kind: 'school' | 'trust';
  id: string;
  name: string;
  /** The entries (GET), and where a new one is added (POST). */
  api: string;
  entryApi: (resourceId: string) => string;
  listPage: string;
  newPage: string;
  editPage: (resourceId: string) => string;
  documents: DocumentPlace;
}

export type LibraryAt = { schoolId: string } | { trustId: string };

export const trustResourcesPage = (trustId: string) => `/trusts/${enc(trustId)}/resources`;

function place(kind: LibraryPlace['kind'], id: string, name: string, api: string, listPage: string): LibraryPlace {
  return {
    kind,
    id,
    name,
    api,
    entryApi: (resourceId) => `${api}/${enc(resourceId)}`,
    listPage,
    newPage: `${listPage}/new`,
    editPage: (resourceId) => `${listPage}/${enc(resourceId)}/edit`,
    documents: kind === 'school' ? { schoolId: id } : { trustId: id },
  };
}

/**
 * The library at a school or trust, when the person signed in may read it (`read`) or keep its
 * entries (`manage`); null otherwise (the page then says "not found", as the server would).
 */
export function useLibrary(at: LibraryAt, need: 'read' | 'manage'): LibraryPlace | null {
  const { session } = useSession();
  if ('schoolId' in at) {
    const school = session.schools.find((s) => s.id === at.schoolId);
    const may = need === 'read' ? schoolCan(school, 'staff.wholeSchool') : schoolCan(school, 'resources.manage');
    if (school === undefined || !may) return null;
    return place(
      'school',
      school.id,
      school.name,
      `/api/schools/${enc(school.id)}/resources`,
      resourcesPage(school.id),
    );
  }
  const trust = session.trusts.find((t) => t.id === at.trustId);
  if (trust === undefined || !trustCan(trust, 'trust.curateResources')) return null;
  return place('trust', trust.id, trust.name, `/api/trusts/${enc(trust.id)}/resources`, trustResourcesPage(trust.id));
}

export const createdResponse = z.object({ id: z.string() });
export const savedResponse = z.object({ id: z.string(), version: z.number() });
export const okResponse = z.object({ ok: z.literal(true) });

/** A search as it stands in the address: empty means "any". */
export interface LibrarySearch {
  area: string;
  audience: string;
  kind: string;
  q: string;
}

export const NO_SEARCH: LibrarySearch = { area: '', audience: '', kind: '', q: '' };

/** The search in the address, keeping only values the server would accept (a bad link is no error). */
export function searchFrom(params: URLSearchParams): LibrarySearch {
  const area = params.get('area') ?? '';
  const audience = params.get('audience') ?? '';
  const kind = params.get('kind') ?? '';
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  return {
    area: isOneOf(AREA_KEYS, area) ? area : '',
    audience: isOneOf(RESOURCE_AUDIENCES, audience) ? audience : '',
    kind: isOneOf(RESOURCE_KINDS, kind) ? kind : '',
    q,
  };
}

export function searchQuery(s: LibrarySearch): Record<string, string | undefined> {
  return { area: s.area, audience: s.audience, kind: s.kind, q: s.q.trim() };
}

export const searchAddress = (listPage: string, s: LibrarySearch) => withQuery(listPage, searchQuery(s));

export function filtersInUse(s: LibrarySearch): number {
  return [s.area !== '', s.audience !== '', s.kind !== ''].filter(Boolean).length;
}

/** "Staff, school leaders and parents and carers": a sentence, so only its first word has a capital. */
export function audiencesWords(audiences: readonly ResourceAudience[]): string {
  return listInWords(
    audiences.map((a, i) => {
      const label = RESOURCE_AUDIENCE_LABELS[a];
      return i === 0 ? label : label.charAt(0).toLowerCase() + label.slice(1);
    }),
  );
}

/** A web address without "https://" and a trailing slash, as link text. */
export function webWords(url: string): string {
  return url.replace(/^https:\/\//, '').replace(/\/$/, '');
}
