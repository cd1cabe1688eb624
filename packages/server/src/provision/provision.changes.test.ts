/**
 * Changing a reduced timetable as the DSL: corrected with new review dates, extended past six weeks
 * with a reason, ended, after which the pupil may have a new one; a change against an old revision
 * is refused and changes nothing. Education elsewhere changed; visits stopped and scheduled again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { pupils, reducedTimetables } from '@tandem/core/schema';
import { addDaysToDay, londonToday, type PupilProvisionResponse } from '@tandem/core';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness';

let env: TestEnv;
let dsl: TestClient;
let pupilId: string;

const api = () => `/api/schools/${env.world.kingsmead}`;
const day = (n: number) => addDaysToDay(londonToday(env.clock.now()), n);
const read = async () => (await dsl.get<PupilProvisionResponse>(`${api()}/pupils/${pupilId}/provision`)).body;

function timetable(over: Record<string, unknown> = {}) {
  return {
    reason: 'Low mood; seeing the school counsellor',
    hours: 'Three full days',
    sessionsPerWeek: 6,
    startOn: day(0),
    endOn: day(21),
    returnPlan: 'Back to five days after the half term',
    parentsAgreedBy: 'Both parents',
    parentsAgreedOn: day(0),
    parentsAgreedHow: 'letter',
    laToldOn: day(0),
    laToldBy: 'Chris Okafor',
    reviewDates: [day(7), day(14)],
    ...over,
  };
}

beforeAll(async () => {
  env = await createTestEnv();
  dsl = await env.as('dsl');
  const [p] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '11W'), isNull(pupils.currentLevel)));
  pupilId = p!.id;
});
afterAll(() => env.close());

describe('changing a reduced timetable', () => {
  it('corrects it with new review dates, and refuses a stale change without changing anything', async () => {
    const made = await dsl.post<{ id: string; revision: number }>(`${api()}/pupils/${pupilId}/timetables`, timetable());
    expect(made.status, made.text).toBe(201);
    const changed = await dsl.put<{ revision: number }>(
      `${api()}/timetables/${made.body.id}`,
      timetable({ hours: 'Four full days', sessionsPerWeek: 8, reviewDates: [day(10)], revision: 1 }),
    );
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.revision).toBe(2);
    const stale = await dsl.put(`${api()}/timetables/${made.body.id}`, timetable({ hours: 'Mornings', revision: 1 }));
    expect(stale.status).toBe(409);
    const now = (await read()).active!;
    expect(now.hours).toBe('Four full days');
    expect(now.reviews.map((r) => r.dueOn)).toEqual([day(10)]);
  });

  it('extends past six weeks only with a reason', async () => {
    const t = (await read()).active!;
    const noReason = await dsl.post(`${api()}/timetables/${t.id}/extend`, { revision: t.revision, endOn: day(50) });
    expect(noReason.status).toBe(400);
    const ok = await dsl.post(`${api()}/timetables/${t.id}/extend`, {
      revision: t.revision,
      endOn: day(50),
      longerReason: 'Counselling runs to the end of term',
    });
    expect(ok.status, ok.text).toBe(200);
    expect((await read()).active).toMatchObject({
      endOn: day(50),
      longerReason: 'Counselling runs to the end of term',
    });
  });

  it('ends it; the pupil may then have a new one', async () => {
    const t = (await read()).active!;
    const ended = await dsl.post(`${api()}/timetables/${t.id}/end`, {
      revision: t.revision,
      endedOn: day(0),
      ending: 'full_time',
      endingNote: 'Back to full days',
    });
    expect(ended.status, ended.text).toBe(200);
    const after = await read();
    expect(after.active).toBeNull();
    expect(after.past[0]).toMatchObject({ ending: 'full_time', endedOn: day(0) });
    const again = await dsl.post(`${api()}/timetables/${t.id}/end`, {
      revision: t.revision + 1,
      endedOn: day(0),
      ending: 'other',
    });
    expect(again.status).toBe(409);
    expect((await dsl.post(`${api()}/pupils/${pupilId}/timetables`, timetable())).status).toBe(201);
    const rows = await env.deps.database.db
      .select()
      .from(reducedTimetables)
      .where(eq(reducedTimetables.pupilId, pupilId));
    expect(rows.map((r) => r.status).sort()).toEqual(['active', 'ended']);
  });
});

describe('education elsewhere and visits', () => {
  it('changes education elsewhere against its revision', async () => {
    const body = {
      kind: 'alternative_provision',
      provider: 'The Bridge Centre',
      days: ['thu', 'fri'],
      contactName: 'Mr Cole',
      attendanceReporting: 'Daily register by e-mail',
      schoolContact: 'Weekly call',
      startOn: day(0),
    };
    const made = await dsl.post<{ id: string }>(`${api()}/pupils/${pupilId}/education-elsewhere`, body);
    expect(made.status, made.text).toBe(201);
    const changed = await dsl.put(`${api()}/education-elsewhere/${made.body.id}`, {
      ...body,
      days: ['fri'],
      revision: 1,
    });
    expect(changed.status, changed.text).toBe(200);
    expect((await dsl.put(`${api()}/education-elsewhere/${made.body.id}`, { ...body, revision: 1 })).status).toBe(409);
    expect((await read()).provisions[0]?.days).toEqual(['fri']);
  });

  it('stops visits and schedules them again at a new frequency', async () => {
    const first = await dsl.post<{ id: string }>(`${api()}/pupils/${pupilId}/visit-schedules`, {
      everyDays: 7,
      startOn: day(0),
    });
    expect(first.status).toBe(201);
    expect((await dsl.post(`${api()}/visit-schedules/${first.body.id}/end`)).status).toBe(200);
    expect((await read()).schedule).toBeNull();
    const second = await dsl.post(`${api()}/pupils/${pupilId}/visit-schedules`, { everyDays: 28, startOn: day(0) });
    expect(second.status).toBe(201);
    expect((await read()).schedule).toMatchObject({ everyDays: 28, nextDueOn: day(28) });
  });
});
