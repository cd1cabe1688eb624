import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { and, eq, sql as sqlText } from 'drizzle-orm';
import type { ChronologyEntry } from '@tandem/core';
import { auditEvents, pupils } from '@tandem/core/schema';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../../test/harness';
import { pageTexts } from '../../../test/pdf-text';
import { chronologyEntries, chronologyReader } from './chronology.service';

let env: TestEnv;
let pupil: typeof pupils.$inferSelect;
let ordinary: { id: string; reference: string };
let restricted: { id: string; reference: string };
const RESTRICTED_ACCOUNT = 'Told me an older relative at home frightens her and she asked me not to tell.';
const RESTRICTED_NOTE = 'Advice taken from the front door team; strategy discussion booked.';

const school = () => `/api/schools/${env.world.kingsmead}`;
const chronologyUrl = (pupilId = pupil.id) => `${school()}/pupils/${pupilId}/chronology`;

async function logConcern(by: TestClient, pupilId: string, over: Record<string, unknown> = {}) {
  const res = await by.post<{ id: string; reference: string }>(`${school()}/concerns`, {
    submissionKey: randomUUID(),
    pupilIds: [pupilId],
    occurredAt: new Date(env.clock.now().getTime() - 20 * 60_000).toISOString(),
    location: 'Form room 11W',
    account: 'Quiet and tearful in registration; said exams are getting on top of her.',
    warningSigns: ['anxiety_anger_moodiness'],
    riskOfImmediateHarm: false,
    possibleChildProtection: false,
    medicalEmergency: false,
    ...over,
  });
  if (res.status !== 201) throw new Error(`log failed: ${res.status} ${res.text}`);
  return res.body;
}

async function ok(res: Promise<{ status: number; text: string }>) {
  const r = await res;
  if (r.status >= 300) throw new Error(`${r.status} ${r.text}`);
  return r;
}

beforeAll(async () => {
  env = await createTestEnv();
  const [p] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '11W')));
  pupil = p!;
  const tutor = await env.as('tutor');
  ordinary = await logConcern(tutor, pupil.id);
  env.clock.advanceMinutes(5);
  restricted = await logConcern(tutor, pupil.id, { possibleChildProtection: true, account: RESTRICTED_ACCOUNT });

  env.clock.advanceMinutes(5);
  const dsl = await env.as('dsl');
  const r = `${school()}/concerns/${restricted.id}`;
  await ok(dsl.post(`${r}/acknowledge`));
  await ok(dsl.post(`${r}/addenda`, { text: RESTRICTED_NOTE, reason: 'DSL follow-up' }));
  await ok(
    dsl.post(`${r}/actions`, {
      description: 'Strategy discussion with social care',
      ownerUserId: env.world.userId('deputyDsl'),
      dueOn: new Date(env.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10),
    }),
  );

  env.clock.advanceMinutes(20);
  const smhl = await env.as('smhl');
  const o = `${school()}/concerns/${ordinary.id}`;
  await ok(smhl.post(`${o}/acknowledge`));
  const action = await smhl.post<{ id: string }>(`${o}/actions`, {
    description: 'Weekly check-in with ELSA',
    ownerUserId: env.world.userId('intervention'),
    dueOn: new Date(env.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10),
  });
  env.clock.advanceMinutes(20);
  await ok(smhl.post(`${o}/actions/${action.body.id}/complete`, { note: 'First session held.' }));
  await ok(smhl.post(`${o}/parents-told`, { how: 'phone', when: env.clock.now().toISOString() }));
  env.clock.advanceMinutes(20);
  await ok(smhl.post(`${o}/close`, { outcome: 'monitor', note: 'Settled with ELSA support; tutor to keep an eye.' }));
});
afterAll(async () => {
  await env.close();
});

async function chronologyAs(person: Person) {
  const res = await (await env.as(person)).get<{ entries: ChronologyEntry[] }>(chronologyUrl());
  expect(res.status).toBe(200);
  return res;
}

