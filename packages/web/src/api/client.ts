/**
 * The one way the web app talks to the server: JSON over same-origin fetch, the session in a
 * cookie, and a CSRF token header on every request that changes something.
 */
import { ERROR_CODES, ERROR_USER_MESSAGES, type ErrorCode, type FieldIssue } from '@tandem/core';
import { isOneOf } from '../components/format';

/** Problems that happen before the server can answer (offline, proxy down). */
export type ClientErrorCode = ErrorCode | 'network';

/** The server's own words for each kind of error, and one for when it cannot be reached at all. */
const FALLBACK_MESSAGES: Record<ClientErrorCode, string> = {
  ...ERROR_USER_MESSAGES,
  network: 'We could not reach Tandem. Check your internet connection and try again. Nothing has been changed.',
};

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly fields: readonly FieldIssue[];

  constructor(code: ClientErrorCode, status: number, message: string, fields: readonly FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.fields = fields;
  }
}

/** Turns anything thrown into an ApiError whose message is safe to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', 0, FALLBACK_MESSAGES.internal);
}

/**
 * A response schema, or how to fetch one. The pages of a first visit (signing in, logging a
 * concern) and the header name their schemas lazily, so that zod and the tables the schemas derive
 * from are not part of the JavaScript those pages need before they can be used.
 */
export type ResponseSchema<T> = Parser<T> | LazySchema<T>;

/** What a response is checked with: a zod schema, or a check written by hand in its place. */
export interface Parser<T> {
  safeParse(json: unknown): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

export interface LazySchema<T> {
  /** The parser for this response (given, so that a simple answer can be checked without zod). */
  readonly load: (json?: unknown) => Promise<Parser<T>>;
}

/** A schema fetched the first time a response needs it (define at module level). */
export function lazySchema<T>(load: () => Promise<Parser<T>>): LazySchema<T> {
  let loading: Promise<Parser<T>> | null = null;
  return {
    load: () => {
      loading ??= load().catch((error: unknown) => {
        // Offline while fetching the code: try again next time.
        loading = null;
        throw error;
      });
      return loading;
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The server's error body ({ error: { code, message, fields? } }), checked by hand: see above. */
function errorBody(json: unknown): { code: string; message: string; fields?: FieldIssue[] } | null {
  if (!isRecord(json) || !isRecord(json.error)) return null;
  const { code, message, fields } = json.error;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  if (fields === undefined) return { code, message };
  if (
    !Array.isArray(fields) ||
    !fields.every((f) => isRecord(f) && typeof f.path === 'string' && typeof f.message === 'string')
  ) {
    return null;
  }
  return { code, message, fields: fields as FieldIssue[] };
}

function statusToCode(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'rate_limited';
    default:
      return 'internal';
  }
}

let csrfToken: string | null = null;
let csrfRequest: Promise<string> | null = null;

/** Fetches a fresh CSRF token. Call at start-up and after every sign-in step and sign-out. */
export function refreshCsrfToken(): Promise<string> {
  const request = (async () => {
    const json = await send('GET', '/api/auth/csrf', undefined, false);
    if (!isRecord(json) || typeof json.token !== 'string') {
      throw new ApiError('internal', 200, FALLBACK_MESSAGES.internal);
    }
    csrfToken = json.token;
    return json.token;
  })();
  csrfRequest = request;
  void request.then(
    () => {
      if (csrfRequest === request) csrfRequest = null;
    },
    () => {
      if (csrfRequest === request) csrfRequest = null;
    },
  );
  return request;
}

async function currentCsrfToken(): Promise<string> {
  if (csrfRequest !== null) return csrfRequest;
  if (csrfToken !== null) return csrfToken;
  return refreshCsrfToken();
}

type UnauthenticatedHandler = (code: 'unauthenticated' | 'mfa_required' | 'handed_to_pupil') => void;
let onUnauthenticated: UnauthenticatedHandler | null = null;

/**
 * Called when a page's request is refused because the session has ended (idle time-out), needs
 * two-factor first, or is with a pupil answering a questionnaire (the session then shows only that).
 * Sign-in requests themselves never trigger it.
 */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler | null): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let lastRequestAt = Date.now();

/** When the app last asked the server for anything (the server's idle clock restarts then). */
export function lastServerContact(): number {
  return lastRequestAt;
}

let lastAnswerAt = 0;

/** When the server last answered (0 if not yet in this page): offline requests do not count. */
export function lastServerAnswer(): number {
  return lastAnswerAt;
}

/** The error a refused request stands for, with the server's own message where it sent one. */
function errorFromResponse(status: number, json: unknown): ApiError {
  const parsed = errorBody(json);
  const code: ErrorCode = parsed !== null && isOneOf(ERROR_CODES, parsed.code) ? parsed.code : statusToCode(status);
  const message = parsed !== null ? parsed.message : FALLBACK_MESSAGES[code];
  const fields = parsed !== null ? (parsed.fields ?? []) : [];
  return new ApiError(code, status, message, fields);
}

/** A refusal because the CSRF token was missing or stale: worth one retry with a fresh token. */
function isCsrfRefusal(method: Method, error: ApiError): boolean {
  return method !== 'GET' && error.status === 403 && error.code === 'forbidden' && /csrf|expired/i.test(error.message);
}

function noticeSessionEnd(path: string, error: ApiError): void {
  if (
    (error.code === 'unauthenticated' || error.code === 'mfa_required' || error.code === 'handed_to_pupil') &&
    !path.startsWith('/api/auth/') &&
    onUnauthenticated !== null
  ) {
    onUnauthenticated(error.code);
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function send(method: Method, path: string, body: unknown, retryCsrf: boolean): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await currentCsrfToken();

  let response: Response;
  lastRequestAt = Date.now();
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network', 0, FALLBACK_MESSAGES.network);
  }
  lastAnswerAt = Date.now();

  const json = parseJson(await response.text().catch(() => ''));
  if (response.ok) return json;

  const error = errorFromResponse(response.status, json);
  if (retryCsrf && isCsrfRefusal(method, error)) {
    await refreshCsrfToken();
    return send(method, path, body, false);
  }
  noticeSessionEnd(path, error);
  throw error;
}

async function parseWith<T>(schema: ResponseSchema<T>, json: unknown): Promise<T> {
  let loaded: Parser<T>;
  try {
    loaded = 'load' in schema ? await schema.load(json) : schema;
  } catch {
    throw new ApiError('network', 0, FALLBACK_MESSAGES.network);
  }
  const result = loaded.safeParse(json);
  if (!result.success) {
    // The server answered with a shape this version of the app does not know.
    console.error('Unexpected response shape', result.error.issues);
    throw new ApiError('internal', 200, FALLBACK_MESSAGES.internal);
  }
  return result.data;
}

export async function apiGet<T>(path: string, schema: ResponseSchema<T>): Promise<T> {
  return parseWith(schema, await send('GET', path, undefined, false));
}

export async function apiPost<T>(path: string, body: unknown, schema: ResponseSchema<T>): Promise<T> {
  return parseWith(schema, await send('POST', path, body ?? {}, true));
}

export async function apiPatch<T>(path: string, body: unknown, schema: ResponseSchema<T>): Promise<T> {
  return parseWith(schema, await send('PATCH', path, body, true));
}

export async function apiPut<T>(path: string, body: unknown, schema: ResponseSchema<T>): Promise<T> {
  return parseWith(schema, await send('PUT', path, body, true));
}

export async function apiDelete<T>(path: string, schema: ResponseSchema<T>): Promise<T> {
  return parseWith(schema, await send('DELETE', path, undefined, true));
}

/** Builds "/api/x?y=1" leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs === '' ? path : `${path}?${qs}`;
}

export const enc = encodeURIComponent;

/** "level-letters-year-9.pdf" from a Content-Disposition header, or the fallback. */
function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  if (match?.[1] === undefined) return fallback;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/**
 * POSTs a JSON body and receives a file (a PDF), for the page to save. Refusals come back as the
 * usual JSON errors.
 */
export async function apiDownload(
  path: string,
  body: unknown,
  fallbackName: string,
  retryCsrf = true,
): Promise<{ blob: Blob; fileName: string }> {
  const headers: Record<string, string> = {
    accept: 'application/pdf, application/json',
    'content-type': 'application/json',
    'x-csrf-token': await currentCsrfToken(),
  };
  let response: Response;
  lastRequestAt = Date.now();
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError('network', 0, FALLBACK_MESSAGES.network);
  }
  if (response.ok) {
    let blob: Blob;
    try {
      blob = await response.blob();
    } catch {
      throw new ApiError('network', 0, FALLBACK_MESSAGES.network);
    }
    return { blob, fileName: fileNameFrom(response.headers.get('content-disposition'), fallbackName) };
  }
  const error = errorFromResponse(response.status, parseJson(await response.text().catch(() => '')));
  if (retryCsrf && isCsrfRefusal('POST', error)) {
    await refreshCsrfToken();
    return apiDownload(path, body, fallbackName, false);
  }
  noticeSessionEnd(path, error);
  throw error;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

function uploadOnce(
  path: string,
  file: Blob,
  contentType: string,
  token: string,
  onProgress: (progress: UploadProgress) => void,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.addEventListener('progress', (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    });
    xhr.addEventListener('load', () => {
      resolve({ status: xhr.status, json: parseJson(xhr.responseText) });
    });
    xhr.addEventListener('error', () => {
      reject(new ApiError('network', 0, FALLBACK_MESSAGES.network));
    });
    xhr.addEventListener('abort', () => {
      reject(new ApiError('network', 0, FALLBACK_MESSAGES.network));
    });
    lastRequestAt = Date.now();
    xhr.send(file);
  });
}

