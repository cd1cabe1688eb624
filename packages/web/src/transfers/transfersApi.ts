/** Addresses and small words shared by the transfer and term dates pages. */
import { TRANSFER_PART_STATUS_LABELS, type TransferPart } from '@tandem/core';
import { z } from 'zod';
import { enc } from '../api/client';
import { pupilApi, schoolApi, schoolPage, pupilPage } from '../pupils/pupilsApi';
import type { TagTone } from '../components/Page';

export const transfersApi = (schoolId: string) => `${schoolApi(schoolId)}/transfers`;
export const transferApi = (schoolId: string, id: string) => `${transfersApi(schoolId)}/${enc(id)}`;
export const partApi = (schoolId: string, partId: string) => `${schoolApi(schoolId)}/transfer-parts/${enc(partId)}`;
export const openPackageApi = (schoolId: string) => `${schoolApi(schoolId)}/received-packages/open`;
export const importPackageApi = (schoolId: string) => `${schoolApi(schoolId)}/received-packages/import`;
export const leavingApi = (schoolId: string, pupilId: string) => `${pupilApi(schoolId, pupilId)}/leaving`;
export const termDatesApi = (schoolId: string) => `${schoolApi(schoolId)}/term-dates`;

export const transfersPage = (schoolId: string) => `${schoolPage(schoolId)}/transfers`;
export const transferPage = (schoolId: string, id: string) => `${transfersPage(schoolId)}/${encodeURIComponent(id)}`;
export const importPage = (schoolId: string) => `${transfersPage(schoolId)}/import`;
export const leavingPage = (schoolId: string, pupilId: string) => `${pupilPage(schoolId, pupilId)}/leaving`;
export const termDatesPage = (schoolId: string) => `${schoolPage(schoolId)}/term-dates`;

export const okResponse = z.object({ ok: z.literal(true) });
export const createdResponse = z.object({ id: z.string() });

export function statusTone(part: TransferPart): TagTone {
  if (part.overdue) return 'red';
  if (part.status === 'received' || part.status === 'none_held') return 'green';
  if (part.status === 'sent') return 'blue';
  return 'yellow';
}

export function statusWords(part: TransferPart): string {
  return part.overdue
    ? `Overdue: ${TRANSFER_PART_STATUS_LABELS[part.status].toLowerCase()}`
    : TRANSFER_PART_STATUS_LABELS[part.status];
}
