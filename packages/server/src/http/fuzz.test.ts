/**
 * Whatever is sent, the answer is never a 5xx. Every registered /api operation with a body (or a
 * query) is sent its smallest valid request with one part changed by fast-check: text with NUL or
 * a lone surrogate, very long text, the wrong type, an unexpected field, a number out of range,
 * deep nesting, or a body that is not an object at all. Each is sent by someone allowed to call
 * it, so the changed request reaches the route rather than stopping at the door.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../app';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { sampleRequest } from '../../test/request-samples';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonSchema = Record<string, unknown>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** Enough to find most faults, few enough to keep the file well under a minute. */
const RUNS_PER_OPERATION = 25;

let env: TestEnv;
let routes: RegisteredRoute[];
let samples: Record<string, string>;
const clients = new Map<Person, TestClient>();

const key = (route: RegisteredRoute) => `${route.method} ${route.url}`;

async function firstRow(sql: string): Promise<Record<string, string>> {
  const [row] = await env.deps.database.raw<Record<string, string>>(sql, [env.world.kingsmead]);
  if (!row) throw new Error(`the demo has no row for: ${sql}`);
  return row;
}

beforeAll(async () => {
  env = await createTestEnv();
  routes = env.app.registeredRoutes.filter(
    (r) => r.url.startsWith('/api/') && (r.schema?.body || r.schema?.querystring),
  );
  const action = await firstRow(`select concern_id, id from concern_actions where school_id = $1 limit 1`);
  const nextStep = await firstRow(`select meeting_id, id from meeting_actions where school_id = $1 limit 1`);
  // The same real Kingsmead records as the walk over every route (routes.test.ts) uses.
  samples = {
    'trusts/:trustId': env.world.trustId,
    'schools/:schoolId': env.world.kingsmead,
    'staff/:userId': env.world.userId('tutor'),
    'roles/:role': 'teacher',
    'pupils/:pupilId': (await firstRow(`select id from pupils where school_id = $1 limit 1`)).id ?? '',
    'levels/:code': (await firstRow(`select code from level_definitions where school_id = $1 limit 1`)).code ?? '',
    'concerns/:concernId': action.concern_id ?? '',
    'actions/:actionId': action.id ?? '',
    'files/:fileId': UNKNOWN_ID,
    'alerts/:alertId': (await firstRow(`select id from alerts where school_id = $1 limit 1`)).id ?? '',
    'imports/:importId': UNKNOWN_ID,
    'plans/:planId': (await firstRow(`select id from plans where school_id = $1 limit 1`)).id ?? '',
    'versions/:version': '1',
    'meetings/:meetingId': nextStep.meeting_id ?? '',
    'next-steps/:actionId': nextStep.id ?? '',
  };
}, 60_000);
afterAll(async () => {
  await env?.close();
});

function urlFor(route: RegisteredRoute): string {
  return route.url.replace(/([^/]+)\/:(\w+)/g, (_all, segment: string, name: string) => {
    // A route added later borrows a sample of the same name (":role" after "scopes", say), else an
    // id of nothing: the fuzz is about what the body holds, not about finding the record.
    const sameName = Object.entries(samples).find(([k]) => k.endsWith(`/:${name}`))?.[1];
    const sample = samples[`${segment}/:${name}`] ?? sameName ?? UNKNOWN_ID;
    return `${segment}/${encodeURIComponent(sample)}`;
  });
}

/** A signed-in client for the person, signed in again if an operation signed them out. */
async function clientFor(person: Person): Promise<TestClient> {
  let client = clients.get(person);
  if (client) {
    const session = await client.get<{ signedIn: boolean }>('/api/auth/session');
    if (session.body.signedIn) return client;
  }
  client = await env.as(person);
  clients.set(person, client);
  return client;
}

/**
 * Who may call the route: the first of these whose valid request is not refused at the door. The
 * sign-in and password routes are sent signed out, so no fuzzed request can sign anyone out.
 */
