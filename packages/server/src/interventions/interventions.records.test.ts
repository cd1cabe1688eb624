/**
 * Interventions' part of a pupil's records (subject access, transfer, retention): places, session
 * attendance and questionnaires in plain words; an answer to a risk item that opened the urgent
 * route is child-protection content, never loaded unless the restricted record is asked for;
 * destruction takes only this pupil's part (the intervention and its sessions stay for the others)
 * and the audit trail still verifies.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { InterventionDetail, InterventionList } from '@tandem/core';
import {
  interventionAttendance,
  interventionPlaces,
  interventionSessions,
  interventions,
  pupils,
  questionnaires,
} from '@tandem/core/schema';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';
import { sealAuditTrail } from '../audit/audit.sealer';
import { verifyAuditChain } from '../audit/audit.service';
import { interventionRecords } from './interventions.records';

const RISK_TEXT = 'better off dead';

let env: TestEnv;
let smhl: TestClient;
let elsa: TestClient;
let counsellingId: string;
let nextPupil = 0;
let a: { pupilId: string; placeId: string; questionnaireId: string };
let b: { pupilId: string; placeId: string; questionnaireId: string };
let sessionId: string;

const db = () => env.deps.database.db;
const school = () => `/api/schools/${env.world.kingsmead}`;
const today = () => env.clock.now().toISOString().slice(0, 10);
const query = (pupilId: string, includeRestricted: boolean) => ({
  schoolId: env.world.kingsmead,
  pupilId,
  includeRestricted,
});
const destroy = (pupilId: string, recordClass: 'child-protection' | 'wellbeing') =>
  db().transaction((tx) => interventionRecords.destroy(tx, { schoolId: env.world.kingsmead, pupilId, recordClass }));
const countsOf = (xs: { kind: string; count: number }[]) => Object.fromEntries(xs.map((x) => [x.kind, x.count]));

/** A Year 11 pupil given a place on school counselling (PHQ-A) through the API. */
async function placed() {
  const [pupil] = await db()
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.yearGroup, 11), isNull(pupils.leftOn)))
    .orderBy(pupils.upn)
    .offset(nextPupil++)
    .limit(1);
  const asked = await smhl.post(`${school()}/interventions/${counsellingId}/requests`, {
    pupilId: pupil!.id,
    reason: 'Low mood since the autumn.',
    submissionKey: randomUUID(),
  });
  expect(asked.status, asked.text).toBe(201);
  const d = (await smhl.get<InterventionDetail>(`${school()}/interventions/${counsellingId}`)).body;
  const p = d.waiting.find((w) => w.pupilId === pupil!.id)!;
  const given = await smhl.post<{ baselineQuestionnaireId: string }>(
    `${school()}/interventions/${counsellingId}/allocations`,
    { placeId: p.placeId, startOn: today(), reason: p.position === 1 ? '' : 'Needs it first.' },
  );
  expect(given.status, given.text).toBe(200);
  return { pupilId: pupil!.id, placeId: p.placeId, questionnaireId: given.body.baselineQuestionnaireId };
}

async function answerAndComplete(id: string, q9: number) {
  const answers = { q1: 1, q2: 1, q3: 0, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0, q9 };
  for (const [item, value] of Object.entries(answers)) {
    const res = await elsa.put(`${school()}/questionnaires/${id}/answers/${item}`, { value });
    expect(res.status, res.text).toBe(200);
  }
  const done = await elsa.post(`${school()}/questionnaires/${id}/complete`, {});
  expect(done.status, done.text).toBe(200);
}

async function othersRows(pupilIds: string[]) {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
  const count = sql<number>`count(*)::int`;
  return {
    places: await n(
      db()
        .select({ n: count })
        .from(interventionPlaces)
        .where(sql`${interventionPlaces.pupilId} not in ${pupilIds}`),
    ),
    questionnaires: await n(
      db()
        .select({ n: count })
        .from(questionnaires)
        .where(sql`${questionnaires.pupilId} not in ${pupilIds}`),
    ),
    attendance: await n(
      db()
        .select({ n: count })
        .from(interventionAttendance)
        .innerJoin(interventionPlaces, eq(interventionPlaces.id, interventionAttendance.placeId))
        .where(sql`${interventionPlaces.pupilId} not in ${pupilIds}`),
    ),
    sessions: await n(db().select({ n: count }).from(interventionSessions)),
    interventions: await n(db().select({ n: count }).from(interventions)),
  };
}

beforeAll(async () => {
  env = await createTestEnv();
  smhl = await env.as('smhl');
  elsa = await env.as('intervention');
  counsellingId = (await smhl.get<InterventionList>(`${school()}/interventions`)).body.interventions.find(
    (i) => i.name === 'School counselling',
  )!.id;
  a = await placed();
  b = await placed();
  await answerAndComplete(a.questionnaireId, 1);
  await answerAndComplete(b.questionnaireId, 0);
  const held = await elsa.post<{ id: string }>(`${school()}/interventions/${counsellingId}/sessions`, {
    heldOn: today(),
    cancelled: false,
    note: 'Worked on breathing. Marker ses-5',
    attendance: [
      { placeId: a.placeId, attendance: 'attended' },
      { placeId: b.placeId, attendance: 'not_attended' },
    ],
    submissionKey: randomUUID(),
  });
  expect(held.status, held.text).toBe(201);
  const [s] = await db()
    .select()
    .from(interventionSessions)
    .where(eq(interventionSessions.interventionId, counsellingId))
    .orderBy(sql`${interventionSessions.recordedAt} desc`)
    .limit(1);
  sessionId = s!.id;
});
afterAll(() => env.close());

