/**
 * Early identification's demo: at Kingsmead, a couple of pupils with three or more concerns in the
 * last six weeks (added only if the demo has fewer than two such pupils already), one pupil whose
 * GAD-7 score moved into the clinical range, and one earlier review ("reviewed: no action", two days
 * ago, of the second pupil). The
 * attendance weeks (pupils whose attendance fell) come from demo-attendance.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { builtinMeasure, scoreAnswers } from '@tandem/core';
import { concernPupils, concerns, earlyReviews, questionnaires } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

const DAY = 86_400_000;

/** Kingsmead pupils on roll with no concern, questionnaire or account, in a fixed order. */
async function quietPupils(tx: DbOrTx, schoolId: string, n: number): Promise<string[]> {
  const result = (await tx.execute(
    sql`select p.id from pupils p
      where p.school_id = ${schoolId} and p.left_on is null and p.user_id is null
        and not exists (select 1 from concern_pupils cp where cp.school_id = ${schoolId} and cp.pupil_id = p.id)
        and not exists (select 1 from questionnaires q where q.school_id = ${schoolId} and q.pupil_id = p.id)
      order by p.year_group desc, p.upn
      limit ${n}`,
  )) as { rows: { id: string }[] };
  return result.rows.map((r) => r.id);
}

async function pupilsWithConcerns(tx: DbOrTx, schoolId: string, since: Date): Promise<number> {
  const result = (await tx.execute(
    sql`select count(*) as n from (
        select cp.pupil_id from concerns c join concern_pupils cp on cp.concern_id = c.id
        where c.school_id = ${schoolId} and not c.restricted and c.logged_at >= ${since.toISOString()}::timestamptz
        group by cp.pupil_id having count(distinct c.id) >= 3) t`,
  )) as { rows: { n: unknown }[] };
  return Number(result.rows[0]?.n ?? 0);
}

const ACCOUNTS = [
  {
    daysAgo: 33,
    location: 'Maths, room 14',
    account: 'Put their head down for most of the lesson and would not talk.',
  },
  { daysAgo: 19, location: 'Lunch hall', account: 'Sat alone at lunch again; said they were "just tired".' },
  {
    daysAgo: 6,
    location: 'Form room',
    account: 'Tearful at registration; said things at home are hard at the moment.',
  },
];

export async function seedDemoEarly(
  tx: DbOrTx,
  o: { schoolIds: Map<string, string>; userIds: Map<string, string>; now: Date },
): Promise<void> {
  const schoolId = o.schoolIds.get('kingsmead');
  const user = (email: string) => {
    const id = o.userIds.get(email);
    if (!id) throw new Error(`demo user ${email} missing`);
    return id;
  };
  if (!schoolId) return;
  const smhl = user('sam.patel@kingsmead.example');
  const tutor = user('ben.wright@kingsmead.example');
  const at = (daysAgo: number) => new Date(o.now.getTime() - daysAgo * DAY);
  const [first, second, scored] = await quietPupils(tx, schoolId, 3);

  if ((await pupilsWithConcerns(tx, schoolId, at(42))) < 2) {
    const year = o.now.getUTCFullYear();
    const last = (await tx.execute(
      sql`select coalesce(max(substring(reference from ${`C-${year}-`.length + 1}::int)::int), 0) as n
        from concerns where school_id = ${schoolId} and reference like ${`C-${year}-%`}`,
    )) as { rows: { n: unknown }[] };
    let next = Number(last.rows[0]?.n ?? 0);
    for (const pupilId of [first, second].filter((id): id is string => id !== undefined)) {
      for (const a of ACCOUNTS) {
        next += 1;
        const loggedAt = at(a.daysAgo);
        const [row] = await tx
          .insert(concerns)
          .values({
            schoolId,
            reference: `C-${year}-${String(next).padStart(4, '0')}`,
            loggedBy: tutor,
            loggedAt,
            submissionKey: randomUUID(),
            occurredAt: new Date(loggedAt.getTime() - 10 * 60_000),
            location: a.location,
            account: a.account,
            warningSigns: ['withdrawal'],
            riskOfImmediateHarm: false,
            possibleChildProtection: false,
            medicalEmergency: false,
            category: 'mental_health',
            route: 'mental_health_lead',
            urgent: false,
            restricted: false,
            status: a.daysAgo > 7 ? 'acknowledged' : 'open',
            acknowledgedBy: a.daysAgo > 7 ? smhl : null,
            acknowledgedAt: a.daysAgo > 7 ? new Date(loggedAt.getTime() + 3_600_000) : null,
            parentsStatus: 'to_be_told',
            updatedAt: loggedAt,
          })
          .returning({ id: concerns.id });
        await tx.insert(concernPupils).values({ schoolId, concernId: row!.id, pupilId });
      }
    }
  }

  // A GAD-7 taken at a check-in seven weeks ago (mild), then again this week (moderate: clinical).
  const gad7 = builtinMeasure('gad7');
  if (scored && gad7) {
    const takes = [
      { daysAgo: 50, answers: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 0 } },
      { daysAgo: 4, answers: { q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 1, q7: 1 } },
    ];
    for (const t of takes) {
      await tx.insert(questionnaires).values({
        schoolId,
        pupilId: scored,
        measureKey: gad7.key,
        measureVersion: gad7.version,
        timepoint: 'check',
        respondent: 'pupil',
        status: 'complete',
        answers: t.answers,
        scores: scoreAnswers(gad7, t.answers).scores,
        createdBy: smhl,
        createdAt: at(t.daysAgo + 1),
        startedAt: at(t.daysAgo),
        completedAt: at(t.daysAgo),
        completedBy: smhl,
        updatedAt: at(t.daysAgo),
      });
    }
  }

  // The second pupil was reviewed two days ago, after their latest concern: listed under "reviewed".
  if (second) {
    await tx.insert(earlyReviews).values({
      schoolId,
      pupilId: second,
      outcome: 'no_action',
      reason:
        'Spoke with the form tutor and the family: a falling-out with friends, now resolved. Tutor keeps an eye at lunchtimes.',
      fired: [{ kind: 'concerns_count', because: '3 concerns logged in the last 6 weeks.' }],
      reviewedBy: smhl,
      reviewedAt: at(2),
    });
  }
}
