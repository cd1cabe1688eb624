/** The policy forms' values as typed, and the request bodies made from them. */
import {
  checkVersionDates,
  defaultNextReview,
  type DocumentInfo,
  type PolicyKind,
  type PolicyReaders,
  type PolicySummary,
  type SchoolStaffRole,
} from '@tandem/core';
import { isIsoDay, dateProblems } from '../components/DateInput';
import { ukIsoDay } from '../components/dates';
import type { FieldError } from '../components/formErrors';

export interface VersionValues {
  document: DocumentInfo | null;
  link: string;
  approvedOn: string;
  approvedBy: string;
  summary: string;
  /** '' for the kind's usual period. */
  nextReviewOn: string;
  reviewReason: string;
}

export const emptyVersion = (): VersionValues => ({
  document: null,
  link: '',
  approvedOn: '',
  approvedBy: '',
  summary: '',
  nextReviewOn: '',
  reviewReason: '',
});

export interface ReadersValues {
  ownerUserId: string;
  readers: PolicyReaders | '';
  readerRoles: SchoolStaffRole[];
}

export const readersFromPolicy = (p: PolicySummary): ReadersValues => ({
  ownerUserId: p.owner.id,
  readers: p.readers,
  readerRoles: [...p.readerRoles],
});

export const VERSION_FIELDS = [
  'documentId',
  'link',
  'approvedOn',
  'approvedBy',
  'summary',
  'nextReviewOn',
  'reviewReason',
] as const;
export const READERS_FIELDS = ['ownerUserId', 'readers', 'readerRoles'] as const;

/** The usual next review for what is typed so far (null until the kind and approval date are known). */
export function usualReview(kind: PolicyKind | '', approvedOn: string): string | null {
  return kind !== '' && isIsoDay(approvedOn) ? defaultNextReview(kind, approvedOn) : null;
}

/** Whether the review typed is later than usual, so a reason is asked for. */
export function reviewIsLate(kind: PolicyKind | '', v: VersionValues): boolean {
  const usual = usualReview(kind, v.approvedOn);
  return usual !== null && isIsoDay(v.nextReviewOn) && v.nextReviewOn > usual;
}

export function versionBody(kind: PolicyKind | '', v: VersionValues) {
  return {
    documentId: v.document?.id ?? null,
    link: v.link.trim(),
    approvedOn: v.approvedOn,
    approvedBy: v.approvedBy,
    summary: v.summary,
    nextReviewOn: v.nextReviewOn === '' ? null : v.nextReviewOn,
    reviewReason: reviewIsLate(kind, v) ? v.reviewReason : '',
  };
}

/** The date questions' own words, and the rules that need the kind and today. */
export function versionProblems(kind: PolicyKind | '', v: VersionValues): FieldError[] {
  const dates = dateProblems([
    { path: 'approvedOn', value: v.approvedOn, what: 'Date it was approved' },
    { path: 'nextReviewOn', value: v.nextReviewOn, what: 'Next review date', required: false },
  ]);
  const source =
    v.document === null && v.link.trim() === ''
      ? [{ path: 'link', message: 'Upload the policy’s file or give a link to it' }]
      : [];
  if (dates.length > 0 || kind === '') return [...source, ...dates];
  return checkVersionDates(
    kind,
    {
      approvedOn: v.approvedOn,
      nextReviewOn: v.nextReviewOn === '' ? null : v.nextReviewOn,
      reviewReason: v.reviewReason,
    },
    ukIsoDay(),
  );
}
