/**
 * Provision's part of a pupil's records (subject access, transfer, retention): reduced timetables
 * with their reviews, education elsewhere, visit schedules and visits, all wellbeing records; and
 * destruction of exactly this pupil's rows (reviews first) with the audit trail still verifying.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import {
  alternativeProvisions,
  reducedTimetables,
  timetableReviews,
  visitSchedules,
  welfareVisits,
} from '@tandem/core/schema';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { sealAuditTrail } from '../audit/audit.sealer';
import { verifyAuditChain } from '../audit/audit.service';
import { provisionRecords } from './provision.records';

let env: TestEnv;
let pupilId: string;

const db = () => env.deps.database.db;
const api = () => `/api/schools/${env.world.kingsmead}`;
const query = (includeRestricted: boolean) => ({ schoolId: env.world.kingsmead, pupilId, includeRestricted });
const today = () => env.clock.now().toISOString().slice(0, 10);

async function othersRows() {
  const count = async (
    t: typeof reducedTimetables | typeof alternativeProvisions | typeof visitSchedules | typeof welfareVisits,
  ) =>
    (
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(t)
        .where(ne(t.pupilId, pupilId))
    )[0]!.n;
  const [reviews] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(timetableReviews)
    .innerJoin(reducedTimetables, eq(reducedTimetables.id, timetableReviews.timetableId))
    .where(ne(reducedTimetables.pupilId, pupilId));
  return {
    timetables: await count(reducedTimetables),
    reviews: reviews!.n,
    elsewhere: await count(alternativeProvisions),
    schedules: await count(visitSchedules),
    visits: await count(welfareVisits),
  };
}

beforeAll(async () => {
  env = await createTestEnv();
  // The demo's pupil on a reduced timetable whose first review was held.
  const [reviewed] = await db()
    .select({ pupilId: reducedTimetables.pupilId })
    .from(timetableReviews)
    .innerJoin(reducedTimetables, eq(reducedTimetables.id, timetableReviews.timetableId))
    .where(and(eq(reducedTimetables.schoolId, env.world.kingsmead), isNotNull(timetableReviews.heldOn)))
    .limit(1);
  pupilId = reviewed!.pupilId;
  const dsl = await env.as('dsl');
  const schedule = await dsl.post(`${api()}/pupils/${pupilId}/visit-schedules`, { everyDays: 14, startOn: today() });
  expect(schedule.status, schedule.text).toBe(201);
  const visit = await dsl.post(`${api()}/pupils/${pupilId}/visits`, {
    kind: 'home_visit',
    at: env.clock.now().toISOString(),
    seen: true,
    howSeemed: 'Tired but chatty about football. Marker vis-8',
  });
  expect(visit.status, visit.text).toBe(201);
});
afterAll(() => env.close());

describe("provision's part of a pupil's records", () => {
  it('gives the timetable, its reviews, the schedule and the visit in plain words, as wellbeing records', async () => {
    const items = await provisionRecords.records(db(), query(false));
    const kinds = new Set(items.map((i) => i.kind));
    for (const k of ['reduced-timetable', 'timetable-review', 'visit-schedule', 'welfare-visit']) {
      expect(kinds.has(k), k).toBe(true);
    }
    for (const i of items) {
      expect(i).toMatchObject({ recordClass: 'wellbeing', restricted: false, suggested: { decision: 'disclose' } });
      expect(new Date(i.at).toISOString()).toBe(i.at);
      expect(i.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
    const timetable = items.find((i) => i.kind === 'reduced-timetable');
    expect(timetable?.body).toContain('Why: ');
    expect(timetable?.body).toContain('Agreed by');
    const visit = items.find((i) => i.kind === 'welfare-visit' && i.body.includes('vis-8'));
    expect(visit?.body).toContain('Chris Okafor');
    expect(visit?.body).toContain('seen or spoken to');
    expect(await provisionRecords.records(db(), query(true))).toEqual(items);
  });

  it('destroys exactly this pupil’s provision rows, and the audit trail still verifies', async () => {
    const others = await othersRows();
    const held = await provisionRecords.records(db(), query(true));
    const heldOf = (kind: string) => held.filter((i) => i.kind === kind).length;
    for (const recordClass of ['child-protection', 'sen'] as const) {
      expect(await provisionRecords.destroy(db(), { schoolId: env.world.kingsmead, pupilId, recordClass })).toEqual([]);
    }
    const gone = await db().transaction((tx) =>
      provisionRecords.destroy(tx, { schoolId: env.world.kingsmead, pupilId, recordClass: 'wellbeing' }),
    );
    expect(Object.fromEntries(gone.map((g) => [g.kind, g.count]))).toEqual({
      'reduced-timetable': heldOf('reduced-timetable'),
      'timetable-review': heldOf('timetable-review'),
      'alternative-provision': heldOf('alternative-provision'),
      'visit-schedule': heldOf('visit-schedule'),
      'welfare-visit': heldOf('welfare-visit'),
    });
    expect(await provisionRecords.records(db(), query(true))).toEqual([]);
    expect(await othersRows()).toEqual(others);

    while (await sealAuditTrail(db())) {
      // batch after batch
    }
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });
});
