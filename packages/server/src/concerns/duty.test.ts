import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, pupils } from '@tandem/core/schema';
import { createTestEnv, type Person, type TestEnv } from '../../test/harness';

let env: TestEnv;
let pupilId: string;

beforeAll(async () => {
  env = await createTestEnv();
  const [p] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '9W')));
  pupilId = p!.id;
});
afterAll(async () => {
  await env.close();
});

const url = () => `/api/schools/${env.world.kingsmead}/dsl-duty`;

interface Duty {
  days: { weekday: number; userId: string; name: string; whereToFind: string }[];
  team: { userId: string; name: string; role: string }[];
  canEdit: boolean;
}

const rota = () => ({
  days: [
    { weekday: 1, userId: env.world.userId('deputyDsl'), whereToFind: 'Student Services' },
    { weekday: 2, userId: env.world.userId('dsl'), whereToFind: 'Room G12' },
    { weekday: 3, userId: env.world.userId('deputyDsl'), whereToFind: 'Student Services' },
    { weekday: 4, userId: env.world.userId('dsl'), whereToFind: 'Room G12' },
    { weekday: 5, userId: env.world.userId('dsl'), whereToFind: 'Room G12' },
  ],
});

describe('the DSL duty rota', () => {
  it('any member of staff reads it, with the DSL team to choose from; only some may change it', async () => {
    const tutor = await env.as('tutor');
    const res = await tutor.get<Duty>(url());
    expect(res.status).toBe(200);
    expect(res.body.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5]);
    expect(res.body.team.map((t) => [t.name, t.role])).toEqual([
      ['Chris Okafor', 'dsl'],
      ['Lucy Evans', 'deputy_dsl'],
    ]);
    expect(res.body.canEdit).toBe(false);
    expect((await (await env.as('dsl')).get<Duty>(url())).body.canEdit).toBe(true);
    expect((await (await env.as('parent')).get(url())).status).toBe(403);
    expect((await (await env.as('otherHead')).get(url())).status).toBe(404);
  });

  const whoMayChange: [Person, number][] = [
    ['dsl', 200],
    ['deputyDsl', 200],
    ['head', 200],
    ['schoolAdmin', 200],
    ['smhl', 403],
    ['tutor', 403],
    ['parent', 403],
    ['otherHead', 404],
  ];
  it.each(whoMayChange)('%s changing the rota gets %i', async (person, status) => {
    const res = await (await env.as(person)).request('PUT', url(), rota());
    expect(res.status).toBe(status);
  });

  it('a change is audited with the weekdays that changed', async () => {
    const dsl = await env.as('dsl');
    const next = rota();
    next.days[0] = { weekday: 1, userId: env.world.userId('dsl'), whereToFind: 'Room G12' };
    const res = await dsl.request<Duty>('PUT', url(), next);
    expect(res.status).toBe(200);
    expect(res.body.days[0]).toMatchObject({ weekday: 1, name: 'Chris Okafor', whereToFind: 'Room G12' });
    const all = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'dsl.duty_changed'))
      .orderBy(auditEvents.seq);
    expect(all.at(-1)).toMatchObject({ actorUserId: env.world.userId('dsl'), detail: { weekdays: [1] } });
    // Saving the same rota again changes nothing and records nothing.
    expect((await dsl.request('PUT', url(), next)).status).toBe(200);
    const again = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'dsl.duty_changed'));
    expect(again).toHaveLength(all.length);
  });

  it('refuses someone who is not the DSL or a deputy in that school, and a day given twice', async () => {
    const head = await env.as('head');
    const notDsl = rota();
    notDsl.days[2] = { weekday: 3, userId: env.world.userId('smhl'), whereToFind: '' };
    const res = await head.request<{ error: { fields: { path: string }[] } }>('PUT', url(), notDsl);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f) => f.path)).toEqual(['days.2.userId']);
    const otherSchoolDsl = rota();
    otherSchoolDsl.days[0] = { weekday: 1, userId: env.world.userId('otherHead'), whereToFind: '' };
    expect((await head.request('PUT', url(), otherSchoolDsl)).status).toBe(400);
    const twice = rota();
    twice.days[1] = { ...twice.days[1]!, weekday: 1 };
    expect((await head.request('PUT', url(), twice)).status).toBe(400);
    expect((await head.request('PUT', url(), { days: [{ weekday: 6, userId: env.world.userId('dsl') }] })).status).toBe(
      400,
    );
  });

  it('the logger of an urgent concern is shown who is on duty today and where; at the weekend the whole team', async () => {
    const dsl = await env.as('dsl');
    expect((await dsl.request('PUT', url(), rota())).status).toBe(200);
    const logUrgent = async () => {
      const tutor = await env.as('tutor');
      const res = await tutor.post<{ dslOnDuty: { name: string; whereToFind: string }[] }>(
        `/api/schools/${env.world.kingsmead}/concerns`,
        {
          submissionKey: randomUUID(),
          pupilIds: [pupilId],
          occurredAt: new Date(env.clock.now().getTime() - 60_000).toISOString(),
          location: 'Playground',
          account: 'Said something that worried me about being unsafe.',
          warningSigns: [],
          riskOfImmediateHarm: true,
          possibleChildProtection: false,
          medicalEmergency: false,
        },
      );
      expect(res.status).toBe(201);
      return res.body.dslOnDuty;
    };
    env.clock.set('2030-01-07T10:00:00Z'); // a Monday
    expect(await logUrgent()).toEqual([{ name: 'Lucy Evans', whereToFind: 'Student Services' }]);
    env.clock.set('2030-01-08T10:00:00Z'); // a Tuesday
    expect(await logUrgent()).toEqual([{ name: 'Chris Okafor', whereToFind: 'Room G12' }]);
    env.clock.set('2030-01-12T10:00:00Z'); // a Saturday
    expect((await logUrgent()).map((d) => d.name).sort()).toEqual(['Chris Okafor', 'Lucy Evans']);
  });

  it('an empty rota clears every day', async () => {
    const res = await (await env.as('dsl')).request<Duty>('PUT', url(), { days: [] });
    expect(res.status).toBe(200);
    expect(res.body.days).toEqual([]);
  });
});