/**
 * Sends a file as the raw request body (XMLHttpRequest rather than fetch, so that the page can
 * show how much has been uploaded), and parses the JSON answer.
 */
export async function apiUpload<T>(
  path: string,
  file: Blob,
  contentType: string,
  schema: ResponseSchema<T>,
  onProgress: (progress: UploadProgress) => void,
  retryCsrf = true,
): Promise<T> {
  const { status, json } = await uploadOnce(path, file, contentType, await currentCsrfToken(), onProgress);
  if (status >= 200 && status < 300) return parseWith(schema, json);
  const error = errorFromResponse(status, json);
  if (retryCsrf && isCsrfRefusal('POST', error)) {
    await refreshCsrfToken();
    return apiUpload(path, file, contentType, schema, onProgress, false);
  }
  noticeSessionEnd(path, error);
  throw error;
}

/** GETs a file (a PDF) for the page to save. Refusals come back as the usual JSON errors. */
export async function apiGetFile(path: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  lastRequestAt = Date.now();
  try {
    response = await fetch(path, {
      method: 'GET',
      headers: { accept: 'application/pdf, application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError('network', 0, FALLBACK_MESSAGES.network);
  }
  if (response.ok) {
    let blob: Blob;
    try {
      blob = await response.blob();
    } catch {
      throw new ApiError('network', 0, FALLBACK_MESSAGES.network);
    }
    return { blob, fileName: fileNameFrom(response.headers.get('content-disposition'), fallbackName) };
  }
  const error = errorFromResponse(response.status, parseJson(await response.text().catch(() => '')));
  noticeSessionEnd(path, error);
  throw error;
}
