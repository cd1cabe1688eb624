/**
 * The concerns' records as a person reads them: each concern's written account, a corrected value,
 * a file's kind and size. Plain lines, one fact each; other pupils only ever as a count.
 */
import {
  CONCERN_CATEGORY_LABELS,
  CONCERN_OUTCOME_LABELS,
  CONCERN_STATUS_LABELS,
  DISCLOSURE_CONSENT_LABELS,
  PARENTS_STATUS_LABELS,
  PARENTS_TOLD_HOW_LABELS,
  WARNING_SIGNS,
  type ConcernCorrectionField,
} from '@tandem/core';
import { dateAndTime } from '../platform/dates';
import type { ConcernRow } from './concerns.records-read';
import { lines } from '../platform/records';

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
/** The lines that have something to say, as one body. */
export { lines };

export const FILE_TYPE_LABELS: Readonly<Record<string, string>> = {
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/webp': 'WebP image',
  'image/heic': 'HEIC image',
  'image/heif': 'HEIF image',
  'application/pdf': 'PDF document',
};

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function concernBody(r: ConcernRow, pupilCount: number): string {
  const c = r.c;
  const signs = c.warningSigns.map((s) => (WARNING_SIGNS as Record<string, string>)[s] ?? s);
  const others = pupilCount - 1;
  return lines(
    `Reference: ${c.reference}`,
    c.fromParent
      ? `Sent by: ${r.loggerName}, a parent or carer, in Tandem, on ${dateAndTime(c.loggedAt)}`
      : `Logged by: ${r.loggerName}, on ${dateAndTime(c.loggedAt)}`,
    `When it happened: ${dateAndTime(c.occurredAt)}`,
    `Where it happened: ${c.location}`,
    `What was seen or heard: ${c.account}`,
    c.pupilWords && `The pupil's own words: "${c.pupilWords}"`,
    signs.length > 0 && `Warning signs noticed: ${signs.join('; ')}`,
    c.othersPresent && `Others present: ${c.othersPresent}`,
    others > 0 && `Also about: ${others === 1 ? 'one other pupil' : `${others} other pupils`} (not named here)`,
    `Risk of immediate harm: ${yesNo(c.riskOfImmediateHarm)}`,
    `Possible child protection: ${yesNo(c.possibleChildProtection)}`,
    `Medical emergency: ${yesNo(c.medicalEmergency)}`,
    `Kind of concern: ${CONCERN_CATEGORY_LABELS[c.category]}`,
    `Urgent: ${yesNo(c.urgent)}`,
    c.restricted && 'Kept in the safeguarding record (the DSL team only)',
    c.isDisclosure && 'The pupil made a disclosure.',
    c.disclosureToldWho && `The pupil was told who would be told: ${c.disclosureToldWho}`,
    c.disclosureToldWhat && `The pupil was told what would be shared: ${c.disclosureToldWhat}`,
    c.disclosureToldWhy && `The pupil was told why: ${c.disclosureToldWhy}`,
    c.disclosureConsent && `Whether the pupil agreed: ${DISCLOSURE_CONSENT_LABELS[c.disclosureConsent]}`,
    c.disclosureConsentNote && `About their agreement: ${c.disclosureConsentNote}`,
    `Where it stands: ${CONCERN_STATUS_LABELS[c.status]}`,
    c.acknowledgedAt && `Acknowledged by: ${r.ackName ?? 'a member of staff'}, on ${dateAndTime(c.acknowledgedAt)}`,
    c.escalatedToDslAt &&
      `Passed to the DSL team by: ${r.escalatorName ?? 'a member of staff'}, on ${dateAndTime(c.escalatedToDslAt)}`,
    c.outcome && `Outcome: ${CONCERN_OUTCOME_LABELS[c.outcome]}`,
    c.outcomeNote && `About the outcome: ${c.outcomeNote}`,
    c.closedAt && `Closed by: ${r.closerName ?? 'a member of staff'}, on ${dateAndTime(c.closedAt)}`,
    `Telling parents: ${PARENTS_STATUS_LABELS[c.parentsStatus]}`,
    c.pupilTellsBy && `The pupil was to tell them by: ${dateAndTime(c.pupilTellsBy)}`,
    c.parentsToldAt &&
      `Parents told: ${c.parentsToldHow ? `${PARENTS_TOLD_HOW_LABELS[c.parentsToldHow]}, ` : ''}by ${
        r.tellerName ?? 'a member of staff'
      }, on ${dateAndTime(c.parentsToldAt)}`,
  );
}

/** A corrected value as a person reads it; a list of pupils only as a count (it may name others). */
export function correctedValue(field: ConcernCorrectionField, value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (field === 'category') {
    return (CONCERN_CATEGORY_LABELS as Record<string, string>)[text] ?? text;
  }
  if (field === 'occurredAt') return dateAndTime(new Date(text));
  if (field === 'pupils') {
    const n = Array.isArray(value) ? value.length : 0;
    return n === 1 ? 'one pupil' : `${n} pupils`;
  }
  return value === true ? 'in the safeguarding record' : 'not in the safeguarding record';
}
