import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, concerns, dslDuty, pupils } from '@tandem/core/schema';
import { createTestEnv, PEOPLE, type Person, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let pupilA: { id: string; givenName: string; familyName: string }; // taught by the demo tutor (9W)
let pupilB: { id: string; givenName: string; familyName: string };
let willowPupil: string;

beforeAll(async () => {
  env = await createTestEnv();
  const db = env.deps.database.db;
  const [a] = await db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '9W')));
  const [b] = await db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '8K')));
  const [w] = await db.select().from(pupils).where(eq(pupils.schoolId, env.world.willow));
  pupilA = a!;
  pupilB = b!;
  willowPupil = w!.id;
  // Start with no duty rota, so the whole DSL team is named (a later test sets one).
  await db.delete(dslDuty).where(eq(dslDuty.schoolId, env.world.kingsmead));
});
afterAll(async () => {
  await env.close();
});

const base = () => `/api/schools/${env.world.kingsmead}/concerns`;

function concernBody(over: Record<string, unknown> = {}) {
  return {
    submissionKey: randomUUID(),
    pupilIds: [pupilA.id],
    occurredAt: new Date(env.clock.now().getTime() - 30 * 60_000).toISOString(),
    location: 'Form room 9W',
    account: 'Seemed very low in registration and said she had not slept.',
    pupilWords: 'I just can’t be bothered with anything any more.',
    warningSigns: ['sleep_routine', 'hopelessness'],
    othersPresent: '',
    riskOfImmediateHarm: false,
    possibleChildProtection: false,
    medicalEmergency: false,
    ...over,
  };
}

interface Logged {
  id: string;
  reference: string;
  route: string;
  urgent: boolean;
  findDslNow: boolean;
  dslOnDuty: { name: string }[];
  showEmergencyProcedure: boolean;
  emergencyProcedure: string[];
  alreadyReceived: boolean;
}

async function log(by: TestClient, over: Record<string, unknown> = {}) {
  const res = await by.post<Logged>(base(), concernBody(over));
  if (res.status !== 201) throw new Error(`log failed: ${res.status} ${res.text}`);
  return res.body;
}

