/**
 * What the concerns' records are (their record class) and what the reviewer is advised to do with
 * them (disclose, redact or withhold), used when reading them (concerns.records-read.ts) and
 * re-exported by concerns.records.ts.
 */
import type { DisclosureDecision, RecordClass } from '@tandem/core';
import { DISCLOSE_ABOUT_PUPIL } from '../platform/records';

/** The name of the concerns' record source (matches `PupilRecordItem.source`). */
export const CONCERN_RECORDS_SOURCE = 'concerns';

export const CHILD_PROTECTION_REASON =
  'Child-protection content: disclosure could put the child at risk; the DSL decides.';
export const OTHER_PUPIL_REASON = 'Names another pupil: remove what is about them before disclosing.';
const DISCLOSE_REASON = DISCLOSE_ABOUT_PUPIL.reason;

/** What the record class of a concern is: the restricted safeguarding record is the child-protection file. */
export function concernRecordClass(restricted: boolean): RecordClass {
  return restricted ? 'child-protection' : 'wellbeing';
}

/** The suggestion for every item of a concern: withhold the child-protection file, redact other pupils. */
export function concernSuggestion(
  restricted: boolean,
  pupilCount: number,
): { decision: DisclosureDecision; reason: string } {
  if (restricted) return { decision: 'withhold', reason: CHILD_PROTECTION_REASON };
  if (pupilCount > 1) return { decision: 'redact', reason: OTHER_PUPIL_REASON };
  return { decision: 'disclose', reason: DISCLOSE_REASON };
}
