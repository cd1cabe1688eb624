/**
 * The one error type. The server maps `code` to an HTTP status in one place; the web app shows
 * `userMessage`, which is always written for the person using Tandem and never carries internals.
 */

export const ERROR_CODES = [
  'bad_request',
  'validation',
  'unauthenticated',
  'mfa_required',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'account_locked',
  'handed_to_pupil',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  unauthenticated: 401,
  mfa_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  account_locked: 429,
  handed_to_pupil: 403,
  internal: 500,
};

/** What the person is told for each kind of error, unless the error says something more useful. */
export const ERROR_USER_MESSAGES: Record<ErrorCode, string> = {
  bad_request: 'We could not understand that request. Please check what you entered and try again.',
  validation: 'Some answers need correcting. Please check the highlighted fields.',
  unauthenticated: 'Please sign in to continue.',
  mfa_required: 'Please enter the code from your authenticator app to continue.',
  forbidden: 'You do not have permission to do that.',
  not_found: 'We could not find that. It may have been moved, or you may not have access to it.',
  conflict: 'Someone else changed this while you were working. Your changes have not been saved.',
  payload_too_large: 'That is too large to upload. Please choose a smaller file.',
  rate_limited: 'Too many attempts. Please wait a few minutes and try again.',
  account_locked: 'Too many attempts. For your security, sign-in is paused for a few minutes. Please try again later.',
  handed_to_pupil:
    'This device is with a pupil answering a questionnaire. The member of staff signs in again to take it back.',
  internal: 'Something went wrong on our side. Nothing has been changed. Please try again.',
};

export interface FieldIssue {
  /** Dotted path of the field, e.g. "email" or "pupils.0.upn". */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly fields: readonly FieldIssue[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { userMessage?: string; fields?: readonly FieldIssue[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage ?? ERROR_USER_MESSAGES[code];
    this.fields = options.fields ?? [];
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

/** Shorthands for the errors raised most often. */
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (what: string) => new AppError('forbidden', `forbidden: ${what}`);

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldIssue[] };
}