describe('routing, case by case', () => {
  it('an ordinary concern goes to the Mental Health Lead and SENDCO, not the DSL', async () => {
    const tutor = await env.as('tutor');
    const before = env.smtp.messages.length;
    const res = await log(tutor);
    expect(res).toMatchObject({
      route: 'mental_health_lead',
      urgent: false,
      findDslNow: false,
      showEmergencyProcedure: false,
    });
    expect(res.reference).toMatch(/^C-\d{4}-\d{4}$/);
    const smhlMail = await env.smtp.messagesTo(PEOPLE.smhl);
    const sendcoMail = await env.smtp.messagesTo(PEOPLE.sendco);
    expect(smhlMail.at(-1)?.subject).toBe('You have a concern to review in Tandem');
    expect(sendcoMail.length).toBeGreaterThan(0);
    const newMail = env.smtp.messages.slice(before);
    expect(newMail.some((m) => m.to.includes(PEOPLE.dsl))).toBe(false);
    for (const m of newMail) {
      expect(m.text).not.toContain(pupilA.familyName);
      expect(m.text).not.toContain(pupilA.givenName);
      expect(m.text).not.toContain('slept');
    }
    const queue = await (await env.as('smhl')).get<{ concerns: { id: string }[] }>(`${base()}?queue=mental_health`);
    expect(queue.body.concerns.map((c) => c.id)).toContain(res.id);
  });

  it('risk of immediate harm goes at once to the DSL team as urgent, and tells the logger to find the DSL now', async () => {
    const tutor = await env.as('tutor');
    const res = await log(tutor, { riskOfImmediateHarm: true });
    expect(res).toMatchObject({ route: 'dsl', urgent: true, findDslNow: true });
    expect(res.dslOnDuty.map((d) => d.name).sort()).toEqual(['Chris Okafor', 'Lucy Evans']);
    const [stored] = await env.deps.database.db.select().from(concerns).where(eq(concerns.id, res.id));
    expect(stored?.parentsStatus).toBe('not_to_be_told');
    const mail = await env.smtp.messagesTo(PEOPLE.dsl);
    expect(mail.at(-1)?.subject).toBe('You have an urgent concern to review in Tandem');
    expect(mail.at(-1)?.text).not.toContain(pupilA.familyName);
    const dslQueue = await (
      await env.as('dsl')
    ).get<{ concerns: { id: string; urgent: boolean; restricted: boolean }[] }>(`${base()}?queue=dsl`);
    expect(dslQueue.body.concerns.find((c) => c.id === res.id)).toMatchObject({ urgent: true, restricted: true });
    const mhQueue = await (await env.as('smhl')).get<{ concerns: { id: string }[] }>(`${base()}?queue=mental_health`);
    expect(mhQueue.body.concerns.map((c) => c.id)).not.toContain(res.id);
  });

  it('a possible child-protection matter goes to the DSL as urgent and is never to be told to parents', async () => {
    const res = await log(await env.as('support'), { possibleChildProtection: true });
    expect(res).toMatchObject({ route: 'dsl', urgent: true, findDslNow: true });
    const [row] = await env.deps.database.db.select().from(concerns).where(eq(concerns.id, res.id));
    expect(row).toMatchObject({ restricted: true, category: 'safeguarding', parentsStatus: 'not_to_be_told' });
  });

  it('a medical emergency shows the emergency procedure first, and is routed by the other answers', async () => {
    const res = await log(await env.as('firstAider'), { medicalEmergency: true });
    expect(res.showEmergencyProcedure).toBe(true);
    expect(res.emergencyProcedure.join(' ')).toContain('999');
    expect(res.route).toBe('mental_health_lead');
    const both = await log(await env.as('firstAider'), { medicalEmergency: true, riskOfImmediateHarm: true });
    expect(both).toMatchObject({ showEmergencyProcedure: true, route: 'dsl', findDslNow: true });
  });

  it('the same submission twice creates one concern', async () => {
    const tutor = await env.as('tutor');
    const body = concernBody();
    const first = await tutor.post<Logged>(base(), body);
    const second = await tutor.post<Logged>(base(), body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, alreadyReceived: true });
    const rows = await env.deps.database.db
      .select()
      .from(concerns)
      .where(eq(concerns.submissionKey, body.submissionKey));
    expect(rows).toHaveLength(1);
  });

  it('refuses bad input with a message per field and stores nothing', async () => {
    const tutor = await env.as('tutor');
    const before = await env.deps.database.db.select().from(concerns);
    const res = await tutor.post<{ error: { fields: { path: string }[] } }>(base(), {
      submissionKey: randomUUID(),
      pupilIds: [],
      occurredAt: 'yesterday',
      location: '',
      account: '',
      warningSigns: ['not_a_sign'],
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'pupilIds',
        'occurredAt',
        'location',
        'account',
        'riskOfImmediateHarm',
        'possibleChildProtection',
        'medicalEmergency',
      ]),
    );
    const future = await tutor.post(
      base(),
      concernBody({ occurredAt: new Date(env.clock.now().getTime() + 3_600_000).toISOString() }),
    );
    expect(future.status).toBe(400);
    const otherSchoolPupil = await tutor.post(base(), concernBody({ pupilIds: [willowPupil] }));
    expect(otherSchoolPupil.status).toBe(400);
    const tellWithRisk = await tutor.post(
      base(),
      concernBody({ riskOfImmediateHarm: true, pupilWillTellParents: true }),
    );
    expect(tellWithRisk.status).toBe(400);
    const after = await env.deps.database.db.select().from(concerns);
    expect(after.length).toBe(before.length);
  });

  it('parents and pupils cannot log concerns; another school is not found', async () => {
    expect((await (await env.as('parent')).post(base(), concernBody())).status).toBe(403);
    expect((await (await env.as('pupil')).post(base(), concernBody())).status).toBe(403);
    expect((await (await env.as('otherTeacher')).post(base(), concernBody())).status).toBe(404);
  });
});

