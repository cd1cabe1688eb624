/**
 * The demo's missing list at Kingsmead, loaded after the demo's attendance: the pupils at MH4 are
 * on it by their level; the DSL has added one pupil at MH3 with a reason; at the latest register
 * one listed pupil is absent without a reason (the urgent alert waits for the DSL, in the DSL's
 * alerts); and an absence last week was followed up (parents phoned, reason found).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { addDaysToDay, londonToday } from '@tandem/core';
import { alerts, attendanceMarks, missingAlerts, missingListChanges, pupils } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

const DSL = 'chris.okafor@kingsmead.example';
const DEPUTY = 'lucy.evans@kingsmead.example';

/** The latest weekday on or before the day. */
function schoolDayOnOrBefore(day: string): string {
  let d = day;
  for (;;) {
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return d;
    d = addDaysToDay(d, -1);
  }
}

export async function seedDemoMissing(
  tx: DbOrTx,
  o: { schoolIds: Map<string, string>; userIds: Map<string, string>; now: Date },
): Promise<void> {
  const schoolId = o.schoolIds.get('kingsmead');
  const dsl = o.userIds.get(DSL);
  const deputy = o.userIds.get(DEPUTY);
  if (schoolId === undefined || dsl === undefined || deputy === undefined) return;
  const onRoll = and(eq(pupils.schoolId, schoolId), isNull(pupils.leftOn));
  const atMh4 = await tx
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(onRoll, eq(pupils.currentLevel, 'MH4')))
    .orderBy(asc(pupils.upn));
  const [added] = await tx
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(onRoll, eq(pupils.currentLevel, 'MH3')))
    .orderBy(asc(pupils.upn))
    .limit(1);
  const absent = atMh4[0];
  const followedUp = atMh4[1] ?? atMh4[0];
  if (absent === undefined || followedUp === undefined) return;

  if (added !== undefined) {
    await tx.insert(missingListChanges).values({
      schoolId,
      pupilId: added.id,
      action: 'added',
      reason: 'Went missing from home overnight in October; police asked us to tell them of any unexplained absence.',
      byUserId: dsl,
      at: new Date(o.now.getTime() - 30 * 86_400_000),
    });
  }

  const today = schoolDayOnOrBefore(londonToday(o.now));
  const lastWeek = schoolDayOnOrBefore(addDaysToDay(today, -7));
  const mark = async (pupilId: string, day: string, code: string) => {
    await tx
      .insert(attendanceMarks)
      .values({ schoolId, pupilId, on: day, session: 'am', code, updatedAt: o.now })
      .onConflictDoUpdate({
        target: [attendanceMarks.schoolId, attendanceMarks.pupilId, attendanceMarks.on, attendanceMarks.session],
        set: { code },
      });
  };
  await mark(followedUp.id, lastWeek, 'N');
  await tx.insert(missingAlerts).values({
    schoolId,
    pupilId: followedUp.id,
    on: lastWeek,
    session: 'am',
    code: 'N',
    raisedAt: new Date(`${lastWeek}T08:55:00Z`),
    alerted: [dsl],
    actionTaken: 'reason_found',
    actionNote: 'Phoned dad at 9:10: at the GP with a chest infection; back tomorrow. Dad will ring in next time.',
    actionBy: dsl,
    actionAt: new Date(`${lastWeek}T09:20:00Z`),
  });

  await mark(absent.id, today, 'N');
  const raisedAt = new Date(Math.min(o.now.getTime(), new Date(`${today}T08:55:00Z`).getTime()));
  await tx.insert(missingAlerts).values({
    schoolId,
    pupilId: absent.id,
    on: today,
    session: 'am',
    code: 'N',
    raisedAt,
    alerted: [dsl, deputy],
  });
  // The in-app alert (content-free, as the real one) for the DSL team.
  await tx.insert(alerts).values(
    [dsl, deputy].map((userId) => ({
      schoolId,
      userId,
      kind: 'missing_pupil_absent' as const,
      concernId: null,
      message:
        'URGENT: a pupil on the missing list is absent without a reason. Open the missing list and record what you did.',
      createdAt: raisedAt,
    })),
  );
}
