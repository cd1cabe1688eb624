/**
 * A walk over every registered /api route, so that a route added later cannot forget its checks:
 *  - signed out, each answers 401, but for the few that serve people who are not signed in;
 *  - signed in as a member of the other school of the trust, each route of a school answers 404
 *    for Kingsmead's real records, as if they did not exist.
 * Each request is the smallest one the route's own schemas accept, so it gets past validation and
 * reaches the route's access checks.
 */
import { makeUpn } from '@tandem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../app';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { sampleRequest } from '../../test/request-samples';

/** Routes for people who are not signed in (or not yet fully: the session says which). */
const SIGNED_OUT_ALLOWED = new Set([
  'GET /api/health',
  'GET /api/openapi.json',
  'GET /api/auth/csrf',
  'GET /api/auth/session',
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-out',
  // A forgotten password, and an invitation's link, which sets the first password.
  'POST /api/auth/password/forgot',
  'POST /api/auth/password/check-token',
  'POST /api/auth/password/reset',
  // A pupil's set-up code from the printed sheet, before they have a password.
  'POST /api/family/pupil-setup',
  // Another Tandem installation collecting a transfer package with its code, and confirming receipt.
  'POST /api/transfers/fetch',
  'POST /api/transfers/receipt',
  // Single sign-on's two legs: to the school's identity provider and back.
  'GET /api/auth/sso/start',
  'POST /api/auth/sso/start',
  'GET /api/auth/sso/callback',
]);

/** An id that belongs to nothing, for the few places a body or query asks for one. */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let env: TestEnv;
let routes: RegisteredRoute[];
/** A real Kingsmead record for each parameter, keyed by the path segment before it and its name. */
let samples: Record<string, string>;

const key = (route: RegisteredRoute) => `${route.method} ${route.url}`;

async function firstRow(sql: string): Promise<Record<string, string>> {
  const [row] = await env.deps.database.raw<Record<string, string>>(sql, [env.world.kingsmead]);
  if (!row) throw new Error(`the demo has no row for: ${sql}`);
  return row;
}

/** A PNG attached to the concern by the DSL, since the demo has no attachments. */
async function attachFile(concernId: string): Promise<string> {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const dsl = await env.as('dsl');
  const res = await dsl.request<{ id: string }>(
    'POST',
    `/api/schools/${env.world.kingsmead}/concerns/${concernId}/files?fileName=note.png`,
    png,
    { 'content-type': 'image/png' },
  );
  if (res.status !== 201) throw new Error(`could not attach a file: ${res.status} ${res.text}`);
  return res.body.id;
}

/** An MIS import checked by the school administrator, since the demo has none. */
async function previewImport(): Promise<string> {
  const admin = await env.as('schoolAdmin');
  const csv = ['UPN,Surname,Forename,Date of Birth,NC Year', `${makeUpn('910000000001')},Achebe,Chidi,01/09/2014,7`];
  const res = await admin.request<{ importId: string }>(
    'POST',
    `/api/schools/${env.world.kingsmead}/imports?kind=pupils&fileName=pupils.csv`,
    csv.join('\n'),
    { 'content-type': 'text/csv' },
  );
  if (res.status !== 200) throw new Error(`could not check an import: ${res.status} ${res.text}`);
  return res.body.importId;
}