describe('who may read a concern', () => {
  let ordinary: Logged;
  let restricted: Logged;
  beforeAll(async () => {
    const tutor = await env.as('tutor');
    ordinary = await log(tutor);
    restricted = await log(tutor, { possibleChildProtection: true, account: 'Said an adult at home hurt her.' });
  });

  const ordinaryCases: [Person, number][] = [
    ['smhl', 200],
    ['sendco', 200],
    ['head', 200],
    ['dsl', 200],
    ['pastoral', 200],
    ['tutor', 200], // the logger
    ['support', 404],
    ['intervention', 404],
    ['schoolAdmin', 404],
    ['otherHead', 404],
    ['parent', 403],
  ];
  it.each(ordinaryCases)('an ordinary concern: %s gets %i', async (person, status) => {
    const res = await (await env.as(person)).get(`${base()}/${ordinary.id}`);
    expect(res.status).toBe(status);
  });

  const restrictedCases: [Person, number][] = [
    ['dsl', 200],
    ['deputyDsl', 200],
    ['smhl', 404],
    ['sendco', 404],
    ['head', 404],
    ['pastoral', 404],
    ['support', 404],
    ['otherHead', 404],
  ];
  it.each(restrictedCases)('a restricted concern: %s gets %i', async (person, status) => {
    const res = await (await env.as(person)).get(`${base()}/${restricted.id}`);
    expect(res.status).toBe(status);
  });

  it('the logger sees only "sent to the DSL" for a restricted concern they logged', async () => {
    const res = await (
      await env.as('tutor')
    ).get<{ access: string; concern: Record<string, unknown> }>(`${base()}/${restricted.id}`);
    expect(res.body.access).toBe('logger');
    expect(res.body.concern).toMatchObject({ sentToDsl: true, account: null, status: null });
    expect(res.text).not.toContain('adult at home');
    const mine = await (
      await env.as('tutor')
    ).get<{ concerns: { id: string; sentToDsl: boolean; account: string | null }[] }>(`${base()}/mine`);
    expect(mine.body.concerns.find((c) => c.id === restricted.id)).toMatchObject({ sentToDsl: true, account: null });
  });

  it('the headteacher, not being DSL, sees nothing of it: not in any queue, not in counts', async () => {
    const head = await env.as('head');
    const mh = await head.get<{ concerns: { id: string }[]; total: number }>(
      `${base()}?queue=mental_health&status=active&limit=100`,
    );
    expect(mh.body.concerns.map((c) => c.id)).not.toContain(restricted.id);
    expect((await head.get(`${base()}?queue=dsl`)).status).toBe(403);
    const [{ n } = { n: 0 }] = await env.deps.database.raw<{ n: number }>(
      `select count(*)::int as n from concerns where school_id = $1 and route = 'mental_health_lead' and not restricted and status in ('open','acknowledged')`,
      [env.world.kingsmead],
    );
    expect(mh.body.total).toBe(n);
  });

  it('every read is audited, including the logger’s', async () => {
    await (await env.as('dsl')).get(`${base()}/${restricted.id}`);
    const rows = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'concern.viewed'), eq(auditEvents.subjectId, restricted.id)));
    const readers = new Set(rows.map((r) => r.actorUserId));
    expect(readers.has(env.world.userId('dsl'))).toBe(true);
    expect(readers.has(env.world.userId('tutor'))).toBe(true);
    expect(JSON.stringify(rows.map((r) => r.detail))).not.toContain('adult');
  });
});