async function callerFor(route: RegisteredRoute): Promise<Person | null> {
  if (route.url.startsWith('/api/auth/')) return null;
  const candidates: Person[] = route.url.includes('/trusts/')
    ? ['trustAdmin', 'trustLead']
    : ['dsl', 'smhl', 'schoolAdmin', 'head', 'sendco'];
  for (const person of candidates) {
    const status = await send(route, person, (sample) => sample);
    if (status !== 401 && status !== 403 && status !== 404) return person;
  }
  return candidates[0] ?? null;
}

function isText(schema: JsonSchema): boolean {
  const type = schema.type;
  return type === 'string' || (Array.isArray(type) && type.includes('string'));
}

/**
 * Every path a body may hold, from its JSON Schema, optional fields too; `text` keeps only those
 * that hold text.
 */
function pathsOf(schema: JsonSchema, root: JsonSchema, prefix: string[] = [], depth = 0, text = false): string[][] {
  if (depth > 4) return [];
  if (typeof schema.$ref === 'string') {
    const target = ((root.$defs ?? {}) as Record<string, JsonSchema>)[schema.$ref.replace(/^#\/\$defs\//, '')];
    return target ? pathsOf(target, root, prefix, depth + 1, text) : [];
  }
  const out: string[][] = [];
  if (text && isText(schema) && prefix.length > 0) out.push(prefix);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const option of (schema[k] as JsonSchema[] | undefined) ?? []) {
      out.push(...pathsOf(option, root, prefix, depth + 1, text));
    }
  }
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, child] of Object.entries(properties)) {
    if (!text) out.push([...prefix, name]);
    out.push(...pathsOf(child, root, [...prefix, name], depth + 1, text));
  }
  if (schema.items && typeof schema.items === 'object') {
    if (!text) out.push([...prefix, '0']);
    out.push(...pathsOf(schema.items as JsonSchema, root, [...prefix, '0'], depth + 1, text));
  }
  // The same path can be reached through more than one option of a union.
  return [...new Map(out.map((p) => [p.join('.'), p])).values()];
}

/** The value with `path` set to `to`, making objects (or arrays, for numbered steps) on the way. */
function setAt(value: Json, path: string[], to: Json): Json {
  if (path.length === 0) return to;
  const [step, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value) && /^\d+$/.test(step)) {
    const copy = [...value];
    copy[Number(step)] = setAt(copy[Number(step)] ?? {}, rest, to);
    return copy;
  }
  const base = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return { ...base, [step]: setAt(base[step] ?? (/^\d+$/.test(rest[0] ?? '') ? [] : {}), rest, to) };
}

const unstorable = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('\u0000', '\ud800', '\udfff', '\ud83d', 'a\u0000b'),
    fc.string({ maxLength: 8 }),
  )
  .map(([a, bad, b]) => `${a}${bad}${b}`);
const longText = fc.integer({ min: 2_000, max: 300_000 }).map((n) => 'é'.repeat(n));
const outOfRange = fc.oneof(
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER + 2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const oddText = fc.constantFrom(
  '0000-00-00',
  '2024-02-30',
  '99999-12-31',
  '1-01-01',
  '9999-12-31T25:61:00Z',
  '24:99',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '',
  ' ',
  '%00',
  '\\',
  "'; drop table pupils; --",
  '../../etc/passwd',
  '🧪'.repeat(50),
);
const deep = fc.integer({ min: 30, max: 3_000 }).map((n) => {
  let v: Json = 'x';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
});
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  unstorable,
  longText,
  outOfRange,
  oddText,
  deep,
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(null, true, [], {}, [null], { '': '' }),
);

interface Mutation {
  path: string[] | 'whole';
  value: Json;
}

function mutations(paths: string[][], queryNames: string[]): fc.Arbitrary<Mutation> {
  const options: fc.Arbitrary<Mutation>[] = [
    fc.record({ path: fc.constant<'whole'>('whole'), value: anyValue }),
    // An unexpected field, its name unstorable at times.
    fc.record({
      path: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), unstorable).map((k) => [k]),
      value: anyValue,
    }),
  ];
  if (paths.length > 0) options.push(fc.record({ path: fc.constantFrom(...paths), value: anyValue }));
  if (queryNames.length > 0) {
    options.push(
      fc.record({
        path: fc.constantFrom(...queryNames).map((n) => ['?', n]),
        value: fc.oneof(
          unstorable,
          oddText,
          longText.map((s) => s.slice(0, 3_000)),
          outOfRange.map(String),
        ),
      }),
    );
  }
  return fc.oneof(...options);
}

