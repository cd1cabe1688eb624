/** The editor's answers as typed, and how they become the body the server takes (core's schema). */
import {
  AREA_KEYS,
  RESOURCE_AUDIENCES,
  RESOURCE_KINDS,
  resourceInputSchema,
  type DocumentInfo,
  type Resource,
} from '@tandem/core';
import { ApiError } from '../api/client';
import { isOneOf } from '../components/format';

export interface ResourceFormValues {
  title: string;
  description: string;
  audiences: string[];
  /** '' before it is chosen. */
  kind: string;
  areas: string[];
  url: string;
  document: DocumentInfo | null;
}

/** The fields in the order the form asks them, for the error summary. */
export const RESOURCE_FIELDS = ['title', 'description', 'audiences', 'kind', 'areas', 'url', 'documentId'] as const;

export function emptyValues(area: string | null): ResourceFormValues {
  return {
    title: '',
    description: '',
    audiences: [],
    kind: '',
    areas: area !== null && isOneOf(AREA_KEYS, area) ? [area] : [],
    url: '',
    document: null,
  };
}

export function valuesFrom(r: Resource): ResourceFormValues {
  return {
    title: r.title,
    description: r.description,
    audiences: [...r.audiences],
    kind: r.kind,
    areas: [...r.areas],
    url: r.url,
    document: r.document,
  };
}

export function resourceBody(v: ResourceFormValues) {
  return resourceInputSchema.safeParse({
    title: v.title,
    description: v.description,
    audiences: v.audiences.filter((a) => isOneOf(RESOURCE_AUDIENCES, a)),
    kind: isOneOf(RESOURCE_KINDS, v.kind) ? v.kind : undefined,
    areas: v.areas,
    url: v.url,
    documentId: v.document?.id ?? null,
  });
}

/** A change's refusal names its fields "details.title": the form knows them as "title". */
export function withoutDetailsPrefix(error: ApiError): ApiError {
  const fields = error.fields.map((f) => ({ ...f, path: f.path.replace(/^details\./, '') }));
  return new ApiError(error.code, error.status, error.message, fields);
}