describe('triage', () => {
  it('the lead acknowledges, adds an action, sees it overdue later, completes it and closes with an outcome', async () => {
    const c = await log(await env.as('tutor'));
    let smhl = await env.as('smhl');
    expect((await smhl.post(`${base()}/${c.id}/acknowledge`)).status).toBe(200);
    expect((await smhl.post(`${base()}/${c.id}/acknowledge`)).status).toBe(409);
    const due = new Date(env.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const action = await smhl.post<{ id: string }>(`${base()}/${c.id}/actions`, {
      description: 'Check in with pupil at lunch',
      ownerUserId: env.world.userId('pastoral'),
      dueOn: due,
    });
    expect(action.status).toBe(201);
    env.clock.advance(4 * 86_400_000);
    // Four days on, the lead signs in again (the earlier session has timed out).
    smhl = await env.as('smhl');
    type Detail = {
      access: string;
      concern: { status: string; overdueActions: number; actions: { overdue: boolean }[]; outcome: string | null };
    };
    const overdue = await smhl.get<Detail>(`${base()}/${c.id}`);
    expect(overdue.body.concern.actions[0]?.overdue).toBe(true);
    expect(overdue.body.concern.overdueActions).toBe(1);
    const queue = await smhl.get<{ concerns: { id: string; overdueActions: number }[] }>(
      `${base()}?queue=mental_health&limit=100`,
    );
    expect(queue.body.concerns.find((q) => q.id === c.id)?.overdueActions).toBe(1);
    expect(
      (await smhl.post(`${base()}/${c.id}/actions/${action.body.id}/complete`, { note: 'Done, seemed brighter' }))
        .status,
    ).toBe(200);
    const badClose = await smhl.post(`${base()}/${c.id}/close`, { outcome: 'nonsense', note: '' });
    expect(badClose.status).toBe(400);
    expect(
      (await smhl.post(`${base()}/${c.id}/close`, { outcome: 'monitor', note: 'Tutor to keep an eye.' })).status,
    ).toBe(200);
    const closed = await smhl.get<Detail>(`${base()}/${c.id}`);
    expect(closed.body.concern).toMatchObject({ status: 'closed', outcome: 'monitor', overdueActions: 0 });
  });

  it('staff who may read but not triage get 403; the logger may add to their own concern but not triage it', async () => {
    const c = await log(await env.as('tutor'));
    expect((await (await env.as('head')).post(`${base()}/${c.id}/acknowledge`)).status).toBe(403);
    expect((await (await env.as('tutor')).post(`${base()}/${c.id}/acknowledge`)).status).toBe(403);
    expect((await (await env.as('support')).post(`${base()}/${c.id}/acknowledge`)).status).toBe(404);
    const add = await (
      await env.as('tutor')
    ).post(`${base()}/${c.id}/addenda`, {
      text: 'She came to find me later and said she was OK.',
      reason: 'Further information',
    });
    expect(add.status).toBe(200);
  });

  it('the original account is never changed: additions are addenda; corrections keep old and new with a reason, audited', async () => {
    const c = await log(await env.as('tutor'));
    const smhl = await env.as('smhl');
    await smhl.post(`${base()}/${c.id}/addenda`, {
      text: 'Spoke to mum: poor sleep for two weeks.',
      reason: 'Information from home',
    });
    const moved = await smhl.post(`${base()}/${c.id}/corrections`, {
      pupilIds: [pupilB.id],
      reason: 'Logged against the wrong pupil',
    });
    expect(moved.status).toBe(200);
    type Detail = {
      concern: {
        account: string;
        addenda: { text: string }[];
        corrections: { field: string; from: unknown; to: unknown; reason: string }[];
        pupils: { id: string }[];
      };
    };
    const detail = await smhl.get<Detail>(`${base()}/${c.id}`);
    expect(detail.body.concern.account).toBe(concernBody().account);
    expect(detail.body.concern.addenda.map((a) => a.text)).toEqual(['Spoke to mum: poor sleep for two weeks.']);
    expect(detail.body.concern.pupils.map((p) => p.id)).toEqual([pupilB.id]);
    expect(detail.body.concern.corrections[0]).toMatchObject({
      field: 'pupils',
      from: [pupilA.id],
      to: [pupilB.id],
      reason: 'Logged against the wrong pupil',
    });
    const audited = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'concern.corrected'), eq(auditEvents.subjectId, c.id)));
    expect(audited[0]?.detail).toEqual({ fields: ['pupils'] });
    // There is no route that edits or deletes the account.
    expect((await smhl.request('PATCH', `${base()}/${c.id}`, { account: 'changed' })).status).toBe(404);
    expect((await smhl.request('DELETE', `${base()}/${c.id}`)).status).toBe(404);
  });

  it('the lead escalates to the DSL, who is alerted and may move it into the restricted record', async () => {
    const c = await log(await env.as('tutor'));
    const smhl = await env.as('smhl');
    const before = (await env.smtp.messagesTo(PEOPLE.deputyDsl, 0)).length;
    expect(
      (await smhl.post(`${base()}/${c.id}/escalate`, { reason: 'Pupil mentioned being scared to go home.' })).status,
    ).toBe(200);
    const mail = await env.smtp.messagesTo(PEOPLE.deputyDsl, before + 1);
    expect(mail.at(-1)?.subject).toBe('A concern has been passed to you in Tandem');
    const dsl = await env.as('dsl');
    const queue = await dsl.get<{ concerns: { id: string }[] }>(`${base()}?queue=dsl&limit=100`);
    expect(queue.body.concerns.map((q) => q.id)).toContain(c.id);
    expect((await smhl.post(`${base()}/${c.id}/restrict`, { reason: 'x' })).status).toBe(403);
    expect((await dsl.post(`${base()}/${c.id}/restrict`, { reason: 'Possible child-protection matter' })).status).toBe(
      200,
    );
    expect((await smhl.get(`${base()}/${c.id}`)).status).toBe(404);
    expect((await (await env.as('head')).get(`${base()}/${c.id}`)).status).toBe(404);
  });
});

