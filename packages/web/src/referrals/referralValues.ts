/** The draft editor's values, as typed: what is kept in the tab and what a save sends. */
import {
  REFERRAL_CONSENT,
  REFERRAL_PARTS,
  type ReferralConsent,
  type ReferralPart,
  type SaveReferralBody,
} from '@tandem/core';
import { z } from 'zod';
import { formatDate, formatIsoDay } from '../components/dates';
import type { FullReferral } from './referralsApi';

export interface ReferralValues {
  parts: Partial<Record<ReferralPart, string>>;
  consent: ReferralConsent | null;
  consentNote: string;
  serviceId: string;
}

export const referralValuesSchema = z.object({
  parts: z.partialRecord(z.enum(REFERRAL_PARTS), z.string()),
  consent: z.enum(REFERRAL_CONSENT).nullable(),
  consentNote: z.string(),
  serviceId: z.string(),
});

export const keptReferralSchema = z.object({ baseVersion: z.number().int().min(1), values: referralValuesSchema });
export type KeptReferral = z.infer<typeof keptReferralSchema>;

/** The written parts (consent is asked with its own question). */
export const WRITTEN_PARTS = REFERRAL_PARTS.filter((p) => p !== 'consent');

export function valuesOf(r: FullReferral): ReferralValues {
  return { parts: { ...r.parts }, consent: r.consent, consentNote: r.consentNote, serviceId: r.serviceId ?? '' };
}

/** Whether two sets of values say the same (an empty part is the same as a missing one). */
export function sameValues(a: ReferralValues, b: ReferralValues): boolean {
  return (
    a.consent === b.consent &&
    a.consentNote === b.consentNote &&
    a.serviceId === b.serviceId &&
    WRITTEN_PARTS.every((p) => (a.parts[p] ?? '') === (b.parts[p] ?? ''))
  );
}

export function saveBody(values: ReferralValues, version: number): SaveReferralBody {
  const parts: SaveReferralBody['parts'] = {};
  for (const p of WRITTEN_PARTS) parts[p] = values.parts[p] ?? '';
  return {
    parts,
    consent: values.consent,
    consentNote: values.consentNote,
    serviceId: values.serviceId === '' ? null : values.serviceId,
    version,
  };
}

/** The element a field's error or a missing part links to. */
export function partFieldId(part: ReferralPart, consent: ReferralConsent | null): string {
  if (part !== 'consent') return `parts-${part}`;
  return consent === null ? 'consent' : 'consentNote';
}

/** The editor's fields in the page's order, for the error summary. */
export function fieldOrder(required: readonly ReferralPart[]): string[] {
  const written = [
    ...WRITTEN_PARTS.filter((p) => required.includes(p)),
    ...WRITTEN_PARTS.filter((p) => !required.includes(p)),
  ];
  return ['serviceId', ...written.map((p) => `parts.${p}`), 'consent', 'consentNote'];
}

/** "12 Nov 2026 – Level changed to Targeted – Worries about sleep", one line of the history. */
export function recordLine(e: { at: string; title: string; detail: string | null }): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(e.at) ? formatIsoDay(e.at) : formatDate(e.at);
  // One line each: a detail written over several lines is joined up.
  const detail = (e.detail ?? '').replace(/\s*\n\s*/g, ' ');
  return [day, e.title, detail].filter((s) => s.trim() !== '').join(' – ');
}

/** The history text with the ticked entries added at the end, one a line. */
export function withEntries(text: string, lines: readonly string[]): string {
  const base = text.replace(/\s+$/, '');
  return base === '' ? lines.join('\n') : `${base}\n${lines.join('\n')}`;
}
