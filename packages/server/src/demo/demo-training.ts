/**
 * The staff training record in the demo trust. At Kingsmead, everyone on the staff when the seed
 * runs has safeguarding level 1 on record (most in date, about one in six due for renewal within
 * 60 days, the tutor Ben Wright among them), and the courses their roles need:
 *  - the DSL's level 3 in date, the deputy DSL Lucy Evans's overdue (done 25 months ago);
 *  - the SMHL's Senior Mental Health Lead training and mental health awareness;
 *  - the first aider's Mental Health First Aid due within 60 days (done 35 months ago);
 *  - intervention staff's mental health awareness, and Grace Lee's ELSA training;
 *  - Prevent awareness for about a third of the staff;
 * and one entry awaiting confirmation: mental health awareness Ben Wright added himself.
 * Willow Brook: safeguarding level 1 for everyone and its DSL's level 3, all in date.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
  SCHOOL_STAFF_ROLES,
  TRAINING_DEFAULT_RENEWAL_MONTHS,
  addDaysTo,
  addMonths,
  londonToday,
  type SchoolStaffRole,
  type TrainingCourse,
} from '@tandem/core';
import { roleAssignments, trainingRecords } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

type NewRecord = typeof trainingRecords.$inferInsert;

const PROVIDERS: Record<Exclude<TrainingCourse, 'other'>, string> = {
  safeguarding_level_1: 'Riverbank Safeguarding Partnership (whole-staff INSET)',
  dsl_level_3: 'Riverbank Safeguarding Partnership',
  mental_health_awareness: 'County Mental Health Support Team',
  mental_health_first_aid: 'MHFA England instructor',
  elsa: 'County Educational Psychology Service',
  smhl_training: 'DfE-assured Senior Mental Health Lead course',
  prevent: 'Home Office Prevent e-learning',
};

async function staffWithRoles(tx: DbOrTx, schoolId: string) {
  const rows = await tx
    .select({ userId: roleAssignments.userId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.schoolId, schoolId),
        isNull(roleAssignments.revokedAt),
        inArray(roleAssignments.role, [...SCHOOL_STAFF_ROLES]),
      ),
    );
  const byUser = new Map<string, SchoolStaffRole[]>();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.role as SchoolStaffRole]);
  return [...byUser].sort(([a], [b]) => a.localeCompare(b));
}

export async function seedDemoTraining(
  tx: DbOrTx,
  o: { schoolIds: ReadonlyMap<string, string>; userIds: ReadonlyMap<string, string>; now: Date },
): Promise<void> {
  const today = londonToday(o.now);
  const user = (email: string) => {
    const id = o.userIds.get(email);
    if (!id) throw new Error(`demo user ${email} missing`);
    return id;
  };
  const at = (isoDay: string) => new Date(`${isoDay}T16:00:00Z`);
  const records: NewRecord[] = [];
  const add = (
    schoolId: string,
    by: string,
    userId: string,
    course: Exclude<TrainingCourse, 'other'>,
    completedOn: string,
    confirmed = true,
  ) => {
    const recordedAt = at(addDaysTo(completedOn, 2) > today ? completedOn : addDaysTo(completedOn, 2));
    records.push({
      schoolId,
      userId,
      course,
      completedOn,
      provider: PROVIDERS[course],
      renewalMonths: TRAINING_DEFAULT_RENEWAL_MONTHS[course],
      status: confirmed ? 'confirmed' : 'awaiting_confirmation',
      recordedBy: confirmed ? by : userId,
      recordedAt,
      confirmedBy: confirmed ? by : null,
      confirmedAt: confirmed ? recordedAt : null,
      updatedAt: recordedAt,
    });
  };
  const monthsAgo = (months: number, plusDays = 0) => addDaysTo(addMonths(today, -months), plusDays);

  // Kingsmead: the SMHL keeps the record.
  const kingsmead = o.schoolIds.get('kingsmead') as string;
  const smhl = user('sam.patel@kingsmead.example');
  const tutor = user('ben.wright@kingsmead.example');
  const deputyDsl = user('lucy.evans@kingsmead.example');
  const staff = await staffWithRoles(tx, kingsmead);
  staff.forEach(([userId, roles], i) => {
    // Safeguarding level 1 (yearly): the September INSET for most, a few due within 60 days.
    const dueSoon = userId === tutor || (i % 6 === 5 && userId !== deputyDsl);
    add(
      kingsmead,
      smhl,
      userId,
      'safeguarding_level_1',
      dueSoon ? monthsAgo(12, 20 + (i % 30)) : monthsAgo(2 + (i % 7)),
    );
    if (roles.includes('dsl')) add(kingsmead, smhl, userId, 'dsl_level_3', monthsAgo(8));
    if (roles.includes('deputy_dsl')) add(kingsmead, smhl, userId, 'dsl_level_3', monthsAgo(25, -3));
    if (roles.includes('smhl')) {
      add(kingsmead, smhl, userId, 'smhl_training', monthsAgo(22));
      add(kingsmead, smhl, userId, 'mental_health_awareness', monthsAgo(14));
    }
    if (roles.includes('first_aider')) add(kingsmead, smhl, userId, 'mental_health_first_aid', monthsAgo(35, -10));
    if (roles.includes('intervention_staff')) {
      add(kingsmead, smhl, userId, 'mental_health_awareness', monthsAgo(11 + (i % 5)));
      add(kingsmead, smhl, userId, 'elsa', monthsAgo(30));
    }
    if (i % 3 === 0) add(kingsmead, smhl, userId, 'prevent', monthsAgo(6 + (i % 10)));
  });
  // The tutor's own entry, waiting for the SMHL.
  add(kingsmead, smhl, tutor, 'mental_health_awareness', addDaysTo(today, -9), false);
  const benEntry = records[records.length - 1];
  if (benEntry) {
    benEntry.provider = 'Anna Freud Centre online course';
    benEntry.notes = 'Completed the online course in my PPA time; certificate to follow.';
  }

  // Willow Brook: the head keeps the record; everyone in date.
  const willow = o.schoolIds.get('willow');
  if (willow) {
    const head = user('ruth.adams@willowbrook.example');
    for (const [userId, roles] of await staffWithRoles(tx, willow)) {
      add(willow, head, userId, 'safeguarding_level_1', monthsAgo(3));
      if (roles.includes('dsl') || roles.includes('deputy_dsl'))
        add(willow, head, userId, 'dsl_level_3', monthsAgo(10));
    }
  }

  if (records.length > 0) await tx.insert(trainingRecords).values(records);
}