describe('concerns in the chronology', () => {
  it('merges the concern, its acknowledgement, actions, parents told and closure, newest first', async () => {
    const { body } = await chronologyAs('smhl');
    const about = body.entries.filter((e) => e.concernId === ordinary.id);
    expect(about.map((e) => e.kind)).toEqual([
      'concern_closed',
      'parents_told',
      'concern_action_completed',
      'concern_action_added',
      'concern_acknowledged',
      'concern_logged',
    ]);
    const logged = about.at(-1)!;
    expect(logged).toMatchObject({
      title: `Concern logged by Ben Wright (${ordinary.reference})`,
      byName: 'Ben Wright',
      urgent: false,
      restricted: false,
      reference: ordinary.reference,
    });
    expect(logged.detail).toContain('exams are getting on top of her');
    expect(about[0]).toMatchObject({ title: `Concern ${ordinary.reference} closed: Monitor`, byName: 'Sam Patel' });
    expect(about[1]?.title).toBe(`Parents told by phone about concern ${ordinary.reference}`);
    expect(about[3]?.detail).toMatch(/^For Grace Lee, due \d{1,2} \w{3} \d{4}$/);
    const times = body.entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(body.entries.at(-1)?.kind).toBe('pupil_joined');
  });

  it('the DSL sees the restricted concern and everything on it, marked as the safeguarding record', async () => {
    const { body } = await chronologyAs('dsl');
    const about = body.entries.filter((e) => e.concernId === restricted.id);
    expect(about.map((e) => e.kind).sort()).toEqual([
      'concern_acknowledged',
      'concern_action_added',
      'concern_addendum',
      'concern_logged',
    ]);
    for (const e of about) expect(e).toMatchObject({ restricted: true, urgent: true });
    expect(about.find((e) => e.kind === 'concern_logged')?.title).toBe(
      `Urgent concern logged by Ben Wright (${restricted.reference})`,
    );
    expect(about.find((e) => e.kind === 'concern_addendum')?.detail).toBe(RESTRICTED_NOTE);
  });

  it.each(['smhl', 'head', 'sendco', 'pastoral'] as Person[])(
    '%s sees no trace of the restricted concern: no entry, no reference, not even in the count',
    async (person) => {
      const dsl = (await chronologyAs('dsl')).body.entries;
      const res = await chronologyAs(person);
      expect(res.body.entries.some((e) => e.concernId === restricted.id || e.restricted)).toBe(false);
      expect(res.text).not.toContain(restricted.id);
      expect(res.text).not.toContain(restricted.reference);
      expect(res.text).not.toContain('older relative');
      expect(res.text).not.toContain('front door');
      expect(res.text).not.toContain('Strategy discussion');
      expect(res.body.entries.map((e) => e.id)).toEqual(dsl.filter((e) => !e.restricted).map((e) => e.id));
    },
  );

  it('is for case roles: a tutor is refused, another school finds nothing', async () => {
    expect((await (await env.as('tutor')).get(chronologyUrl())).status).toBe(403);
    expect((await (await env.as('otherHead')).get(chronologyUrl())).status).toBe(404);
    const [willow] = await env.deps.database.db.select().from(pupils).where(eq(pupils.schoolId, env.world.willow));
    expect((await (await env.as('dsl')).get(chronologyUrl(willow!.id))).status).toBe(404);
  });
});

