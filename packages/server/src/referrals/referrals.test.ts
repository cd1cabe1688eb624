import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alerts, auditEvents, pupils } from '@tandem/core/schema';
import {
  REFERRAL_SERVICES,
  REQUIRED_PARTS,
  type MyWork,
  type ReferralDetail,
  type ReferralService,
  type ReferralWaits,
} from '@tandem/core';
import { createTestEnv, PEOPLE, type Person, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let smhl: TestClient;
let dsl: TestClient;
let kids: string[];
let next = 0;

const school = () => `/api/schools/${env.world.kingsmead}`;
const today = () => env.clock.now().toISOString().slice(0, 10);
const ref = (id: string) => `${school()}/referrals/${id}`;

const COMPLETE: Record<string, string> = {
  reason: 'Low mood for months.',
  durationImpact: 'Since March; missing lessons.',
  risk: 'No known risk; safety plan in place.',
  tried: 'ELSA for six weeks; little change.',
  pupilView: 'Would like help.',
  familyContext: 'Lives with mum.',
  medicalEvidence: 'Consultant letter of 1 November.',
  gp: 'The Health Centre.',
};

async function start(by: TestClient, service: ReferralService, pupilId = kids[next++]!) {
  const res = await by.post<{ id: string }>(`${school()}/pupils/${pupilId}/referrals`, {
    service,
    submissionKey: randomUUID(),
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

async function detail(by: TestClient, id: string) {
  return by.get<ReferralDetail>(ref(id));
}

async function complete(by: TestClient, id: string, consent = 'given', consentNote = '') {
  const d = (await detail(by, id)).body;
  const res = await by.put<{ version: number }>(ref(id), {
    parts: COMPLETE,
    consent,
    consentNote,
    serviceId: null,
    version: d.referral.version,
  });
  expect(res.status, res.text).toBe(200);
  return res.body.version;
}

async function step(by: TestClient, id: string, to: string, on = today(), extra: Record<string, string> = {}) {
  const version = (await detail(by, id)).body.referral.version;
  return by.post<{ error?: { message: string; fields: { path: string }[] } }>(`${ref(id)}/steps`, {
    to,
    on,
    note: '',
    version,
    ...extra,
  });
}

beforeAll(async () => {
  env = await createTestEnv();
  kids = (
    await env.deps.database.db
      .select({ id: pupils.id })
      .from(pupils)
      .where(and(eq(pupils.schoolId, env.world.kingsmead), inArray(pupils.yearGroup, [7, 8, 9])))
      .orderBy(asc(pupils.upn))
  ).map((p) => p.id);
  smhl = await env.as('smhl');
  dsl = await env.as('dsl');
});
afterAll(async () => {
  await env.close();
});

describe('the completeness check', () => {
  it.each(REFERRAL_SERVICES.map((s) => [s]))(
    'lists every part %s needs, and refuses to send until complete',
    async (service) => {
      const id = await start(smhl, service);
      const d = (await detail(smhl, id)).body;
      expect(d.missing.map((m) => m.part)).toEqual([...REQUIRED_PARTS[service]]);
      const refused = await step(smhl, id, 'sent');
      expect(refused.status).toBe(400);
      expect(refused.body.error?.message).toContain('cannot be sent until it is complete');
      await complete(smhl, id);
      expect((await detail(smhl, id)).body.missing).toEqual([]);
      expect((await step(smhl, id, 'sent')).status).toBe(200);
    },
  );

  it('needs a reason when parents were not asked', async () => {
    const id = await start(smhl, 'counselling');
    await complete(smhl, id, 'not_sought', '');
    const d = (await detail(smhl, id)).body;
    expect(d.missing.map((m) => m.message)).toEqual(['Say why parents were not asked']);
  });
});

describe('the one path of statuses', () => {
  let id: string;
  beforeAll(async () => {
    id = await start(smhl, 'camhs');
    await complete(smhl, id);
  });

  it('refuses a step out of order, saying what may come next', async () => {
    const res = await step(smhl, id, 'accepted');
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('can next be: sent');
  });

  it('walks sent, acknowledged, accepted, waiting, first appointment, closed; refusing bad dates', async () => {
    const sentOn = new Date(env.clock.now().getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
    expect((await step(smhl, id, 'sent', sentOn)).status).toBe(200);
    const before = await step(smhl, id, 'acknowledged', '2020-01-01');
    expect(before.status).toBe(400);
    expect(before.body.error?.fields[0]?.path).toBe('on');
    const future = await step(smhl, id, 'acknowledged', '2099-01-01');
    expect(future.status).toBe(400);
    for (const s of ['acknowledged', 'accepted', 'waiting', 'first_appointment', 'closed']) {
      const res = await step(smhl, id, s);
      expect(res.status, `${s}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    const d = (await detail(smhl, id)).body;
    expect(d.referral.waitDays).toBe(10);
    expect(d.steps.map((s) => s.status)).toEqual([
      'sent',
      'acknowledged',
      'accepted',
      'waiting',
      'first_appointment',
      'closed',
    ]);
    expect(d.nextSteps).toEqual([]);
  });

  it('needs the reason and where the pupil was signposted for a decline', async () => {
    const other = await start(smhl, 'camhs');
    await complete(smhl, other);
    await step(smhl, other, 'sent');
    const bare = await step(smhl, other, 'declined');
    expect(bare.body.error?.fields[0]?.path).toBe('declineReason');
    const ok = await step(smhl, other, 'declined', today(), {
      declineReason: 'Below threshold',
      signpostedTo: 'Kooth',
    });
    expect(ok.status).toBe(200);
  });

  it('refuses a stale version', async () => {
    const other = await start(smhl, 'school_nurse');
    const res = await smhl.put(ref(other), { parts: {}, consent: null, consentNote: '', serviceId: null, version: 99 });
    expect(res.status).toBe(409);
  });
});

describe('an emergency', () => {
  it('lets a tutor start a CAMHS referral, alerting the SENDCO and SMHL without content', async () => {
    const tutor = await env.as('tutor');
    const pupil = kids[next++]!;
    const res = await tutor.post<{ id: string }>(`${school()}/pupils/${pupil}/referrals`, {
      service: 'camhs',
      emergency: true,
      reason: 'Said they want to die today.',
      submissionKey: randomUUID(),
    });
    expect(res.status, res.text).toBe(201);
    for (const who of ['sendco', 'smhl'] as const) {
      const rows = await env.deps.database.db
        .select()
        .from(alerts)
        .where(and(eq(alerts.userId, env.world.userId(who)), eq(alerts.kind, 'emergency_referral_started')));
      expect(rows.length).toBeGreaterThan(0);
    }
    const mail = await env.smtp.messagesTo(PEOPLE.sendco);
    expect(mail.map((m) => m.text).join('\n')).not.toContain('want to die');
    expect((await tutor.get(ref(res.body.id))).status).toBe(404);
    expect((await smhl.get(ref(res.body.id))).status).toBe(200);
    const sendco = await env.as('sendco');
    const listed = (await sendco.get<MyWork>(`${school()}/my-work`)).body.emergencyReferrals;
    expect(listed.map((e) => e.referralId)).toContain(res.body.id);
    // The SENDCO's scope is the SEND register: the alert puts the pupil on their caseload.
    expect((await sendco.get(ref(res.body.id))).status).toBe(200);
  });

  it('refuses a non-emergency start from a tutor', async () => {
    const tutor = await env.as('tutor');
    const res = await tutor.post(`${school()}/pupils/${kids[0]}/referrals`, {
      service: 'camhs',
      submissionKey: randomUUID(),
    });
    expect(res.status).toBe(403);
  });
});

describe('waits against the four-week standard', () => {
  it('flags a referral on the lead’s home page once it crosses four weeks, and counts it', async () => {
    const id = await start(smhl, 'mhst');
    await complete(smhl, id);
    await step(smhl, id, 'sent');
    const before = (await smhl.get<MyWork>(`${school()}/my-work`)).body.referralsOverdue.some(
      (r) => r.referralId === id,
    );
    expect(before).toBe(false);
    const w0 = (await smhl.get<ReferralWaits>(`${school()}/referral-waits`)).body;
    env.clock.advance(29 * 86_400_000);
    // Four weeks on, everyone signs in again (sessions last a day at most).
    smhl = await env.as('smhl');
    dsl = await env.as('dsl');
    const after = (await smhl.get<MyWork>(`${school()}/my-work`)).body.referralsOverdue.find(
      (r) => r.referralId === id,
    );
    expect(after?.waitDays).toBe(29);
    const w1 = (await smhl.get<ReferralWaits>(`${school()}/referral-waits`)).body;
    expect(w1.school.overStandard).toBeGreaterThan(w0.school.overStandard);
    const csv = await smhl.get(`${school()}/referral-waits.csv`);
    expect(csv.text.split('\r\n')[0]).toContain('90th percentile');
    expect((await (await env.as('tutor')).get(`${school()}/referral-waits`)).status).toBe(403);
  });
});

describe('a restricted social-care referral', () => {
  let id: string;
  let pupil: string;
  beforeAll(async () => {
    pupil = kids[next++]!;
    id = await start(dsl, 'social_care', pupil);
  });

  it('may be made without asking parents only by the DSL team', async () => {
    const mine = await start(smhl, 'social_care');
    const d = (await detail(smhl, mine)).body;
    const res = await smhl.put<{ error: { fields: { path: string }[] } }>(ref(mine), {
      parts: COMPLETE,
      consent: 'not_sought',
      consentNote: 'Asking could put the child at risk.',
      serviceId: null,
      version: d.referral.version,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]!.path).toBe('consent');
    await complete(dsl, id, 'not_sought', 'Asking could put the child at risk.');
    expect((await detail(dsl, id)).body.referral.restricted).toBe(true);
  });

  it('is invisible to the headteacher and the SMHL, in lists, figures and the chronology', async () => {
    const head = await env.as('head');
    expect((await head.get(ref(id))).status).toBe(404);
    expect((await smhl.get(ref(id))).status).toBe(404);
    const list = await head.get<{ referrals: { id: string }[] }>(`${school()}/pupils/${pupil}/referrals`);
    expect(list.body.referrals.map((r) => r.id)).not.toContain(id);
    const chronology = await head.get(`${school()}/pupils/${pupil}/chronology`);
    expect(chronology.text).not.toContain(id);
    const dslChronology = await dsl.get(`${school()}/pupils/${pupil}/chronology`);
    expect(dslChronology.text).toContain(id);
  });
});

describe('who may read referrals', () => {
  let id: string;
  let pupil: string;
  beforeAll(async () => {
    // A Year 11 pupil: inside the pastoral lead's years (9 to 11), outside anyone's teaching.
    const [p] = await env.deps.database.db
      .select({ id: pupils.id })
      .from(pupils)
      .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '11W')))
      .orderBy(asc(pupils.upn))
      .offset(3)
      .limit(1);
    pupil = p!.id;
    id = await start(smhl, 'counselling', pupil);
  });

  it.each<[Person, number, number]>([
    ['smhl', 200, 200],
    ['dsl', 200, 200],
    ['head', 200, 200],
    ['pastoral', 200, 200],
    ['tutor', 404, 404],
    ['support', 404, 404],
    ['intervention', 404, 404],
    ['otherHead', 404, 404],
    ['parent', 403, 403],
    ['pupil', 403, 403],
  ])('%s: the referral %i, the pupil’s list %i', async (person, one, list) => {
    const c = await env.as(person);
    expect((await c.get(ref(id))).status).toBe(one);
    expect((await c.get(`${school()}/pupils/${pupil}/referrals`)).status).toBe(list);
  });

  it('audits every read and the letter', async () => {
    const pdf = await smhl.get(`${ref(id)}/letter.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    const rows = await env.deps.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, id));
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('referral.viewed');
    expect(actions).toContain('referral.exported');
  });
});

describe('the services directory', () => {
  const entry = {
    name: 'Riverside youth counselling',
    description: 'Free counselling for young people in the town.',
    audiences: ['pupils'],
    ageFrom: 11,
    ageTo: 18,
    needs: ['anxiety', 'low_mood'],
    howToRefer: 'Young people call.',
    selfReferral: true,
    openingHours: 'Weekdays',
    phone: '01234 567890',
    text: '',
    web: 'https://riverside.example.org',
  };

  it('finds services by need and age, national and local', async () => {
    const tutor = await env.as('tutor');
    const res = await tutor.get<{ services: { name: string; scope: string }[] }>(
      `${school()}/services?need=bereavement&age=9`,
    );
    expect(res.status).toBe(200);
    expect(res.body.services.map((s) => s.name)).toContain('Children’s bereavement support');
    expect(res.body.services.every((s) => s.name !== 'Kooth')).toBe(true);
    const urgent = await tutor.get<{ services: { name: string }[] }>(`${school()}/services?need=urgent_help&age=14`);
    expect(urgent.body.services.map((s) => s.name)).toEqual(expect.arrayContaining(['Childline', 'Samaritans']));
  });

  it('lets the SMHL add a local entry, seen in that school only, and change it as a new version', async () => {
    expect((await (await env.as('tutor')).post(`${school()}/services`, entry)).status).toBe(403);
    const bad = await smhl.post(`${school()}/services`, { ...entry, ageTo: 5 });
    expect(bad.status).toBe(400);
    const add = await smhl.post<{ id: string }>(`${school()}/services`, entry);
    expect(add.status, add.text).toBe(201);
    const other = await env.as('otherHead');
    const willow = await other.get<{ services: { id: string }[] }>(`/api/schools/${env.world.willow}/services`);
    expect(willow.body.services.map((s) => s.id)).not.toContain(add.body.id);
    expect((await other.get(`/api/schools/${env.world.willow}/services/${add.body.id}`)).status).toBe(404);
    const changed = await smhl.put<{ version: number }>(`${school()}/services/${add.body.id}`, {
      details: { ...entry, name: 'Riverside counselling' },
      version: 1,
    });
    expect(changed.body.version).toBe(2);
    expect((await smhl.put(`${school()}/services/${add.body.id}`, { details: entry, version: 1 })).status).toBe(409);
    const d = await smhl.get<{ history: { name: string }[] }>(`${school()}/services/${add.body.id}`);
    expect(d.body.history.map((h) => h.name)).toEqual(['Riverside youth counselling', 'Riverside counselling']);
  });

  it('reminds the SMHL of a local entry unchecked for a year, until it is checked', async () => {
    const due = (await smhl.get<MyWork>(`${school()}/my-work`)).body.servicesToCheck;
    expect(due.length).toBeGreaterThan(0);
    expect((await smhl.post(`${school()}/services/${due[0]!.serviceId}/checked`, {})).status).toBe(200);
    const after = (await smhl.get<MyWork>(`${school()}/my-work`)).body.servicesToCheck;
    expect(after.map((s) => s.serviceId)).not.toContain(due[0]!.serviceId);
  });
});

describe('the school’s own wait standard', () => {
  it('is set by the headteacher in the school’s settings and used for every referral', async () => {
    const head = await env.as('head');
    expect((await head.patch(`/api/schools/${env.world.kingsmead}`, { referralWaitDays: 3 })).status).toBe(400);
    const set = await head.patch<{ referralWaitDays: number }>(`/api/schools/${env.world.kingsmead}`, {
      referralWaitDays: 14,
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body.referralWaitDays).toBe(14);
    const waits = (await smhl.get<ReferralWaits>(`${school()}/referral-waits`)).body;
    expect(waits.standardDays).toBe(14);
    const id = await start(smhl, 'school_nurse');
    expect((await detail(smhl, id)).body.waitStandardDays).toBe(14);
  });
});

describe('the trust’s shared entries', () => {
  it('are kept by the trust administrator and seen, not changed, by every school', async () => {
    const admin = await env.as('trustAdmin');
    const base = `/api/trusts/${env.world.trustId}/services`;
    const list = await admin.get<{ services: { scope: string }[] }>(base);
    expect(list.status).toBe(200);
    expect(list.body.services.some((s) => s.scope === 'national')).toBe(true);
    const added = await admin.post<{ id: string }>(base, {
      name: 'Trust family support line',
      description: 'Advice for families across the trust.',
      audiences: ['parents'],
      ageFrom: 4,
      ageTo: 18,
      needs: ['parenting'],
      howToRefer: 'Call.',
      selfReferral: true,
      openingHours: 'Weekdays',
      phone: '01234 000000',
      text: '',
      web: '',
    });
    expect(added.status, added.text).toBe(201);
    const other = await env.as('otherHead');
    const willow = await other.get<{ services: { id: string; canEdit: boolean }[] }>(
      `/api/schools/${env.world.willow}/services?need=parenting`,
    );
    expect(willow.body.services.find((s) => s.id === added.body.id)?.canEdit).toBe(false);
    const change = await smhl.put(`${school()}/services/${added.body.id}`, {
      details: {
        name: 'Mine now',
        description: 'x',
        audiences: ['parents'],
        ageFrom: 4,
        ageTo: 18,
        needs: ['parenting'],
        selfReferral: true,
        phone: '1',
      },
      version: 1,
    });
    expect(change.status).toBe(403);
    expect((await admin.post(`${base}/${added.body.id}/checked`, {})).status).toBe(200);
    expect((await (await env.as('head')).get(base)).status).toBe(404);
  });
});