describe("interventions' part of a pupil's records", () => {
  it('gives the place, the session and the questionnaire in plain words, without the risk answer', async () => {
    const items = await interventionRecords.records(db(), query(a.pupilId, false));
    expect(items.some((i) => i.restricted || i.recordClass !== 'wellbeing')).toBe(false);
    expect(JSON.stringify(items)).not.toContain(RISK_TEXT);
    const place = items.find((i) => i.id === a.placeId);
    expect(place).toMatchObject({ kind: 'place', suggested: { decision: 'disclose' } });
    expect(place?.title).toContain('School counselling');
    expect(place?.body).toContain('Low mood since the autumn.');
    expect(place?.body).toContain('Sam Patel');
    const session = items.find((i) => i.kind === 'session-attendance');
    expect(session?.id).toBe(`${sessionId}:${a.placeId}`);
    expect(session?.body).toMatch(/^Session attended on /);
    expect(session?.body).toContain('ses-5');
    const q = items.find((i) => i.id === a.questionnaireId && i.kind === 'questionnaire');
    expect(q?.body).toContain('PHQ-A');
    expect(q?.body).toMatch(/Scores:\n- .*: 4/);
    expect(q?.body).toContain('passed at once to the safeguarding team');
    for (const i of items) expect(new Date(i.at).toISOString()).toBe(i.at);
  });

  it('gives the DSL team the risk answer as child-protection content, suggested withheld', async () => {
    const items = await interventionRecords.records(db(), query(a.pupilId, true));
    const risk = items.filter((i) => i.restricted);
    expect(risk).toHaveLength(1);
    expect(risk[0]).toMatchObject({
      kind: 'questionnaire-risk-answer',
      id: a.questionnaireId,
      recordClass: 'child-protection',
      suggested: { decision: 'withhold' },
    });
    expect(risk[0]!.body).toContain(RISK_TEXT);
    // A pupil who answered no risk item has nothing in the restricted record.
    const other = await interventionRecords.records(db(), query(b.pupilId, true));
    expect(other.some((i) => i.restricted)).toBe(false);
  });

  it('destroys only this pupil’s part (child protection, then wellbeing), and the audit trail still verifies', async () => {
    const others = await othersRows([a.pupilId]);
    const held = await interventionRecords.records(db(), query(a.pupilId, true));
    const heldOf = (kind: string) => held.filter((i) => i.kind === kind).length;
    expect(countsOf(await destroy(a.pupilId, 'child-protection'))).toEqual({ 'questionnaire-risk-answer': 1 });
    const left = await interventionRecords.records(db(), query(a.pupilId, true));
    expect(left.some((i) => i.restricted)).toBe(false);
    expect(left.some((i) => i.id === a.questionnaireId)).toBe(true);

    const gone = countsOf(await destroy(a.pupilId, 'wellbeing'));
    expect(gone).toEqual({
      place: heldOf('place'),
      'session-attendance': heldOf('session-attendance'),
      questionnaire: heldOf('questionnaire'),
    });
    expect(await interventionRecords.records(db(), query(a.pupilId, true))).toEqual([]);
    // The session and the other pupil's attendance at it stay.
    expect(await othersRows([a.pupilId])).toEqual(others);
    const bAttendance = await db()
      .select()
      .from(interventionAttendance)
      .where(
        and(eq(interventionAttendance.sessionId, sessionId), inArray(interventionAttendance.placeId, [b.placeId])),
      );
    expect(bAttendance).toHaveLength(1);

    while (await sealAuditTrail(db())) {
      // batch after batch
    }
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it('keeps the risk answer when the wellbeing record goes first, until the child-protection file goes', async () => {
    const c = await placed();
    await answerAndComplete(c.questionnaireId, 2);
    const others = await othersRows([c.pupilId]);
    const gone = countsOf(await destroy(c.pupilId, 'wellbeing'));
    expect(gone).toMatchObject({ place: 1, questionnaire: 1 });
    const left = await interventionRecords.records(db(), query(c.pupilId, true));
    expect(left.map((i) => [i.kind, i.recordClass])).toEqual([['questionnaire-risk-answer', 'child-protection']]);
    expect(await interventionRecords.records(db(), query(c.pupilId, false))).toEqual([]);
    expect(countsOf(await destroy(c.pupilId, 'child-protection'))).toEqual({ 'questionnaire-risk-answer': 1 });
    expect(await interventionRecords.records(db(), query(c.pupilId, true))).toEqual([]);
    expect(await db().select().from(questionnaires).where(eq(questionnaires.pupilId, c.pupilId))).toEqual([]);
    expect(await othersRows([c.pupilId])).toEqual(others);
    expect(
      await db()
        .select()
        .from(interventionPlaces)
        .where(and(eq(interventionPlaces.pupilId, c.pupilId), ne(interventionPlaces.status, 'withdrawn'))),
    ).toEqual([]);
  });
});