describe('telling parents', () => {
  it('the lead records how and when parents were told of a mental-health concern', async () => {
    const c = await log(await env.as('tutor'));
    const smhl = await env.as('smhl');
    const res = await smhl.post(`${base()}/${c.id}/parents-told`, {
      how: 'phone',
      when: env.clock.now().toISOString(),
      note: 'Spoke to mum.',
    });
    expect(res.status).toBe(200);
    const detail = await smhl.get<{ concern: { parentsStatus: string; parentsToldHow: string } }>(`${base()}/${c.id}`);
    expect(detail.body.concern).toMatchObject({ parentsStatus: 'told', parentsToldHow: 'phone' });
  });

  it('is refused, with the reason, for a possible child-protection matter or a restricted concern', async () => {
    const cp = await log(await env.as('tutor'), { possibleChildProtection: true });
    const dsl = await env.as('dsl');
    const res = await dsl.post<{ error: { message: string } }>(`${base()}/${cp.id}/parents-told`, {
      how: 'phone',
      when: env.clock.now().toISOString(),
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('must not be told');
    expect((await dsl.post(`${base()}/${cp.id}/pupil-will-tell-parents`)).status).toBe(409);
    const [row] = await env.deps.database.db.select().from(concerns).where(eq(concerns.id, cp.id));
    expect(row?.parentsStatus).toBe('not_to_be_told');
  });

  it('when the pupil will tell their parents, a 24-hour deadline is set; refused where there is immediate risk', async () => {
    const c = await log(await env.as('tutor'), { pupilWillTellParents: true });
    const [row] = await env.deps.database.db.select().from(concerns).where(eq(concerns.id, c.id));
    expect(row?.parentsStatus).toBe('pupil_telling');
    expect(row!.pupilTellsBy!.getTime() - row!.loggedAt.getTime()).toBe(24 * 3_600_000);

    const later = await log(await env.as('tutor'));
    const smhl = await env.as('smhl');
    expect((await smhl.post(`${base()}/${later.id}/pupil-will-tell-parents`)).status).toBe(200);
    const risky = await log(await env.as('tutor'), { riskOfImmediateHarm: true });
    expect((await (await env.as('dsl')).post(`${base()}/${risky.id}/pupil-will-tell-parents`)).status).toBe(409);
  });
});

describe('a concern as evidence for a level change', () => {
  it('the lead moves the pupil up a level with the concern as evidence; a concern they cannot see is refused', async () => {
    const c = await log(await env.as('tutor'), { pupilIds: [pupilB.id] });
    const smhl = await env.as('smhl');
    const profile = await smhl.get<{ level: { code: string | null } }>(
      `/api/schools/${env.world.kingsmead}/pupils/${pupilB.id}`,
    );
    const current = profile.body.level.code;
    const next =
      current === null
        ? 'MH1'
        : current === 'MH1'
          ? 'MH2'
          : current === 'MH2'
            ? 'MH3'
            : current === 'MH3'
              ? 'MH4'
              : 'MH5';
    const ok = await smhl.post(`/api/schools/${env.world.kingsmead}/pupils/${pupilB.id}/level`, {
      level: next,
      reason: 'Concern shows continued low mood.',
      evidence: [{ kind: 'concern', description: `Concern ${c.reference}`, refId: c.id }],
      expectedCurrentLevel: current,
    });
    expect(ok.status).toBe(200);
    const hidden = await log(await env.as('tutor'), { pupilIds: [pupilB.id], possibleChildProtection: true });
    const refused = await smhl.post(`/api/schools/${env.world.kingsmead}/pupils/${pupilB.id}/level`, {
      level: null,
      reason: 'x',
      evidence: [{ kind: 'concern', description: 'x', refId: hidden.id }],
      expectedCurrentLevel: next,
    });
    expect(refused.status).toBe(400);
  });
});

describe('drafts', () => {
  it('keeps a draft for its writer only, and removes it when the concern is submitted', async () => {
    const tutor = await env.as('tutor');
    const saved = await tutor.request('PUT', `${base()}/draft`, { draft: { account: 'Half-written' } });
    expect(saved.status).toBe(200);
    expect((await tutor.get<{ draft: { account: string } }>(`${base()}/draft`)).body.draft.account).toBe(
      'Half-written',
    );
    expect((await (await env.as('support')).get<{ draft: unknown }>(`${base()}/draft`)).body.draft).toBeNull();
    await log(tutor);
    expect((await tutor.get<{ draft: unknown }>(`${base()}/draft`)).body.draft).toBeNull();
  });
});

describe('who is on DSL duty', () => {
  it('names the person on the rota for the day (UK time) when an urgent concern is logged', async () => {
    // 24 Nov 2026 is a Tuesday.
    env.clock.set('2026-11-24T10:00:00Z');
    await env.deps.database.db.insert(dslDuty).values({
      schoolId: env.world.kingsmead,
      weekday: 2,
      userId: env.world.userId('deputyDsl'),
      whereToFind: 'Student Services, room G12',
    });
    const res = await log(await env.as('tutor'), { riskOfImmediateHarm: true });
    expect(res.dslOnDuty).toEqual([{ name: 'Lucy Evans', whereToFind: 'Student Services, room G12' }]);
  });
});
