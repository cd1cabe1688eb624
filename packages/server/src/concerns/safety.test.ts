/**
 * Issue 16, safety gaps: a medical emergency is urgent and alerts the DSL team and the Mental Health
 * Lead at once; a concern is not closed with an action left open unless the closer says what
 * becomes of it; a refused attempt to open the restricted record is audited.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { AlertKind } from '@tandem/core';
import { alerts, auditEvents, concernActions, concerns, pupils } from '@tandem/core/schema';
import { createTestEnv, PEOPLE, type Person, type TestClient, type TestEnv } from '../../test/harness';
import { runDueJobs } from '../platform/jobs';

let env: TestEnv;
let pupil: { id: string };

beforeAll(async () => {
  env = await createTestEnv();
  const [p] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '9W')));
  pupil = p!;
});
afterAll(async () => {
  await env.close();
});

const base = () => `/api/schools/${env.world.kingsmead}/concerns`;

interface Logged {
  id: string;
  route: string;
  urgent: boolean;
  findDslNow: boolean;
  showEmergencyProcedure: boolean;
  dslOnDuty: { name: string }[];
  alerted: { who: string; names: string[] }[];
}

async function log(by: TestClient, over: Record<string, unknown> = {}): Promise<Logged> {
  const res = await by.post<Logged>(base(), {
    submissionKey: randomUUID(),
    pupilIds: [pupil.id],
    occurredAt: new Date(env.clock.now().getTime() - 5 * 60_000).toISOString(),
    location: 'Sports hall',
    account: 'Found collapsed; said they had taken a lot of tablets this morning.',
    warningSigns: [],
    riskOfImmediateHarm: false,
    possibleChildProtection: false,
    medicalEmergency: false,
    ...over,
  });
  if (res.status !== 201) throw new Error(`log failed: ${res.status} ${res.text}`);
  return res.body;
}

async function alertsOf(person: Person, kind: AlertKind, concernId: string | null) {
  const rows = await env.deps.database.db
    .select()
    .from(alerts)
    .where(and(eq(alerts.userId, env.world.userId(person)), eq(alerts.kind, kind)));
  return rows.filter((r) => r.concernId === concernId);
}

async function concernRow(id: string) {
  const [row] = await env.deps.database.db.select().from(concerns).where(eq(concerns.id, id));
  return row!;
}

describe('a medical emergency is urgent', () => {
  it('alerts the DSL team and the Mental Health Lead at once, in-app and by e-mail, and tells the logger who', async () => {
    const res = await log(await env.as('firstAider'), { medicalEmergency: true });
    expect(res).toMatchObject({ urgent: true, route: 'mental_health_lead', showEmergencyProcedure: true });
    expect(res.dslOnDuty.length).toBeGreaterThan(0);
    const row = await concernRow(res.id);
    // Not a child-protection matter: not in the restricted record, so the SMHL may open it too.
    expect(row).toMatchObject({ urgent: true, restricted: false, category: 'mental_health' });
    for (const person of ['dsl', 'deputyDsl', 'smhl'] as const) {
      expect(await alertsOf(person, 'urgent_concern_logged', res.id)).toHaveLength(1);
      const mail = await env.smtp.messagesTo(PEOPLE[person]);
      expect(mail.some((m) => m.subject === 'You have an urgent concern to review in Tandem')).toBe(true);
    }
    const groups = new Map(res.alerted.map((g) => [g.who, g.names]));
    expect(groups.get('The DSL team')).toEqual(['Chris Okafor', 'Lucy Evans']);
    expect(groups.get('The Mental Health Lead and SENDCO')).toContain('Sam Patel');
  });

  it('is in both the DSL queue and the Mental Health Lead queue; either may open and acknowledge it', async () => {
    const res = await log(await env.as('tutor'), { medicalEmergency: true });
    const dsl = await env.as('dsl');
    const dslQueue = await dsl.get<{ concerns: { id: string; urgent: boolean }[] }>(`${base()}?queue=dsl&limit=100`);
    expect(dslQueue.body.concerns.find((c) => c.id === res.id)).toMatchObject({ urgent: true });
    const smhl = await env.as('smhl');
    const mhQueue = await smhl.get<{ concerns: { id: string }[] }>(`${base()}?queue=mental_health&limit=100`);
    expect(mhQueue.body.concerns.map((c) => c.id)).toContain(res.id);
    expect((await smhl.get(`${base()}/${res.id}`)).status).toBe(200);
    expect((await dsl.get(`${base()}/${res.id}`)).status).toBe(200);
    expect((await dsl.post(`${base()}/${res.id}/acknowledge`)).status).toBe(200);
  });

  it('left unacknowledged, it is escalated to the deputies and the head like any urgent concern, with a link', async () => {
    const res = await log(await env.as('tutor'), { medicalEmergency: true });
    env.clock.advanceMinutes(16);
    await runDueJobs(env.deps);
    expect((await concernRow(res.id)).escalationAlertedAt).not.toBeNull();
    expect(await alertsOf('deputyDsl', 'urgent_unacknowledged', res.id)).toHaveLength(1);
    // The head may open a concern outside the restricted record, so is given the link.
    expect(await alertsOf('head', 'urgent_unacknowledged', res.id)).toHaveLength(1);
  });

  it('goes to the restricted record only when child protection is also marked', async () => {
    const both = await log(await env.as('tutor'), { medicalEmergency: true, possibleChildProtection: true });
    expect(both).toMatchObject({ route: 'dsl', urgent: true, findDslNow: true });
    expect((await concernRow(both.id)).restricted).toBe(true);
    const ordinary = await log(await env.as('tutor'));
    expect(ordinary.urgent).toBe(false);
    expect(ordinary.alerted.map((g) => g.who)).toEqual(['The Mental Health Lead and SENDCO']);
  });
});

describe('closing a concern with actions still open', () => {
  type Detail = {
    concern: {
      status: string;
      actions: { id: string; completedAt: string | null; carriedAt: string | null; droppedAt: string | null }[];
    };
  };
  const due = () => new Date(env.clock.now().getTime() + 3 * 86_400_000).toISOString().slice(0, 10);

  it('is refused, naming each open action, until the closer says what becomes of each; nothing is lost', async () => {
    const c = await log(await env.as('tutor'));
    const smhl = await env.as('smhl');
    const ids: string[] = [];
    for (const description of ['Call home', 'Refer to school nurse', 'Check in weekly']) {
      const a = await smhl.post<{ id: string }>(`${base()}/${c.id}/actions`, {
        description,
        ownerUserId: env.world.userId('pastoral'),
        dueOn: due(),
      });
      ids.push(a.body.id);
    }
    const [call, nurse, weekly] = ids as [string, string, string];
    const close = { outcome: 'monitor', note: 'Pastoral to keep an eye.' };

    const bare = await smhl.post<{ error: { message: string; fields: { path: string; message: string }[] } }>(
      `${base()}/${c.id}/close`,
      close,
    );
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toContain('3 open actions');
    expect(bare.body.error.fields.map((f) => f.message).join(' ')).toContain('Refer to school nurse');
    expect((await concernRow(c.id)).status).not.toBe('closed');

    // One left out is still refused.
    const partial = await smhl.post(`${base()}/${c.id}/close`, {
      ...close,
      openActions: [
        { actionId: call, fate: 'done' },
        { actionId: nurse, fate: 'carried' },
      ],
    });
    expect(partial.status).toBe(400);
    // Dropping needs a reason.
    const noReason = await smhl.post(`${base()}/${c.id}/close`, {
      ...close,
      openActions: [
        { actionId: call, fate: 'done' },
        { actionId: nurse, fate: 'carried' },
        { actionId: weekly, fate: 'dropped' },
      ],
    });
    expect(noReason.status).toBe(400);
    expect(await env.deps.database.db.select().from(concernActions).where(eq(concernActions.id, call))).toMatchObject([
      { completedAt: null },
    ]);

    const ok = await smhl.post(`${base()}/${c.id}/close`, {
      ...close,
      openActions: [
        { actionId: call, fate: 'done', note: 'Spoke to mum' },
        { actionId: nurse, fate: 'carried' },
        { actionId: weekly, fate: 'dropped', note: 'Pupil has moved to another tutor group' },
      ],
    });
    expect(ok.status).toBe(200);
    const detail = await smhl.get<Detail>(`${base()}/${c.id}`);
    expect(detail.body.concern.status).toBe('closed');
    const byId = new Map(detail.body.concern.actions.map((a) => [a.id, a]));
    expect(byId.get(call)?.completedAt).not.toBeNull();
    expect(byId.get(nurse)).toMatchObject({ completedAt: null, droppedAt: null });
    expect(byId.get(nurse)?.carriedAt).not.toBeNull();
    expect(byId.get(weekly)).toMatchObject({ completedAt: null, dropReason: 'Pupil has moved to another tutor group' });

    // Audited: each action's fate and the close, with which went where.
    const trail = await env.deps.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, c.id));
    const actions = trail.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['concern.action_carried', 'concern.action_dropped']));
    expect(trail.find((e) => e.action === 'concern.closed')?.detail).toMatchObject({
      actionsDone: [call],
      actionsCarried: [nurse],
      actionsDropped: [weekly],
    });

    // The carried action stays on its owner's work list; the dropped one leaves it.
    const work = await (
      await env.as('pastoral')
    ).get<{ concernActions: { actionId: string }[] }>(`/api/schools/${env.world.kingsmead}/my-work`);
    const owned = work.body.concernActions.map((a) => a.actionId);
    expect(owned).toContain(nurse);
    expect(owned).not.toContain(weekly);
    expect(owned).not.toContain(call);

    // The carried action is on the pupil's case: in the chronology, still open, and can be done later.
    const chron = await smhl.get<{ entries: { title: string }[] }>(
      `/api/schools/${env.world.kingsmead}/pupils/${pupil.id}/chronology`,
    );
    const titles = chron.body.entries.map((e) => e.title).join('\n');
    expect(titles).toContain("Action carried to the pupil's case");
    expect(titles).toContain('Action dropped');
    expect((await smhl.post(`${base()}/${c.id}/actions/${nurse}/complete`, { note: 'Seen by nurse' })).status).toBe(
      200,
    );
    // A dropped action cannot be done after the close, nor can new work be added to a closed concern.
    expect((await smhl.post(`${base()}/${c.id}/actions/${weekly}/complete`, {})).status).toBe(409);
  });

  it('a concern whose actions are all done closes as before', async () => {
    const c = await log(await env.as('tutor'));
    const smhl = await env.as('smhl');
    const a = await smhl.post<{ id: string }>(`${base()}/${c.id}/actions`, {
      description: 'Speak to pupil',
      ownerUserId: env.world.userId('smhl'),
      dueOn: due(),
    });
    expect((await smhl.post(`${base()}/${c.id}/actions/${a.body.id}/complete`, {})).status).toBe(200);
    expect((await smhl.post(`${base()}/${c.id}/close`, { outcome: 'monitor', note: 'Fine now.' })).status).toBe(200);
  });
});

describe('a refused attempt to open the restricted record', () => {
  it('is audited, in its own right, though the answer is 404 as if it did not exist', async () => {
    const c = await log(await env.as('tutor'), { possibleChildProtection: true });
    const head = await env.as('head');
    expect((await head.get(`${base()}/${c.id}`)).status).toBe(404);
    expect((await (await env.as('smhl')).post(`${base()}/${c.id}/acknowledge`)).status).toBe(404);
    const refused = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'concern.access_refused'), eq(auditEvents.subjectId, c.id)));
    expect(refused.map((r) => r.actorUserId).sort()).toEqual(
      [env.world.userId('head'), env.world.userId('smhl')].sort(),
    );
    // The logger's own stub is not a refusal.
    expect((await (await env.as('tutor')).get(`${base()}/${c.id}`)).status).toBe(200);
  });
});
