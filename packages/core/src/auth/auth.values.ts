/**
 * The enumerated values of signing in. Roles and permissions have their own module (roles.ts).
 * This module imports nothing, so the tables and the zod schemas can both import it.
 */

/** What a one-time link (one_time_tokens.purpose) is for. */
export const ONE_TIME_TOKEN_PURPOSES = ['password_reset', 'invitation', 'pupil_setup'] as const;
export type OneTimeTokenPurpose = (typeof ONE_TIME_TOKEN_PURPOSES)[number];
export const ONE_TIME_TOKEN_PURPOSE_LABELS: Record<OneTimeTokenPurpose, string> = {
  password_reset: 'Password reset',
  invitation: 'Invitation',
  pupil_setup: 'Pupil set-up code',
};

/** How far signing in has gone: 'complete', or the step still needed before anything else. */
export const SESSION_STAGES = ['signed_out', 'mfa_required', 'mfa_enrolment_required', 'complete'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];