/** Send the route's valid request, changed by `change`; answers the status. */
async function send(
  route: RegisteredRoute,
  person: Person | null,
  change: (sample: { body: Json | undefined; query: Record<string, string> }) => {
    body: Json | undefined;
    query: Record<string, string>;
  },
): Promise<number> {
  const sample = sampleRequest(route.schema, UNKNOWN_ID);
  const raw = (sample.contentType ?? 'application/json') !== 'application/json';
  const query = Object.fromEntries(new URLSearchParams(sample.query));
  const changed = change({ body: raw ? undefined : (sample.payload as Json | undefined), query });
  const client = person ? await clientFor(person) : env.client();
  const search = new URLSearchParams(changed.query).toString();
  const url = `${urlFor(route)}${search ? `?${search}` : ''}`;
  const method = route.method as Method;
  const payload = raw ? sample.payload : changed.body === undefined ? undefined : JSON.stringify(changed.body);
  const headers: Record<string, string> =
    payload === undefined ? {} : { 'content-type': raw ? (sample.contentType ?? 'text/plain') : 'application/json' };
  const res = await client.request(method, url, payload, headers);
  return res.status;
}

describe('every operation, sent changed requests', () => {
  it('never answers 5xx', { timeout: 240_000 }, async () => {
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const person = await callerFor(route);
      const bodySchema = route.schema?.body;
      const jsonSchema =
        bodySchema && typeof bodySchema === 'object' && '_zod' in bodySchema
          ? z.toJSONSchema(bodySchema as z.ZodType, { io: 'input', unrepresentable: 'any' })
          : null;
      const querySchema = route.schema?.querystring;
      const queryJson =
        querySchema && typeof querySchema === 'object' && '_zod' in querySchema
          ? z.toJSONSchema(querySchema as z.ZodType, { io: 'input', unrepresentable: 'any' })
          : null;
      const paths = jsonSchema ? pathsOf(jsonSchema, jsonSchema) : [];
      const queryNames = Object.keys(queryJson?.properties ?? {});
      // Besides the random runs, every text field of the body and the query is sent a NUL once.
      const textPaths = jsonSchema ? pathsOf(jsonSchema, jsonSchema, [], 0, true) : [];
      const examples: [Mutation][] = [
        ...textPaths.map((path): [Mutation] => [{ path, value: 'a\u0000b' }]),
        ...queryNames.map((name): [Mutation] => [{ path: ['?', name], value: 'a\u0000b' }]),
      ];
      const result = await fc.check(
        fc.asyncProperty(mutations(paths, queryNames), async (m) => {
          const status = await send(route, person, ({ body, query }) => {
            if (m.path === 'whole') return { body: m.value, query };
            if (m.path[0] === '?')
              return {
                body,
                query: { ...query, [m.path[1] ?? '']: typeof m.value === 'string' ? m.value : JSON.stringify(m.value) },
              };
            return { body: setAt(body ?? {}, m.path, m.value), query };
          });
          sent++;
          return status < 500;
        }),
        { numRuns: RUNS_PER_OPERATION + examples.length, examples, endOnFailure: true, seed: 16 },
      );
      if (result.failed) {
        const example = JSON.stringify(result.counterexample).slice(0, 200);
        failures.push(`${key(route)} as ${person ?? 'signed out'}: ${example}`);
      }
    }
    // The count before and after a change is what the issue's closing note reports.
    console.info(`fuzz: ${routes.length} operations, ${sent} requests, ${failures.length} operations answered 5xx`);
    for (const failure of failures) console.info(`fuzz 5xx: ${failure}`);
    expect(failures).toEqual([]);
  });
});
