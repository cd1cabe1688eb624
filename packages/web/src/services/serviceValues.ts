/**
 * The directory editor's answers as typed (ages as text, nothing chosen yet), and how they become
 * the body the server takes. The checks are core's schema, the one the server uses.
 */
import {
  SERVICE_AUDIENCES,
  SERVICE_NEEDS,
  serviceInputSchema,
  type Service,
  type ServiceInput,
  type ServiceStatus,
} from '@tandem/core';
import { ApiError } from '../api/client';
import { isOneOf } from '../components/format';
import type { FieldError } from '../components/formErrors';

export interface ServiceFormValues {
  name: string;
  description: string;
  audiences: string[];
  ageFrom: string;
  ageTo: string;
  needs: string[];
  howToRefer: string;
  /** 'yes', 'no', or '' before it is answered. */
  selfReferral: string;
  openingHours: string;
  phone: string;
  text: string;
  web: string;
  /** Kept as it was: retiring and bringing back are done on the entry's page. */
  status: ServiceStatus;
}

/** The fields in the order the form asks them, for the error summary. */
export const SERVICE_FIELDS = [
  'name',
  'description',
  'audiences',
  'ageFrom',
  'ageTo',
  'needs',
  'howToRefer',
  'selfReferral',
  'openingHours',
  'phone',
  'text',
  'web',
] as const;

export function emptyServiceValues(): ServiceFormValues {
  return {
    name: '',
    description: '',
    audiences: [],
    ageFrom: '',
    ageTo: '',
    needs: [],
    howToRefer: '',
    selfReferral: '',
    openingHours: '',
    phone: '',
    text: '',
    web: '',
    status: 'active',
  };
}

export function valuesFromService(s: Service): ServiceFormValues {
  return {
    name: s.name,
    description: s.description,
    audiences: [...s.audiences],
    ageFrom: String(s.ageFrom),
    ageTo: String(s.ageTo),
    needs: [...s.needs],
    howToRefer: s.howToRefer,
    selfReferral: s.selfReferral ? 'yes' : 'no',
    openingHours: s.openingHours,
    phone: s.phone,
    text: s.text,
    web: s.web,
    status: s.status,
  };
}

/** An entry as the server takes it back, with another status (retiring it, or bringing it back). */
export function inputFromService(s: Service, status: ServiceStatus): ServiceInput {
  return {
    name: s.name,
    description: s.description,
    audiences: [...s.audiences],
    ageFrom: s.ageFrom,
    ageTo: s.ageTo,
    needs: [...s.needs],
    howToRefer: s.howToRefer,
    selfReferral: s.selfReferral,
    openingHours: s.openingHours,
    phone: s.phone,
    text: s.text,
    web: s.web,
    status,
  };
}

/** Text to a number for the schema: empty is missing, anything else not a number is NaN (refused). */
function numberOf(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

function candidate(v: ServiceFormValues) {
  return {
    name: v.name,
    description: v.description,
    audiences: v.audiences.filter((a) => isOneOf(SERVICE_AUDIENCES, a)),
    ageFrom: numberOf(v.ageFrom),
    ageTo: numberOf(v.ageTo),
    needs: v.needs.filter((n) => isOneOf(SERVICE_NEEDS, n)),
    howToRefer: v.howToRefer,
    selfReferral: v.selfReferral === 'yes' ? true : v.selfReferral === 'no' ? false : undefined,
    openingHours: v.openingHours,
    phone: v.phone,
    text: v.text,
    web: v.web,
    status: v.status,
  };
}

/** The entry's details, checked: a new entry's body, and a change's `details`. */
export function serviceBody(v: ServiceFormValues) {
  return serviceInputSchema.safeParse(candidate(v));
}

/** A change's refusal names its fields "details.name": the form knows them as "name". */
export function withoutDetailsPrefix(error: ApiError): ApiError {
  const fields = error.fields.map((f) => ({ ...f, path: f.path.replace(/^details\./, '') }));
  return new ApiError(error.code, error.status, error.message, fields);
}

/** The form's own words for an age left empty (core's say "as a number", for text that is not one). */
export function emptyAgeProblems(v: ServiceFormValues): FieldError[] {
  const found: FieldError[] = [];
  if (v.ageFrom.trim() === '') found.push({ path: 'ageFrom', message: 'Enter the youngest age' });
  if (v.ageTo.trim() === '') found.push({ path: 'ageTo', message: 'Enter the oldest age' });
  return found;
}
