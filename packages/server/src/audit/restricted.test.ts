/**
 * The audit trail and the restricted safeguarding record: the DSL team sees its whole history (who
 * logged a concern in it, who read it, who was refused it, when); the headteacher who is not DSL and
 * the school administrator see the rest of the trail and only a count of restricted record activity,
 * with nothing that identifies the pupil or the concern.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { pupils } from '@tandem/core/schema';
import { createTestEnv, type Person, type TestEnv } from '../../test/harness';

let env: TestEnv;
let restrictedId: string;
let ordinaryId: string;
let pupilId: string;

interface Entry {
  action: string;
  actorName: string | null;
  subjectId: string | null;
  restricted: boolean;
}
interface Page {
  entries: Entry[];
  restrictedActivity: { count: number } | null;
}

const auditUrl = (q = '') => `/api/schools/${env.world.kingsmead}/audit${q}`;

beforeAll(async () => {
  env = await createTestEnv();
  const [p] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '9W')));
  pupilId = p!.id;
  const tutor = await env.as('tutor');
  const body = (over: Record<string, unknown>) => ({
    submissionKey: randomUUID(),
    pupilIds: [pupilId],
    occurredAt: new Date(env.clock.now().getTime() - 10 * 60_000).toISOString(),
    location: 'Corridor',
    account: 'Said an adult at home hurts them.',
    warningSigns: [],
    riskOfImmediateHarm: false,
    possibleChildProtection: false,
    medicalEmergency: false,
    ...over,
  });
  const concernsUrl = `/api/schools/${env.world.kingsmead}/concerns`;
  restrictedId = (await tutor.post<{ id: string }>(concernsUrl, body({ possibleChildProtection: true }))).body.id;
  ordinaryId = (await tutor.post<{ id: string }>(concernsUrl, body({}))).body.id;
  await (await env.as('dsl')).get(`${concernsUrl}/${restrictedId}`);
  // The head (not DSL) tries to open it: refused, and the refusal is audited.
  expect((await (await env.as('head')).get(`${concernsUrl}/${restrictedId}`)).status).toBe(404);
  await (await env.as('head')).get(`${concernsUrl}/${ordinaryId}`);
});
afterAll(async () => {
  await env.close();
});

describe('the restricted record in the audit trail', () => {
  it('the DSL team sees its history in full: who logged it, who read it, who was refused it, and when', async () => {
    for (const person of ['dsl', 'deputyDsl'] as const) {
      const res = await (await env.as(person)).get<Page>(auditUrl(`?subjectId=${restrictedId}`));
      expect(res.status).toBe(200);
      expect(res.body.restrictedActivity).toBeNull();
      const seen = res.body.entries.map((e) => `${e.action} by ${e.actorName}`);
      expect(seen).toEqual(
        expect.arrayContaining([
          'concern.logged by Ben Wright',
          'concern.viewed by Chris Okafor',
          'concern.access_refused by Dr Helen Carter',
        ]),
      );
      expect(res.body.entries.every((e) => e.restricted)).toBe(true);
    }
  });

  const others: Person[] = ['head', 'schoolAdmin'];
  it.each(others)(
    '%s sees the rest of the trail and a count of restricted record activity, nothing more',
    async (p) => {
      const c = await env.as(p);
      const res = await c.get<Page>(auditUrl('?limit=200'));
      expect(res.status).toBe(200);
      // Who did what elsewhere is there (the ordinary concern, its reads).
      expect(res.body.entries.some((e) => e.subjectId === ordinaryId && e.action === 'concern.logged')).toBe(true);
      // Nothing about the restricted concern: no entry, no identifier anywhere in the answer.
      expect(res.body.entries.some((e) => e.restricted)).toBe(false);
      expect(res.text).not.toContain(restrictedId);
      // A count, at most: logged, read by the DSL team, refused to the head, the DSL's filtered viewings.
      expect(res.body.restrictedActivity?.count).toBeGreaterThanOrEqual(3);
      // Asking for it by its identifier finds nothing, and neither does the CSV.
      const direct = await c.get<Page>(auditUrl(`?subjectId=${restrictedId}`));
      expect(direct.body.entries).toEqual([]);
      const csv = await c.get(`/api/schools/${env.world.kingsmead}/audit.csv`);
      expect(csv.status).toBe(200);
      expect(csv.text).not.toContain(restrictedId);
      expect(csv.text).toContain(ordinaryId);
    },
  );

  it('the count ignores who and what was asked for, so it cannot be used to find out who logged one', async () => {
    const head = await env.as('head');
    const all = await head.get<Page>(auditUrl());
    const byTutor = await head.get<Page>(auditUrl(`?actorUserId=${env.world.userId('tutor')}`));
    expect(byTutor.body.restrictedActivity).toEqual(all.body.restrictedActivity);
  });

  const roles: [Person, number][] = [
    ['head', 200],
    ['dsl', 200],
    ['deputyDsl', 200],
    ['schoolAdmin', 200],
    ['smhl', 403],
    ['sendco', 403],
    ['tutor', 403],
    ['otherHead', 404],
  ];
  it.each(roles)('%s viewing the Kingsmead audit trail gets %i', async (person, status) => {
    expect((await (await env.as(person)).get(auditUrl())).status).toBe(status);
  });

  it('the trust administrator, not being DSL, sees the count and not the entries', async () => {
    const res = await (await env.as('trustAdmin')).get<Page>(`/api/trusts/${env.world.trustId}/audit?limit=200`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(restrictedId);
    expect(res.body.restrictedActivity?.count).toBeGreaterThanOrEqual(3);
  });
});
