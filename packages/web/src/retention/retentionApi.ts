/** Addresses and small words shared by the records retention page. */
import { recordKindWords } from '@tandem/core';
import { enc } from '../api/client';
import { schoolApi, schoolPage } from '../pupils/pupilsApi';

export const retentionApi = (schoolId: string) => `${schoolApi(schoolId)}/retention`;
export const registerApi = (schoolId: string) => `${retentionApi(schoolId)}/destructions`;
export const ruleApi = (schoolId: string, recordClass: string) => `${retentionApi(schoolId)}/rules/${enc(recordClass)}`;
export const destructionApi = (schoolId: string, id: string) => `${registerApi(schoolId)}/${enc(id)}`;
export const retentionPage = (schoolId: string) => `${schoolPage(schoolId)}/retention`;

/** "3 concerns, 1 plan version" */
export function countsWords(counts: readonly { kind: string; count: number }[]): string {
  if (counts.length === 0) return 'Nothing held';
  return counts.map((c) => recordKindWords(c.kind, c.count)).join(', ');
}
