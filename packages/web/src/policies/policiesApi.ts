/** Addresses, answers and small words shared by the policy register's pages. */
import {
  POLICY_READERS_LABELS,
  POLICY_STATUSES,
  ROLE_LABELS,
  type PolicyStatus,
  type PolicySummary,
} from '@tandem/core';
import { z } from 'zod';
import { enc } from '../api/client';
import { schoolCan, type SessionSchool } from '../auth/session';
import type { TagTone } from '../components/Page';
import { isOneOf, listInWords } from '../components/format';
import { schoolApi, schoolPage } from '../pupils/pupilsApi';

export const policiesApi = (schoolId: string) => `${schoolApi(schoolId)}/policies`;
export const policyApi = (schoolId: string, policyId: string) => `${policiesApi(schoolId)}/${enc(policyId)}`;

export const wholeSchoolPage = (schoolId: string) => `${schoolPage(schoolId)}/whole-school`;
export const policiesPage = (schoolId: string) => `${wholeSchoolPage(schoolId)}/policies`;
export const newPolicyPage = (schoolId: string) => `${policiesPage(schoolId)}/new`;
export const policyPage = (schoolId: string, policyId: string) =>
  `${policiesPage(schoolId)}/${encodeURIComponent(policyId)}`;

export const createdResponse = z.object({ id: z.string() });
export const versionAddedResponse = z.object({ id: z.string(), version: z.number(), revision: z.number() });
export const changedResponse = z.object({ id: z.string(), revision: z.number() });
export const okResponse = z.object({ ok: z.literal(true) });

/** Every member of staff reads the register (the server decides; this only hides the way in). */
export function mayReadPolicies(school: SessionSchool | undefined): boolean {
  return schoolCan(school, 'staff.wholeSchool');
}

export function mayManagePolicies(school: SessionSchool | undefined): boolean {
  return schoolCan(school, 'policy.manage');
}

export const STATUS_TONES: Record<PolicyStatus, TagTone> = { in_date: 'green', due_soon: 'yellow', overdue: 'red' };

/** The status filter in the page's address ('' for every policy). */
export function statusFrom(params: URLSearchParams): PolicyStatus | '' {
  const s = params.get('status');
  return isOneOf(POLICY_STATUSES, s) ? s : '';
}

/** "All staff", "Teachers / tutors and support staff", "Nobody is required to read it" */
export function readersWords(p: Pick<PolicySummary, 'readers' | 'readerRoles'>): string {
  if (p.readers !== 'roles') return POLICY_READERS_LABELS[p.readers];
  return listInWords(p.readerRoles.map((r) => ROLE_LABELS[r]));
}

/** "31 of 41 required readers have confirmed version 4" */
export function readsWords(p: Pick<PolicySummary, 'reads' | 'version'>): string {
  if (p.reads === null) return 'Nobody is required to read it';
  const { confirmed, required } = p.reads;
  if (required === 0) return 'Nobody on the staff holds the roles that must read it';
  return `${String(confirmed)} of ${String(required)} required ${required === 1 ? 'reader has' : 'readers have'} confirmed version ${String(p.version)}`;
}
