/**
 * The demo's reduced timetables, education elsewhere and visits, at Kingsmead. From the pupils at
 * MH3 or above (highest level first, then by UPN), skipping any with a pupil account:
 *  - the first is in the third week of a reduced timetable (mornings), its first review held and
 *    the next due in two days, the local authority told;
 *  - the second is on one that ended three days ago and is still running (shown as past its end);
 *  - the third is taught at a hospital school, with fortnightly visits from the DSL: one recorded
 *    twenty days ago, so the next is overdue;
 *  - the fourth learns online (virtual learning) three days a week.
 * Inserted in the demo transaction, not audited.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { addDaysToDay, londonToday } from '@tandem/core';
import {
  alternativeProvisions,
  pupils,
  reducedTimetables,
  timetableReviews,
  visitSchedules,
  welfareVisits,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

const SMHL = 'sam.patel@kingsmead.example';
const DSL = 'chris.okafor@kingsmead.example';

export async function seedDemoProvision(
  tx: DbOrTx,
  o: { schoolIds: Map<string, string>; userIds: Map<string, string>; now: Date },
): Promise<void> {
  const schoolId = o.schoolIds.get('kingsmead');
  const smhl = o.userIds.get(SMHL);
  const dsl = o.userIds.get(DSL);
  if (!schoolId || !smhl || !dsl) throw new Error('demo provision: Kingsmead, its SMHL or DSL missing');
  const chosen = await tx
    .select({ id: pupils.id, givenName: pupils.givenName })
    .from(pupils)
    .where(
      and(eq(pupils.schoolId, schoolId), inArray(pupils.currentLevel, ['MH3', 'MH4', 'MH5']), isNull(pupils.userId)),
    )
    .orderBy(desc(pupils.currentLevel), asc(pupils.upn))
    .limit(4);
  const [first, second, third, fourth] = chosen;
  if (!first || !second || !third || !fourth) throw new Error('demo provision: fewer than four pupils at MH3 or above');
  const today = londonToday(o.now);
  const day = (n: number) => addDaysToDay(today, n);
  const at = (n: number, hour = 10) => new Date(`${day(n)}T${String(hour).padStart(2, '0')}:30:00Z`);
  const common = {
    schoolId,
    leadUserId: smhl,
    status: 'active' as const,
    createdBy: smhl,
  };

  // In its third week, a review this week.
  const start1 = day(-16);
  const [t1] = await tx
    .insert(reducedTimetables)
    .values({
      ...common,
      pupilId: first.id,
      reason: `${first.givenName} has had panic attacks on arrival since half term and is waiting for a CAMHS assessment.`,
      hours: 'Mornings, 8:45 to 12:15',
      sessionsPerWeek: 5,
      startOn: start1,
      endOn: addDaysToDay(start1, 42),
      returnPlan: 'Add Tuesday and Thursday afternoons after the second review, then full days from the fifth week.',
      parentsAgreedBy: 'Mother, at a meeting with the SMHL',
      parentsAgreedOn: day(-18),
      parentsAgreedHow: 'meeting',
      laToldOn: day(-15),
      laToldBy: 'Sam Patel',
      createdAt: at(-18),
      updatedAt: at(-2),
      revision: 2,
    })
    .returning({ id: reducedTimetables.id });
  await tx.insert(timetableReviews).values([
    {
      schoolId,
      timetableId: t1!.id,
      dueOn: day(-2),
      heldOn: day(-2),
      heldBy: smhl,
      outcome: 'Settling well in the mornings. Keep to mornings for one more week.',
      remindedAt: at(-5),
    },
    { schoolId, timetableId: t1!.id, dueOn: day(2) },
    { schoolId, timetableId: t1!.id, dueOn: addDaysToDay(start1, 42) },
  ]);

  // Past its end date, still running.
  const start2 = day(-45);
  const [t2] = await tx
    .insert(reducedTimetables)
    .values({
      ...common,
      pupilId: second.id,
      reason: `${second.givenName} finds full days overwhelming after a bereavement; the school nurse is involved.`,
      hours: 'Mornings, plus Wednesday afternoons',
      sessionsPerWeek: 6,
      startOn: start2,
      endOn: day(-3),
      returnPlan: 'One more afternoon each fortnight until full days.',
      parentsAgreedBy: 'Father, by phone',
      parentsAgreedOn: day(-46),
      parentsAgreedHow: 'phone',
      createdAt: at(-46),
      updatedAt: at(-17),
      revision: 3,
    })
    .returning({ id: reducedTimetables.id });
  await tx.insert(timetableReviews).values([
    {
      schoolId,
      timetableId: t2!.id,
      dueOn: day(-31),
      heldOn: day(-31),
      heldBy: smhl,
      outcome: 'Added Wednesday afternoons.',
      remindedAt: at(-34),
    },
    {
      schoolId,
      timetableId: t2!.id,
      dueOn: day(-17),
      heldOn: day(-17),
      heldBy: smhl,
      outcome: 'Attendance steady. Plan the return to full days.',
      remindedAt: at(-20),
    },
  ]);

  // At a hospital school, visits every two weeks: one made, the next overdue.
  await tx.insert(alternativeProvisions).values([
    {
      schoolId,
      pupilId: third.id,
      kind: 'hospital_school',
      provider: 'Riverside Hospital School',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      contactName: 'Ms Joanna Reid, head of education',
      contactPhone: '01632 960 418',
      contactEmail: 'education@riverside-hospital.example',
      attendanceReporting: 'A weekly attendance e-mail to the school office every Friday.',
      schoolContact: 'A fortnightly visit or call from the DSL, and work sent home by the form tutor.',
      startOn: day(-30),
      createdBy: dsl,
      createdAt: at(-30),
      updatedAt: at(-30),
    },
    {
      schoolId,
      pupilId: fourth.id,
      kind: 'virtual_learning',
      provider: 'Oak Online Learning',
      days: ['mon', 'wed', 'fri'],
      contactName: 'Mr Daniel Hughes, tutor',
      contactEmail: 'tutors@oak-online.example',
      attendanceReporting: 'Log-in reports e-mailed to the attendance officer each week.',
      schoolContact: 'A weekly video call with the SENCo.',
      startOn: day(-10),
      createdBy: smhl,
      createdAt: at(-10),
      updatedAt: at(-10),
    },
  ]);
  await tx.insert(visitSchedules).values({
    schoolId,
    pupilId: third.id,
    everyDays: 14,
    leadUserId: dsl,
    startOn: day(-30),
    createdBy: dsl,
    createdAt: at(-30),
  });
  await tx.insert(welfareVisits).values({
    schoolId,
    pupilId: third.id,
    kind: 'visit_at_provision',
    at: at(-20, 14),
    byUserId: dsl,
    seen: true,
    howSeemed: `${third.givenName} was tired but chatty, and proud of a science project.`,
    recordedBy: dsl,
    createdAt: at(-20, 15),
  });
}
