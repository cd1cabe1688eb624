/**
 * Text that cannot be stored as it was typed is refused before any route sees it, for every route
 * at once (a route added later cannot forget it). PostgreSQL refuses NUL in text and jsonb, and
 * a lone UTF-16 surrogate ("\ud800" in JSON) or a byte that is not UTF-8 would otherwise be
 * silently replaced on the way in: the person is told which answer to fix, and nothing is stored.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldIssue } from '@tandem/core';

/** NUL, or a surrogate that is not one half of a pair. */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const REPLACEMENT = '\ufffd';

/** How deep a request may nest before it is refused outright (no form nests anywhere near this). */
const MAX_DEPTH = 64;

/** "firstName" → "First name"; "pupils.0.upn" → "Upn": the field the person sees. */
export function fieldLabel(path: string): string {
  const last = path
    .split('.')
    .reverse()
    .find((p) => p !== '' && !/^\d+$/.test(p));
  if (!last) return 'This request';
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function unstorableIssue(path: string): FieldIssue {
  return { path, message: `${fieldLabel(path)} contains a character that cannot be stored: remove it and try again` };
}

/** The paths (dotted, as in validation errors) of every string, or key, that `bad` finds. */
function findText(value: unknown, bad: (s: string) => boolean, prefix: string, found: string[], depth = 0): void {
  if (found.length >= 20) return;
  if (typeof value === 'string') {
    if (bad(value)) found.push(prefix);
    return;
  }
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return;
  if (depth > MAX_DEPTH) {
    throw new AppError('bad_request', 'request nested too deeply');
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (bad(key)) found.push(path);
    findText(item, bad, path, found, depth + 1);
  }
}

/** Refuses a value holding text that cannot be stored, naming each field. */
export function assertStorableText(parts: Record<string, unknown>): void {
  const found: string[] = [];
  // Each field is named as validation names it: the body's by their path, the rest by their name.
  for (const value of Object.values(parts)) findText(value, (s) => UNSTORABLE.test(s), '', found);
  if (found.length > 0) throw unstorable(found);
}

function unstorable(paths: string[]): AppError {
  const fields = [...new Set(paths)].map((p) => unstorableIssue(p || 'body'));
  return new AppError('validation', 'unstorable text', { fields, userMessage: fields[0]?.message });
}

/**
 * The JSON parser, reading bytes rather than text so that bytes which are not UTF-8 are refused
 * (Node would quietly turn each into U+FFFD). The fields are named where the damaged text lies.
 */
function registerStrictJson(app: FastifyInstance): void {
  const parseText = app.getDefaultJsonParser('error', 'error');
  const strict = new TextDecoder('utf-8', { fatal: true });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer;
    let text: string;
    try {
      text = strict.decode(bytes);
    } catch {
      // Name what holds the damaged bytes: the strings in which they became U+FFFD.
      const lenient = bytes.toString('utf8');
      let paths: string[] = [];
      // The default parser answers at once, so `paths` is set before the refusal below.
      void parseText(req, lenient, (err, parsed) => {
        if (!err) {
          const found: string[] = [];
          try {
            findText(parsed, (s) => s.includes(REPLACEMENT), '', found);
          } catch {
            // Too deep to say where; the body as a whole is named.
          }
          paths = found;
        }
      });
      done(unstorable(paths.length > 0 ? paths : ['']), undefined);
      return;
    }
    void parseText(req, text, done);
  });
}

/** The parser above and a check of every request's body, query and path, before validation. */
export function registerTextSafety(app: FastifyInstance): void {
  registerStrictJson(app);
  app.addHook('preValidation', async (request: FastifyRequest) => {
    assertStorableText({ body: request.body, query: request.query, params: request.params });
  });
}
