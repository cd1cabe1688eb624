/**
 * A smallest valid request for a route, made from the route's own schemas: what a walk over every
 * route sends so that each request gets past validation and reaches the route's access checks.
 * Only what a schema requires is filled in; ids are the ones given (real records, for the walk).
 */
import { z } from 'zod';
import type { FastifySchema } from 'fastify';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonSchema = Record<string, unknown>;

function isZod(schema: unknown): schema is z.ZodType {
  return typeof schema === 'object' && schema !== null && '_zod' in schema;
}

/** The JSON Schema of a zod schema as a request gives it (before defaults and transforms). */
function jsonSchemaOf(schema: unknown): JsonSchema | null {
  if (!isZod(schema)) return null;
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

const TODAY = () => new Date().toISOString().slice(0, 10);

/** Strings that satisfy the usual patterns (an e-mail address, a day, a time, a phone number...). */
const PATTERN_CANDIDATES = (sampleId: string) => [
  'x',
  'someone@example.org',
  'example.org',
  new Date().toISOString().slice(0, 10),
  new Date().toISOString(),
  '09:30',
  '01234 567890',
  sampleId,
  'A1',
  '1',
];

function sampleString(s: JsonSchema, sampleId: string): string {
  if (typeof s.pattern === 'string' && s.format === undefined) {
    const pattern = new RegExp(s.pattern, 'u');
    const fits = PATTERN_CANDIDATES(sampleId).find((c) => pattern.test(c));
    if (fits !== undefined) return fits;
  }
  switch (s.format) {
    case 'uuid':
      return sampleId;
    case 'date':
      return TODAY();
    case 'date-time':
      return new Date().toISOString();
    case 'email':
      return 'someone@example.org';
    case 'uri':
    case 'url':
      return 'https://example.org/';
    default: {
      const min = typeof s.minLength === 'number' ? s.minLength : 1;
      const max = typeof s.maxLength === 'number' ? s.maxLength : Math.max(min, 1);
      return 'x'.repeat(Math.min(Math.max(min, 1), max));
    }
  }
}

function sampleOf(s: JsonSchema, root: JsonSchema, sampleId: string): Json {
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace(/^#\/\$defs\//, '');
    const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
    const target = defs[name];
    return target ? sampleOf(target, root, sampleId) : null;
  }
  if ('const' in s) return s.const as Json;
  if (Array.isArray(s.enum)) return s.enum[0] as Json;
  if ('default' in s) return s.default as Json;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = s[key] as JsonSchema[] | undefined;
    if (options?.length) {
      const chosen = options.find((o) => o.type !== 'null') ?? options[0];
      return chosen ? sampleOf(chosen, root, sampleId) : null;
    }
  }
  if (Array.isArray(s.allOf)) {
    return Object.assign({}, ...(s.allOf as JsonSchema[]).map((part) => sampleOf(part, root, sampleId))) as Json;
  }
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
      const required = (s.required ?? []) as string[];
      return Object.fromEntries(required.map((key) => [key, sampleOf(properties[key] ?? {}, root, sampleId)]));
    }
    case 'array': {
      const items = (s.items ?? {}) as JsonSchema;
      const count = typeof s.minItems === 'number' ? s.minItems : 0;
      return Array.from({ length: count }, () => sampleOf(items, root, sampleId));
    }
    case 'string':
      return sampleString(s, sampleId);
    case 'integer':
    case 'number': {
      if (typeof s.minimum === 'number') return s.minimum;
      if (typeof s.exclusiveMinimum === 'number') return s.exclusiveMinimum + 1;
      return typeof s.maximum === 'number' ? Math.min(1, s.maximum) : 1;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return 'x';
  }
}

export interface SampleRequest {
  /** The query string, with a leading "?" when there is one. */
  query: string;
  /** The body, and the content type it is sent as. */
  payload: unknown;
  contentType: string | undefined;
}

/** The smallest request the route's schemas accept; `sampleId` fills any id a body or query asks for. */
export function sampleRequest(schema: FastifySchema | undefined, sampleId: string): SampleRequest {
  const querySchema = jsonSchemaOf(schema?.querystring);
  const queryValues =
    querySchema && isZod(schema?.querystring)
      ? repaired(schema.querystring, sampleOf(querySchema, querySchema, sampleId))
      : {};
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries((queryValues ?? {}) as Record<string, Json>)) {
    params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const query = params.size > 0 ? `?${params.toString()}` : '';

  const consumes = (schema as { consumes?: string[] } | undefined)?.consumes;
  if (consumes?.length) {
    // A raw upload (a file, a CSV export): a few bytes of the first type it accepts.
    return { query, payload: Buffer.from('x'), contentType: consumes[0] };
  }
  const bodySchema = jsonSchemaOf(schema?.body);
  if (!bodySchema || !isZod(schema?.body)) return { query, payload: undefined, contentType: undefined };
  const payload = repaired(schema.body, sampleOf(bodySchema, bodySchema, sampleId));
  return { query, payload, contentType: 'application/json' };
}

/**
 * What a JSON Schema cannot say (a care plan must have its emergency section, say) is checked by
 * the schema's refinements: fill each answer they say is missing, until the value parses.
 */
function repaired(schema: z.ZodType, value: Json): Json {
  for (let round = 0; round < 5; round++) {
    const result = schema.safeParse(value);
    if (result.success) break;
    let changed = false;
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      const last = path.pop();
      let holder: Json = value;
      for (const step of path) {
        if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) break;
        // An object the schema defaults (so left out of the sample) is made to hold the answer.
        holder = holder[step] ??= {};
      }
      if (last === undefined || holder === null || typeof holder !== 'object' || Array.isArray(holder)) continue;
      if (holder[last] === undefined) {
        holder[last] = 'x';
        changed = true;
      }
    }
    if (!changed) break;
  }
  return value;
}
