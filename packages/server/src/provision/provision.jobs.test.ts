/**
 * Reduced timetables and visits with time: the lead is reminded once before a review and once
 * before the end date; a timetable past its end is flagged once to the lead, the DSL team and the
 * head; a missed visit once to the schedule's lead and the DSL team. E-mails never name the pupil.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { alerts, pupils, reducedTimetables, visitSchedules } from '@tandem/core/schema';
import { addDaysToDay, londonToday, type AlertKind, type MyWork } from '@tandem/core';
import { createTestEnv, PEOPLE, type TestClient, type TestEnv } from '../../test/harness';
import { runDueJobs } from '../platform/jobs';

let env: TestEnv;
let smhl: TestClient;
let dsl: TestClient;
let pupilId: string;
let pupilNames: string[];

const DAY = 86_400_000;
const api = () => `/api/schools/${env.world.kingsmead}`;
const today = () => londonToday(env.clock.now());
const day = (n: number) => addDaysToDay(today(), n);

const alertsOf = async (kind: AlertKind, person: keyof typeof PEOPLE) =>
  (
    await env.deps.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.kind, kind), eq(alerts.userId, env.world.userId(person))))
  ).length;

function mailsTo(person: keyof typeof PEOPLE) {
  return env.smtp.messages.filter((m) => m.to.includes(PEOPLE[person]));
}

beforeAll(async () => {
  env = await createTestEnv();
  // The demo's own timetables and visits fall due too: these stories follow only their own.
  await env.deps.database.db
    .update(reducedTimetables)
    .set({ status: 'ended', endedOn: today(), ending: 'other' })
    .where(eq(reducedTimetables.status, 'active'));
  await env.deps.database.db.update(visitSchedules).set({ endedOn: today() }).where(isNull(visitSchedules.endedOn));
  smhl = await env.as('smhl');
  dsl = await env.as('dsl');
  const [p] = await env.deps.database.db
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, env.world.kingsmead), eq(pupils.form, '8K'), isNull(pupils.currentLevel)));
  pupilId = p!.id;
  pupilNames = [p!.givenName, p!.familyName];
  const made = await smhl.post(`${api()}/pupils/${pupilId}/timetables`, {
    reason: 'Anxiety after a bereavement',
    hours: 'Mornings only',
    sessionsPerWeek: 5,
    startOn: day(0),
    endOn: day(14),
    returnPlan: 'One more afternoon a week',
    parentsAgreedBy: 'Father',
    parentsAgreedOn: day(0),
    parentsAgreedHow: 'phone',
    reviewDates: [day(7)],
  });
  expect(made.status, made.text).toBe(201);
  const sched = await dsl.post(`${api()}/pupils/${pupilId}/visit-schedules`, { everyDays: 7, startOn: day(0) });
  expect(sched.status, sched.text).toBe(201);
});
afterAll(() => env.close());

describe('reminders and flags', () => {
  it('reminds nobody while nothing is near', async () => {
    await runDueJobs(env.deps);
    expect(await alertsOf('timetable_review_due', 'smhl')).toBe(0);
  });

  it('reminds the lead once, three days before the review, with a content-free e-mail', async () => {
    env.clock.advance(4 * DAY);
    await runDueJobs(env.deps);
    await runDueJobs(env.deps);
    expect(await alertsOf('timetable_review_due', 'smhl')).toBe(1);
    const mail = await env.smtp.messagesTo(PEOPLE.smhl, 1);
    const reviewMail = mail.find((m) => /review is due/.test(m.subject));
    expect(reviewMail).toBeDefined();
    for (const name of pupilNames) expect(reviewMail!.text).not.toContain(name);
    expect(reviewMail!.text).not.toContain('bereavement');
    // And on the lead's home page, with the visit that falls due the same week.
    smhl = await env.as('smhl');
    const work = (await smhl.get<MyWork>(`${api()}/my-work`)).body.provisionDue.filter((p) => p.pupil.id === pupilId);
    expect(work).toContainEqual({
      kind: 'timetable_review',
      pupil: { id: pupilId, name: expect.any(String) },
      dueOn: day(3),
      overdue: false,
    });
    const tutor = await env.as('tutor');
    expect((await tutor.get<MyWork>(`${api()}/my-work`)).body.provisionDue).toEqual([]);
  });

  it('flags a missed visit once to the schedule’s lead and the DSL team', async () => {
    // Due seven days after the start; missed from the eighth.
    env.clock.advance(4 * DAY);
    await runDueJobs(env.deps);
    await runDueJobs(env.deps);
    expect(await alertsOf('visit_missed', 'dsl')).toBe(1);
    expect(await alertsOf('visit_missed', 'deputyDsl')).toBe(1);
    expect(await alertsOf('visit_missed', 'head')).toBe(0);
    for (const m of mailsTo('dsl')) for (const name of pupilNames) expect(m.text).not.toContain(name);
  });

  it('flags again only for the next due day after a visit', async () => {
    // The clock has moved past the session's life: sign in again.
    dsl = await env.as('dsl');
    const visit = await dsl.post(`${api()}/pupils/${pupilId}/visits`, {
      kind: 'phone_call',
      at: env.clock.now().toISOString(),
      seen: false,
      howSeemed: 'Spoke to mum; pupil asleep',
    });
    expect(visit.status, visit.text).toBe(201);
    await runDueJobs(env.deps);
    expect(await alertsOf('visit_missed', 'dsl')).toBe(1);
    // Three days before the end: the lead is reminded of it, and the visit is not yet due.
    env.clock.advance(4 * DAY);
    await runDueJobs(env.deps);
    await runDueJobs(env.deps);
    expect(await alertsOf('visit_missed', 'dsl')).toBe(1);
    env.clock.advance(4 * DAY);
    await runDueJobs(env.deps);
    expect(await alertsOf('visit_missed', 'dsl')).toBe(2);
  });

  it('reminded the lead once before the end, and flags the overdue timetable once to lead, DSL team and head', async () => {
    // Now 16 days after the start: the end (day 14) has passed.
    expect(await alertsOf('timetable_end_due', 'smhl')).toBe(1);
    await runDueJobs(env.deps);
    expect(await alertsOf('timetable_overdue', 'smhl')).toBe(1);
    expect(await alertsOf('timetable_overdue', 'dsl')).toBe(1);
    expect(await alertsOf('timetable_overdue', 'head')).toBe(1);
    expect(await alertsOf('timetable_overdue', 'tutor')).toBe(0);
  });
});