beforeAll(async () => {
  env = await createTestEnv();
  routes = env.app.registeredRoutes.filter((r) => r.url.startsWith('/api/'));
  const K = env.world.kingsmead;
  const action = await firstRow(`select concern_id, id from concern_actions where school_id = $1 limit 1`);
  const nextStep = await firstRow(`select meeting_id, id from meeting_actions where school_id = $1 limit 1`);
  const concernId = action.concern_id ?? '';
  const place = await firstRow(`select intervention_id, id from intervention_places where school_id = $1 limit 1`);
  samples = {
    'trusts/:trustId': env.world.trustId,
    'schools/:schoolId': K,
    'staff/:userId': env.world.userId('tutor'),
    'roles/:role': 'teacher',
    'pupils/:pupilId': (await firstRow(`select id from pupils where school_id = $1 limit 1`)).id ?? '',
    'levels/:code': (await firstRow(`select code from level_definitions where school_id = $1 limit 1`)).code ?? '',
    'concerns/:concernId': concernId,
    'actions/:actionId': action.id ?? '',
    'files/:fileId': await attachFile(concernId),
    'alerts/:alertId': (await firstRow(`select id from alerts where school_id = $1 limit 1`)).id ?? '',
    'imports/:importId': await previewImport(),
    'plans/:planId': (await firstRow(`select id from plans where school_id = $1 limit 1`)).id ?? '',
    'versions/:version': '1',
    'meetings/:meetingId': nextStep.meeting_id ?? '',
    'next-steps/:actionId': nextStep.id ?? '',
    'case-team/:userId': env.world.userId('sendco'),
    'scopes/:role': 'sendco',
    'interventions/:interventionId': place.intervention_id ?? '',
    'places/:placeId': place.id ?? '',
    'questionnaires/:questionnaireId':
      (await firstRow(`select id from questionnaires where school_id = $1 limit 1`)).id ?? '',
    'answers/:itemId': 'q1',
    'goals/:itemId': 'goal1',
    'measures/:measureKey': 'phq9',
    'services/:serviceId': (await firstRow(`select id from services where school_id = $1 limit 1`)).id ?? '',
    'referrals/:referralId':
      (await firstRow(`select id from referrals where school_id = $1 and not restricted limit 1`)).id ?? '',
    'children/:pupilId':
      (await firstRow(`select pupil_id as id from contacts where school_id = $1 and user_id is not null limit 1`)).id ??
      '',
    // The demo shares no termly letters; any id answers the same 401 and 404 as a real one.
    'letters/:letterId': UNKNOWN_ID,
    'contacts/:contactId': (await firstRow(`select id from contacts where school_id = $1 limit 1`)).id ?? '',
    'talk-requests/:checkinId': (await firstRow(`select id from checkins where school_id = $1 limit 1`)).id ?? '',
    // The demo uploads no documents; any id answers the same 401 and 404 as a real one.
    'documents/:documentId': UNKNOWN_ID,
    'policies/:policyId': (await firstRow(`select id from policies where school_id = $1 limit 1`)).id ?? '',
    'training/:recordId': (await firstRow(`select id from training_records where school_id = $1 limit 1`)).id ?? '',
    'improvement-actions/:actionId':
      (await firstRow(`select id from improvement_actions where school_id = $1 limit 1`)).id ?? '',
    'resources/:resourceId': (await firstRow(`select id from resources where school_id = $1 limit 1`)).id ?? '',
    'self-assessments/:assessmentId':
      (await firstRow(`select id from assessments where school_id = $1 limit 1`)).id ?? '',
    'statements/:statementKey': 'county.ethos.1',
    // The demo prepares the spring and summer reports of 2026.
    'termly/:termKey': '2026-summer',
    'subject-access/:requestId':
      (await firstRow(`select id from subject_access_requests where school_id = $1 limit 1`)).id ?? '',
    'timetables/:timetableId':
      (await firstRow(`select id from reduced_timetables where school_id = $1 limit 1`)).id ?? '',
    'education-elsewhere/:provisionId':
      (await firstRow(`select id from alternative_provisions where school_id = $1 limit 1`)).id ?? '',
    'visit-schedules/:scheduleId':
      (await firstRow(`select id from visit_schedules where school_id = $1 limit 1`)).id ?? '',
    'rules/:recordClass': 'wellbeing',
    'destructions/:destructionId': UNKNOWN_ID,
    'transfers/:transferId': UNKNOWN_ID,
    'transfer-parts/:partId': UNKNOWN_ID,
    'received-files/:receivedId': UNKNOWN_ID,
    'terms/:termId': UNKNOWN_ID,
    'closures/:closureId': UNKNOWN_ID,
    'sso/:provider': 'microsoft',
    'staff-surveys/:surveyId': (await firstRow(`select id from staff_surveys where school_id = $1 limit 1`)).id ?? '',
  };
});
afterAll(async () => {
  await env.close();
});

/** The route's URL with each parameter replaced by its Kingsmead sample. */
function urlFor(route: RegisteredRoute): string {
  return route.url.replace(/([^/]+)\/:(\w+)/g, (_all, segment: string, name: string) => {
    const sample = samples[`${segment}/:${name}`];
    if (sample === undefined) {
      throw new Error(`${key(route)}: no sample for ":${name}" after "${segment}"; add a real record to the samples`);
    }
    return `${segment}/${encodeURIComponent(sample)}`;
  });
}

/** Send the smallest request the route accepts; answers its status. */
async function send(client: TestClient, route: RegisteredRoute): Promise<number> {
  const sample = sampleRequest(route.schema, UNKNOWN_ID);
  const headers: Record<string, string> = sample.contentType ? { 'content-type': sample.contentType } : {};
  const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const res = await client.request(method, `${urlFor(route)}${sample.query}`, sample.payload, headers);
  return res.status;
}

describe('every /api route', () => {
  it('is walked, and the allow-list names only routes that exist', () => {
    expect(routes.length).toBeGreaterThan(50);
    const registered = new Set(routes.map(key));
    expect([...SIGNED_OUT_ALLOWED].filter((k) => !registered.has(k))).toEqual([]);
  });

  it('answers 401 to someone signed out, but for the sign-in, reset and service routes', async () => {
    // TestClient sends a valid CSRF token with every change, so the refusal comes from sign-in.
    const signedOut = env.client();
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !SIGNED_OUT_ALLOWED.has(key(r)))) {
      const status = await send(signedOut, route);
      if (status !== 401) wrong.push(`${key(route)} answered ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  const others: Person[] = ['otherTeacher', 'otherHead'];
  it.each(others)("answers 404 to Willow Brook's %s for each Kingsmead route and record", async (person) => {
    const other = await env.as(person);
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.url.includes('/:schoolId'))) {
      const status = await send(other, route);
      if (status !== 404) wrong.push(`${key(route)} answered ${status}`);
    }
    expect(wrong).toEqual([]);
  });
});
