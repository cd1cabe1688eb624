/**
 * The two-step sign-in words for parents (core family/two-step.words.ts, measured there), typed
 * for the shared enrolment component.
 */
import { TWO_STEP_ENROLMENT_WORDS as E, TWO_STEP_RECOVERY_WORDS as R } from '@tandem/core';
import type { EnrolmentWords, RecoveryCodeWords } from '../auth/TwoFactorEnrolment';

export { TWO_STEP_WORDS } from '@tandem/core';
export const TWO_STEP_ENROLMENT_WORDS: EnrolmentWords = E;
export const TWO_STEP_RECOVERY_WORDS: RecoveryCodeWords = { ...R, fileLines: [...R.fileLines] };
