import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { auditEvents, interventionPlaces, interventionSessions, pupils } from '@tandem/core/schema';
import type { InterventionDetail, InterventionList, OutcomesReport, PupilPlaces } from '@tandem/core';
import { createTestEnv, type Person, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let smhl: TestClient;
let elsa: TestClient;
let kids: { id: string; givenName: string; familyName: string }[];

const school = () => `/api/schools/${env.world.kingsmead}`;
const today = () => env.clock.now().toISOString().slice(0, 10);

function interventionBody(over: Record<string, unknown> = {}) {
  return {
    name: 'Worry busters',
    description: 'A small group for pupils who worry a lot.',
    format: 'group',
    places: 2,
    sessionCount: 6,
    sessionMinutes: 45,
    sessionDay: 'tuesday',
    suitsLevels: ['MH2', 'MH1'],
    measureKey: 'gad7',
    staffUserIds: [env.world.userId('intervention')],
    ...over,
  };
}

async function addIntervention(over: Record<string, unknown> = {}) {
  const res = await smhl.post<{ id: string }>(`${school()}/interventions`, interventionBody(over));
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

async function request(by: TestClient, interventionId: string, pupilId: string) {
  return by.post<{ id: string; error?: { message: string } }>(`${school()}/interventions/${interventionId}/requests`, {
    pupilId,
    reason: 'Worries are stopping them joining in.',
    submissionKey: randomUUID(),
  });
}

async function detail(by: TestClient, interventionId: string) {
  return by.get<InterventionDetail>(`${school()}/interventions/${interventionId}`);
}

beforeAll(async () => {
  env = await createTestEnv();
  // Pupils in Year 10 (no demo intervention uses them), in a stable order.
  kids = await env.deps.database.db
    .select({ id: pupils.id, givenName: pupils.givenName, familyName: pupils.familyName })
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.yearGroup, 10), isNull(pupils.currentLevel)))
    .orderBy(pupils.upn)
    .limit(6);
  smhl = await env.as('smhl');
  elsa = await env.as('intervention');
});
afterAll(async () => {
  await env.close();
});

