/** The self-assessment's checks shared by several use cases. */
import { AppError } from '@tandem/core';
import type { AssessmentRow } from './assessments.queries';

/** A confirmed self-assessment is read-only. */
export function requireDraft(a: AssessmentRow): void {
  if (a.status !== 'draft') {
    throw new AppError('conflict', 'assessment confirmed', {
      userMessage: 'This self-assessment has been confirmed, so it can no longer be changed.',
    });
  }
}

/** Whether a write failed on a unique index (someone else wrote the same thing meanwhile). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; i < 5 && typeof e === 'object' && e !== null; i++) {
    if ('code' in e && e.code === '23505') return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}