describe('the chronology as a PDF', () => {
  async function exports() {
    return env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'pupil.chronology_exported'), eq(auditEvents.subjectId, pupil.id)))
      .orderBy(auditEvents.seq);
  }

  it('a case role downloads it; the export is audited with the number of entries they could see', async () => {
    for (const person of ['dsl', 'smhl'] as Person[]) {
      const screen = (await chronologyAs(person)).body.entries;
      const res = await (await env.as(person)).get(`${chronologyUrl()}.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="chronology-.+\.pdf"$/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text.startsWith('%PDF-')).toBe(true);
      const last = (await exports()).at(-1);
      expect(last).toMatchObject({
        actorUserId: env.world.userId(person),
        schoolId: env.world.kingsmead,
        subjectType: 'pupil',
        detail: { entries: screen.length },
      });
    }
  });

  /** GET and keep the bytes: the harness's text would spoil the PDF's compressed streams. */
  async function pdfText(person: Person, query: string) {
    const client = await env.as(person);
    const spy = vi.spyOn(env.app, 'inject');
    try {
      const res = await client.get(`${chronologyUrl()}.pdf${query}`);
      const injected = spy.mock.results.at(-1)?.value as Promise<LightMyRequestResponse>;
      return { status: res.status, text: pageTexts((await injected).rawPayload).join(' ') };
    } finally {
      spy.mockRestore();
    }
  }

  it('runs oldest first when asked (as local authorities and courts read it), newest first by default', async () => {
    const screen = (await chronologyAs('smhl')).body.entries;
    const newest = screen[0]?.title ?? '';
    const oldest = screen.at(-1)?.title ?? '';
    expect(newest).not.toBe(oldest);
    const at = (text: string, title: string) => text.indexOf(title.replace(/\s+/g, ' '));

    for (const query of ['', '?order=newest']) {
      const { status, text } = await pdfText('smhl', query);
      expect(status).toBe(200);
      expect(text).toContain('Newest first.');
      expect(at(text, newest)).toBeGreaterThan(-1);
      expect(at(text, newest)).toBeLessThan(at(text, oldest));
    }
    const { status, text } = await pdfText('smhl', '?order=oldest');
    expect(status).toBe(200);
    expect(text).toContain('Oldest first.');
    expect(at(text, oldest)).toBeGreaterThan(-1);
    expect(at(text, oldest)).toBeLessThan(at(text, newest));
    expect((await exports()).at(-1)?.detail).toEqual({ entries: screen.length, order: 'oldest' });

    const before = (await exports()).length;
    expect((await pdfText('smhl', '?order=sideways')).status).toBe(400);
    expect(await exports()).toHaveLength(before);
  });

  it('is refused to a tutor and not found for another school', async () => {
    const before = (await exports()).length;
    expect((await (await env.as('tutor')).get(`${chronologyUrl()}.pdf`)).status).toBe(403);
    expect((await (await env.as('otherHead')).get(`${chronologyUrl()}.pdf`)).status).toBe(404);
    expect(await exports()).toHaveLength(before);
  });
});

/** The same entries as the chronology, in one SQL statement, for comparison. */
const RAW_CHRONOLOGY = `
with vis as (
  select c.* from concerns c join concern_pupils cp on cp.concern_id = c.id
  where cp.school_id = $1 and cp.pupil_id = $2 and c.school_id = $1 and (not c.restricted or $3)
)
select * from (
  select c.id::text as id, 'concern_logged' as kind, c.logged_at as at, c.account as detail, u.display_name as by_name, c.reference, c.urgent, c.restricted
    from vis c join users u on u.id = c.logged_by
  union all select c.id::text || '-acknowledged', 'concern_acknowledged', c.acknowledged_at, null, u.display_name, c.reference, c.urgent, c.restricted
    from vis c left join users u on u.id = c.acknowledged_by where c.acknowledged_at is not null
  union all select c.id::text || '-escalated', 'concern_escalated', c.escalated_to_dsl_at, null, u.display_name, c.reference, c.urgent, c.restricted
    from vis c left join users u on u.id = c.escalated_to_dsl_by where c.escalated_to_dsl_at is not null
  union all select c.id::text || '-closed', 'concern_closed', c.closed_at, c.outcome_note, u.display_name, c.reference, c.urgent, c.restricted
    from vis c left join users u on u.id = c.closed_by where c.closed_at is not null
  union all select c.id::text || '-parents-told', 'parents_told', c.parents_told_at, c.parents_told_how, u.display_name, c.reference, c.urgent, c.restricted
    from vis c left join users u on u.id = c.parents_told_by where c.parents_told_at is not null
  union all select a.id::text, 'concern_addendum', a.added_at, a.text, u.display_name, c.reference, c.urgent, c.restricted
    from concern_addenda a join vis c on c.id = a.concern_id join users u on u.id = a.added_by where a.school_id = $1
  union all select x.id::text || '-added', 'concern_action_added', x.created_at, o.display_name || ' ' || x.due_on, u.display_name, c.reference, c.urgent, c.restricted
    from concern_actions x join vis c on c.id = x.concern_id join users u on u.id = x.created_by join users o on o.id = x.owner_user_id where x.school_id = $1
  union all select x.id::text || '-completed', 'concern_action_completed', x.completed_at, x.completion_note, u.display_name, c.reference, c.urgent, c.restricted
    from concern_actions x join vis c on c.id = x.concern_id left join users u on u.id = x.completed_by where x.school_id = $1 and x.completed_at is not null
  union all select k.id::text, 'concern_corrected', k.changed_at, k.reason, u.display_name, c.reference, c.urgent, c.restricted
    from concern_corrections k join vis c on c.id = k.concern_id join users u on u.id = k.changed_by where k.school_id = $1
  union all select l.id::text, 'level_change', l.changed_at, l.reason, u.display_name, null, null, null
    from level_changes l join users u on u.id = l.changed_by where l.school_id = $1 and l.pupil_id = $2
  union all select s.id::text, 'shared_with_' || s.audience, s.shared_at, null, u.display_name, null, null, null
    from level_shares s join users u on u.id = s.shared_by where s.school_id = $1 and s.pupil_id = $2
  union all select d.id::text, 'details_corrected', d.changed_at, d.reason, u.display_name, null, null, null
    from pupil_detail_changes d join users u on u.id = d.changed_by where d.school_id = $1 and d.pupil_id = $2
) e order by at desc, id`;

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

describe('latency with 500 entries', () => {
  it('measures the chronology of a pupil with 500 entries beside the raw SQL for the same data', async () => {
    const [busy] = await env.deps.database.db
      .select()
      .from(pupils)
      .where(
        and(
          eq(pupils.schoolId, env.world.kingsmead),
          eq(pupils.form, '8W'),
          // The raw statement below covers concerns, levels and plans: a pupil with no intervention.
          sqlText`not exists (select 1 from intervention_places p where p.pupil_id = ${pupils.id})`,
        ),
      );
    const by = env.world.userId('support');
    const lead = env.world.userId('smhl');
    // 100 closed concerns, each logged, acknowledged, added to, given an action and closed: 500 entries.
    await env.deps.database.raw(
      `with c as (
        insert into concerns (school_id, reference, logged_by, logged_at, submission_key, occurred_at, location, account,
          warning_signs, risk_of_immediate_harm, possible_child_protection, medical_emergency, category, route, urgent,
          restricted, status, acknowledged_by, acknowledged_at, outcome, outcome_note, closed_by, closed_at,
          parents_status, updated_at)
        select $1, 'L-' || g, $3, now() - make_interval(days => g), gen_random_uuid()::text, now() - make_interval(days => g),
          'Classroom', 'Seemed low in the lesson and did not want to talk (' || g || ').', '["withdrawal"]'::jsonb,
          false, false, false, 'mental_health', 'mental_health_lead', false, false, 'closed', $4,
          now() - make_interval(days => g) + interval '1 hour', 'monitor', 'Settled.', $4,
          now() - make_interval(days => g) + interval '3 hours', 'to_be_told', now()
        from generate_series(1, 100) g
        returning id, logged_at
      ), cp as (
        insert into concern_pupils (school_id, concern_id, pupil_id) select $1, id, $2 from c
      ), ad as (
        insert into concern_addenda (school_id, concern_id, text, reason, added_by, added_at)
        select $1, id, 'Spoke to the pupil again; a little brighter.', 'Further information', $3, logged_at + interval '2 hours' from c
      ), ac as (
        insert into concern_actions (school_id, concern_id, description, owner_user_id, due_on, created_by, created_at)
        select $1, id, 'Check in at the start of the day', $4, (logged_at + interval '7 days')::date, $4, logged_at + interval '1 hour' from c
      )
      select count(*)::int as n from c`,
      [env.world.kingsmead, busy!.id, by, lead],
    );
    const dsl = await env.as('dsl');
    const url = chronologyUrl(busy!.id);
    const first = await dsl.get<{ entries: ChronologyEntry[] }>(url);
    const raw = await env.deps.database.raw<{ id: string }>(RAW_CHRONOLOGY, [env.world.kingsmead, busy!.id, true]);
    expect(first.body.entries.filter((e) => e.concernId).length).toBe(500);
    // The raw statement returns the same rows (less the synthetic "joined" entry).
    expect(raw.length).toBe(first.body.entries.length - 1);

    const runs = 30;
    const http: number[] = [];
    const service: number[] = [];
    const sql: number[] = [];
    const actor = {
      userId: env.world.userId('dsl'),
      email: 'dsl',
      displayName: 'DSL',
      assignments: [{ role: 'dsl' as const, trustId: env.world.trustId, schoolId: env.world.kingsmead }],
    };
    for (let i = 0; i < runs + 3; i++) {
      let t = performance.now();
      const res = await dsl.get(url);
      const tHttp = performance.now() - t;
      expect(res.status).toBe(200);
      t = performance.now();
      await env.deps.database.db.transaction((tx) =>
        chronologyEntries(tx, env.deps.registries.chronology, chronologyReader(actor, env.world.kingsmead, busy!.id)),
      );
      const tService = performance.now() - t;
      t = performance.now();
      await env.deps.database.raw(RAW_CHRONOLOGY, [env.world.kingsmead, busy!.id, true]);
      const tSql = performance.now() - t;
      if (i >= 3) {
        http.push(tHttp);
        service.push(tService);
        sql.push(tSql);
      }
    }
    const f = (ms: number[]) => {
      const { p50, p95 } = stats(ms);
      return `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`;
    };
    console.log(
      [
        `chronology of a pupil with ${first.body.entries.length} entries (${env.deps.database.kind}, ${runs} runs):`,
        `  GET /chronology (HTTP in-process, session, audit, JSON): ${f(http)}`,
        `  chronologyEntries (queries + merge, no audit):          ${f(service)}`,
        `  raw SQL, one UNION ALL statement:                       ${f(sql)}`,
        `  ratio GET / raw SQL at p50: ${(stats(http).p50 / stats(sql).p50).toFixed(1)}x`,
      ].join('\n'),
    );
    // Thirty-three runs of three reads each: on a busy two-core machine this takes longer than the
    // default 30 seconds, and how long is reported above, not judged.
  }, 120_000);
});