describe('a waiting list, from request to allocation', () => {
  let id: string;
  beforeAll(async () => {
    id = await addIntervention();
    for (const k of kids.slice(0, 3)) {
      env.clock.advance(60_000);
      expect((await request(smhl, id, k.id)).status).toBe(201);
    }
  });

  it('orders the list by level, then date of request, and gives each an expected start', async () => {
    const res = await detail(smhl, id);
    expect(res.status).toBe(200);
    expect(res.body.waiting.map((w) => w.pupilId)).toEqual(kids.slice(0, 3).map((k) => k.id));
    expect(res.body.waiting.map((w) => w.position)).toEqual([1, 2, 3]);
    expect(res.body.waiting.every((w) => w.expectedStart !== null)).toBe(true);
  });

  it('refuses a second request for a pupil already waiting, and says why', async () => {
    const res = await request(elsa, id, kids[0]!.id);
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toContain('already on the waiting list');
  });

  it('wants a reason to allocate out of turn, allocates two, and refuses a third beyond the places', async () => {
    const d = (await detail(smhl, id)).body;
    const outOfTurn = await smhl.post(`${school()}/interventions/${id}/allocations`, {
      placeId: d.waiting[2]!.placeId,
      startOn: today(),
      reason: '',
    });
    expect(outOfTurn.status).toBe(400);
    for (const w of d.waiting.slice(0, 2)) {
      const res = await smhl.post<{ baselineQuestionnaireId: string | null }>(
        `${school()}/interventions/${id}/allocations`,
        {
          placeId: w.placeId,
          startOn: today(),
          reason: '',
        },
      );
      expect(res.status, res.text).toBe(200);
      expect(res.body.baselineQuestionnaireId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const full = await smhl.post<{ error: { message: string } }>(`${school()}/interventions/${id}/allocations`, {
      placeId: d.waiting[2]!.placeId,
      startOn: today(),
      reason: '',
    });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toContain('All 2 places');
    const after = (await detail(smhl, id)).body;
    expect(after.inPlaces).toHaveLength(2);
    expect(after.waiting).toHaveLength(1);
    expect(after.waiting[0]!.position).toBe(1);
    // Two places, six weekly sessions: the third starts once a place frees, six weeks after the first.
    expect(after.waiting[0]!.expectedStart! > today()).toBe(true);
  });

  it('lists the baseline as due for the intervention’s staff', async () => {
    const res = await elsa.get<{ questionnairesDue: { interventionName: string; timepoint: string }[] }>(
      `${school()}/my-work`,
    );
    expect(res.body.questionnairesDue.filter((q) => q.interventionName === 'Worry busters')).toHaveLength(2);
  });

  it('records sessions for the group’s own pupils only', async () => {
    const d = (await detail(elsa, id)).body;
    const bad = await elsa.post(`${school()}/interventions/${id}/sessions`, {
      heldOn: today(),
      cancelled: false,
      note: '',
      attendance: [{ placeId: d.waiting[0]!.placeId, attendance: 'attended' }],
      submissionKey: randomUUID(),
    });
    expect(bad.status).toBe(400);
    const before = await env.deps.database.db
      .select()
      .from(interventionSessions)
      .where(eq(interventionSessions.interventionId, id));
    expect(before).toHaveLength(0);
    const key = randomUUID();
    const body = {
      heldOn: today(),
      cancelled: false,
      note: 'Made worry boxes.',
      attendance: d.inPlaces.map((p, n) => ({ placeId: p.placeId, attendance: n === 0 ? 'attended' : 'not_attended' })),
      submissionKey: key,
    };
    expect((await elsa.post(`${school()}/interventions/${id}/sessions`, body)).status).toBe(201);
    expect((await elsa.post(`${school()}/interventions/${id}/sessions`, body)).status).toBe(201);
    const after = (await detail(elsa, id)).body;
    expect(after.sessions).toHaveLength(1);
    expect(after.inPlaces.map((p) => [p.sessionsAttended, p.sessionsMissed, p.sessionsLeft])).toEqual([
      [1, 0, 5],
      [0, 1, 5],
    ]);
  });

  it('frees a place when a pupil completes, makes the follow-up due, and then allocates the next', async () => {
    const d = (await detail(smhl, id)).body;
    const ended = await elsa.post<{ followUpQuestionnaireId: string | null }>(
      `${school()}/interventions/${id}/places/${d.inPlaces[0]!.placeId}/end`,
      { ending: 'left_early', reason: 'Moved to another school.' },
    );
    expect(ended.status, ended.text).toBe(200);
    expect(ended.body.followUpQuestionnaireId).not.toBeNull();
    const res = await smhl.post(`${school()}/interventions/${id}/allocations`, {
      placeId: d.waiting[0]!.placeId,
      startOn: today(),
      reason: '',
    });
    expect(res.status, res.text).toBe(200);
  });

  it('prints the letter home without case detail, and records that parents were told', async () => {
    const d = (await detail(smhl, id)).body;
    const p = d.inPlaces[0]!;
    const pdf = await elsa.get(`${school()}/interventions/${id}/places/${p.placeId}/letter.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    expect(pdf.text).not.toContain('Worries are stopping');
    expect((await smhl.post(`${school()}/interventions/${id}/places/${p.placeId}/parents-told`, {})).status).toBe(200);
    const after = (await detail(smhl, id)).body;
    expect(after.inPlaces.find((x) => x.placeId === p.placeId)!.parentsToldAt).not.toBeNull();
  });
});

describe('moving a pupil on the waiting list', () => {
  let id: string;
  beforeAll(async () => {
    id = await addIntervention({ name: 'Calm club', places: 1 });
    for (const k of kids.slice(3, 6)) {
      env.clock.advance(60_000);
      await request(smhl, id, k.id);
    }
  });

  it('refuses a move made on a list that changed meanwhile, and audits a move made on the current one', async () => {
    const d = (await detail(smhl, id)).body;
    const last = d.waiting[2]!.placeId;
    const stale = await smhl.post(`${school()}/interventions/${id}/waiting-list/moves`, {
      placeId: last,
      toPosition: 1,
      reason: 'Parent asked urgently.',
      expectedOrder: [...d.waitingOrder].reverse(),
    });
    expect(stale.status).toBe(409);
    const ok = await smhl.post(`${school()}/interventions/${id}/waiting-list/moves`, {
      placeId: last,
      toPosition: 1,
      reason: 'Parent asked urgently.',
      expectedOrder: d.waitingOrder,
    });
    expect(ok.status, ok.text).toBe(200);
    const after = (await detail(smhl, id)).body;
    expect(after.waiting[0]!.placeId).toBe(last);
    expect(after.waiting[0]!.movedReason).toBe('Parent asked urgently.');
    const audited = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'intervention.waiting_list_reordered'), eq(auditEvents.subjectId, id)));
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited[0]!.detail)).not.toContain('Parent asked');
  });

  it('refuses a move by anyone but the lead', async () => {
    const d = (await detail(elsa, id)).body;
    const res = await elsa.post(`${school()}/interventions/${id}/waiting-list/moves`, {
      placeId: d.waiting[1]!.placeId,
      toPosition: 1,
      reason: 'x',
      expectedOrder: d.waitingOrder,
    });
    expect(res.status).toBe(403);
  });
});

describe('who may see an intervention and its list', () => {
  let id: string;
  let names: string[];
  beforeAll(async () => {
    id = (await smhl.get<InterventionList>(`${school()}/interventions`)).body.interventions.find(
      (i) => i.name === 'ELSA',
    )!.id;
    names = (await detail(smhl, id)).body.waiting.map((w) => w.name);
  });

  it.each<[Person, number]>([
    ['smhl', 200],
    ['intervention', 200],
    ['pastoral', 200],
    ['tutor', 404],
    ['support', 404],
    ['otherHead', 404],
    ['otherTeacher', 404],
    ['parent', 403],
    ['pupil', 403],
  ])('%s gets %i for the ELSA group, and names only with 200', async (person, status) => {
    const res = await detail(await env.as(person), id);
    expect(res.status).toBe(status);
    for (const n of names) {
      if (status !== 200) expect(res.text).not.toContain(n);
    }
  });

  it('shows any staff the catalogue without a pupil named', async () => {
    const tutor = await env.as('tutor');
    const res = await tutor.get<InterventionList>(`${school()}/interventions`);
    expect(res.status).toBe(200);
    const elsaRow = res.body.interventions.find((i) => i.name === 'ELSA')!;
    expect(elsaRow).toMatchObject({ inCount: 3, waitingCount: 3, canOpen: false });
    for (const n of names) expect(res.text).not.toContain(n);
    expect(res.body.staffChoices).toEqual([]);
  });

  it('audits every read of the waiting list', async () => {
    const rows = await env.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'intervention.viewed'), eq(auditEvents.subjectId, id)));
    expect(rows.length).toBeGreaterThanOrEqual(3);
  });

  it('lets a tutor neither ask for a place nor record a session on a group they do not run', async () => {
    const tutor = await env.as('tutor');
    expect((await request(tutor, id, kids[0]!.id)).status).toBe(404);
    const s = await tutor.post(`${school()}/interventions/${id}/sessions`, {
      heldOn: today(),
      cancelled: true,
      note: '',
      attendance: [],
      submissionKey: randomUUID(),
    });
    expect(s.status).toBe(404);
  });
});

describe('bad input changes nothing', () => {
  it('refuses an intervention with no places, an unknown measure or staff of another school', async () => {
    const before = (await smhl.get<InterventionList>(`${school()}/interventions`)).body.interventions.length;
    for (const over of [
      { places: 0 },
      { measureKey: 'sdq' },
      { staffUserIds: [env.world.userId('otherTeacher')] },
      { sessionDay: 'sunday' },
    ]) {
      const res = await smhl.post<{ error: { fields: { path: string }[] } }>(
        `${school()}/interventions`,
        interventionBody(over),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.fields.length).toBeGreaterThan(0);
    }
    expect((await smhl.get<InterventionList>(`${school()}/interventions`)).body.interventions.length).toBe(before);
  });

  it('refuses a change made from an old version', async () => {
    const id = await addIntervention({ name: 'Old version' });
    const first = await smhl.put(`${school()}/interventions/${id}`, {
      ...interventionBody({ name: 'New name' }),
      version: 1,
    });
    expect(first.status, first.text).toBe(200);
    const stale = await smhl.put(`${school()}/interventions/${id}`, {
      ...interventionBody({ name: 'Other' }),
      version: 1,
    });
    expect(stale.status).toBe(409);
  });
});

describe('the lead’s outcomes and the pupil’s places', () => {
  it('gives the lead a row per intervention and the school, with improvement shares from the demo pairs', async () => {
    const res = await smhl.get<OutcomesReport>(`${school()}/intervention-outcomes`);
    expect(res.status).toBe(200);
    const counselling = res.body.rows.find((r) => r.name === 'School counselling')!;
    expect(counselling).toMatchObject({ pairs: 2, reliableImprovement: 2 });
    const mhst = res.body.rows.find((r) => r.name === 'Mental Health Support Team sessions')!;
    expect(mhst).toMatchObject({ pairs: 2, reliableImprovement: 0 });
    expect(res.body.school.waitingNow).toBeGreaterThanOrEqual(4);
    const elsaRow = res.body.rows.find((r) => r.name === 'ELSA')!;
    // Demo ELSA sessions: 5 attended, 1 missed.
    expect(elsaRow.attendanceRate).toBeCloseTo(5 / 6, 5);
    const csv = await smhl.get(`${school()}/intervention-outcomes.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toContain('Pupils served this year');
    expect((await (await env.as('tutor')).get(`${school()}/intervention-outcomes`)).status).toBe(403);
  });

  it('shows a case role the pupil’s position and expected start', async () => {
    const [waiting] = await env.deps.database.db
      .select()
      .from(interventionPlaces)
      .where(and(eq(interventionPlaces.schoolId, env.world.kingsmead), eq(interventionPlaces.status, 'waiting')))
      .limit(1);
    const res = await smhl.get<PupilPlaces>(`${school()}/pupils/${waiting!.pupilId}/interventions`);
    expect(res.status).toBe(200);
    const p = res.body.places.find((x) => x.placeId === waiting!.id)!;
    expect(p.position).toBeGreaterThanOrEqual(1);
    expect((await (await env.as('tutor')).get(`${school()}/pupils/${waiting!.pupilId}/interventions`)).status).toBe(
      403,
    );
  });
});

describe('the staff of a group and its pupils', () => {
  it('shows the ELSA the staff summary of a pupil in her group, never the case record', async () => {
    const list = (await smhl.get<InterventionList>(`${school()}/interventions`)).body;
    const elsaId = list.interventions.find((i) => i.name === 'ELSA')!.id;
    const inGroup = (await detail(smhl, elsaId)).body.inPlaces[0]!.pupilId;
    const res = await elsa.get<{ view: string }>(`${school()}/pupils/${inGroup}`);
    expect(res.status).toBe(200);
    expect(res.body.view).toBe('summary');
    expect((await elsa.get(`${school()}/pupils/${inGroup}/chronology`)).status).toBe(403);
  });
});

describe('the intervention’s page shows each finished pupil’s before and after', () => {
  it('gives the change and its outcome for the demo counselling pairs', async () => {
    const list = (await smhl.get<InterventionList>(`${school()}/interventions`)).body;
    const id = list.interventions.find((i) => i.name === 'School counselling')!.id;
    const past = (await detail(smhl, id)).body.past;
    const outcomes = past.flatMap((p) => (p.changes ?? []).filter((c) => c.id === 'total'));
    expect(outcomes.map((c) => [c.before, c.after, c.outcome, c.recovered]).sort()).toEqual(
      [
        [16, 8, 'reliable_improvement', true],
        [20, 13, 'reliable_improvement', false],
      ].sort(),
    );
  });
});
