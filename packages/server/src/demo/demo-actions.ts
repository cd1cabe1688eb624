/**
 * The demo action plan:
 *  - Kingsmead: two actions carried forward from last year's self-assessment (one in progress with
 *    the SMHL; one overdue, owned by the tutor Ben Wright, so his home page shows it), two finished
 *    last year (kept in last year's plan), and four written this year from low ratings, owned by the
 *    SMHL, the head and the DSL, with progress notes. Several low ratings are left without an
 *    action, so the plan still proposes some.
 *  - Willow Brook: one action from the head's new self-assessment.
 * Inserted in the demo transaction, not audited. Nothing here is about a pupil.
 */
import { desc, eq } from 'drizzle-orm';
import type { ActionStatus } from '@tandem/core';
import { assessments, improvementActionNotes, improvementActions } from '@tandem/core/schema';
import type { Tx } from '../db/client';

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

const SMHL = 'sam.patel@kingsmead.example';
const HEAD = 'helen.carter@kingsmead.example';
const DSL = 'chris.okafor@kingsmead.example';
const TUTOR = 'ben.wright@kingsmead.example';

interface DemoAction {
  plan: 'last' | 'this';
  carried?: boolean;
  areaKey: string;
  statementKey: string | null;
  title: string;
  successCriteria: string;
  owner: string;
  /** Due this many days from today (negative: past). */
  dueIn: number;
  /** Written this many days ago. */
  writtenAgo: number;
  status: ActionStatus;
  notes: { daysAgo: number; by: string; note: string; status: ActionStatus }[];
}

const KINGSMEAD: readonly DemoAction[] = [
  {
    plan: 'last',
    carried: true,
    areaKey: 'county.staff_skills',
    statementKey: 'county.staff_skills.6',
    title: 'Train all staff in solution-focused conversations',
    successCriteria:
      'Every member of staff, teaching and support, has had the training; a sample of staff say they use it in conversations with pupils and colleagues.',
    owner: SMHL,
    dueIn: 40,
    writtenAgo: 320,
    status: 'in_progress',
    notes: [
      {
        daysAgo: 290,
        by: SMHL,
        note: 'Training booked with the county team for the spring training day.',
        status: 'in_progress',
      },
      {
        daysAgo: 20,
        by: SMHL,
        note: 'Teaching staff trained. The support staff session is set for the first week after half term.',
        status: 'in_progress',
      },
    ],
  },
  {
    plan: 'last',
    carried: true,
    areaKey: 'county.voice',
    statementKey: 'county.voice.1',
    title: 'Set up a pupil wellbeing panel with two members from each Year 8 form',
    successCriteria:
      'The panel meets every half term, its ideas are taken to the leadership team, and pupils can name one change it made.',
    owner: TUTOR,
    dueIn: -10,
    writtenAgo: 300,
    status: 'in_progress',
    notes: [
      {
        daysAgo: 120,
        by: TUTOR,
        note: 'Nominations collected from four of the six forms; the other two are voting next week.',
        status: 'in_progress',
      },
    ],
  },
  {
    plan: 'last',
    areaKey: 'county.policies',
    statementKey: 'county.policies.1',
    title: 'Agree a mental health and wellbeing policy with governors and the parent forum',
    successCriteria: 'The policy is approved by governors, published on the website and shared with parents.',
    owner: HEAD,
    dueIn: -120,
    writtenAgo: 330,
    status: 'done',
    notes: [
      {
        daysAgo: 140,
        by: HEAD,
        note: 'Approved by governors at the summer meeting and published on the website.',
        status: 'done',
      },
    ],
  },
  {
    plan: 'last',
    areaKey: 'county.policies',
    statementKey: 'county.policies.5',
    title: 'Add a mental health section to the safeguarding and attendance policies',
    successCriteria: 'Both policies say how mental health needs are noticed, recorded and supported.',
    owner: DSL,
    dueIn: -90,
    writtenAgo: 330,
    status: 'done',
    notes: [{ daysAgo: 95, by: DSL, note: 'Both policies updated and agreed at the staff meeting.', status: 'done' }],
  },
  {
    plan: 'this',
    areaKey: 'county.partnerships',
    statementKey: 'county.partnerships.6',
    title: 'Hold a termly planning meeting with the CAMHS link worker and the early help team',
    successCriteria:
      'A meeting each term with notes of what was agreed; referrals are discussed before they are sent, not after.',
    owner: DSL,
    dueIn: 45,
    writtenAgo: 30,
    status: 'not_started',
    notes: [],
  },
  {
    plan: 'this',
    areaKey: 'county.partnerships',
    statementKey: 'county.partnerships.3',
    title: 'Run a parent and carer survey each spring and share what changed as a result',
    successCriteria:
      'At least a third of families answer; a “you said, we did” letter goes home within a month of the survey closing.',
    owner: SMHL,
    dueIn: 75,
    writtenAgo: 30,
    status: 'in_progress',
    notes: [
      {
        daysAgo: 10,
        by: SMHL,
        note: 'Questions drafted with the parent forum. The survey goes out after half term.',
        status: 'in_progress',
      },
    ],
  },
  {
    plan: 'this',
    areaKey: 'county.staff_skills',
    statementKey: 'county.staff_skills.2',
    title: 'Give every member of staff a termly wellbeing check-in with their line manager',
    successCriteria: 'Every member of staff has had a check-in this term; common themes go to the leadership team.',
    owner: HEAD,
    dueIn: 20,
    writtenAgo: 28,
    status: 'done',
    notes: [
      {
        daysAgo: 5,
        by: HEAD,
        note: 'Check-ins held for all staff this term. Themes (workload at report time) shared with the leadership team.',
        status: 'done',
      },
    ],
  },
  {
    plan: 'this',
    areaKey: 'county.policies',
    statementKey: 'county.policies.8',
    title: 'Write pupil versions of the anti-bullying and wellbeing policies with the school council',
    successCriteria: 'Both pupil versions are on every form room wall and the school council has approved the wording.',
    owner: SMHL,
    dueIn: 90,
    writtenAgo: 25,
    status: 'not_started',
    notes: [],
  },
];

async function insertAction(
  tx: Tx,
  a: Omit<DemoAction, 'plan' | 'carried' | 'owner' | 'notes'> & {
    schoolId: string;
    assessmentId: string;
    firstAssessmentId: string;
    ownerUserId: string;
    createdBy: string;
    notes: { at: Date; by: string; note: string; status: ActionStatus }[];
    now: Date;
  },
): Promise<void> {
  const dueOn = day(new Date(a.now.getTime() + a.dueIn * DAY));
  const createdAt = new Date(a.now.getTime() - a.writtenAgo * DAY);
  const [row] = await tx
    .insert(improvementActions)
    .values({
      schoolId: a.schoolId,
      assessmentId: a.assessmentId,
      firstAssessmentId: a.firstAssessmentId,
      areaKey: a.areaKey,
      statementKey: a.statementKey,
      title: a.title,
      successCriteria: a.successCriteria,
      ownerUserId: a.ownerUserId,
      dueOn,
      status: a.status,
      version: 1 + a.notes.length,
      // Already reminded for a date that has passed, so starting the demo sends no e-mail.
      remindedOverdueOn: a.dueIn < 0 ? dueOn : null,
      createdBy: a.createdBy,
      createdAt,
      updatedAt: a.notes.at(-1)?.at ?? createdAt,
    })
    .returning({ id: improvementActions.id });
  if (!row) throw new Error('demo: action not stored');
  for (const n of a.notes) {
    await tx.insert(improvementActionNotes).values({
      schoolId: a.schoolId,
      actionId: row.id,
      note: n.note,
      statusAfter: n.status,
      writtenBy: n.by,
      writtenAt: n.at,
    });
  }
}

export async function seedDemoActions(
  tx: Tx,
  o: {
    schoolIds: Map<string, string>;
    userIds: Map<string, string>;
    now: Date;
    lastYearId: string;
    thisYearId: string;
  },
): Promise<void> {
  const { now } = o;
  const schoolId = o.schoolIds.get('kingsmead');
  if (!schoolId) throw new Error('demo: no Kingsmead');
  const user = (email: string) => {
    const id = o.userIds.get(email);
    if (!id) throw new Error(`demo: no user ${email}`);
    return id;
  };
  for (const a of KINGSMEAD) {
    const { plan, carried, owner, notes, ...rest } = a;
    const first = plan === 'last' ? o.lastYearId : o.thisYearId;
    await insertAction(tx, {
      ...rest,
      schoolId,
      firstAssessmentId: first,
      // Unfinished actions of last year moved on to this year's plan when it started.
      assessmentId: carried === true ? o.thisYearId : first,
      ownerUserId: user(owner),
      createdBy: user(SMHL),
      notes: notes.map((n) => ({
        at: new Date(now.getTime() - n.daysAgo * DAY),
        by: user(n.by),
        note: n.note,
        status: n.status,
      })),
      now,
    });
  }
  await seedWillowBrook(tx, o);
}

/** Willow Brook's head has written one action for her new self-assessment. */
async function seedWillowBrook(tx: Tx, o: { schoolIds: Map<string, string>; userIds: Map<string, string>; now: Date }) {
  const schoolId = o.schoolIds.get('willow');
  const head = o.userIds.get('ruth.adams@willowbrook.example');
  if (!schoolId || !head) return;
  const [assessment] = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.schoolId, schoolId))
    .orderBy(desc(assessments.startedOn))
    .limit(1);
  if (!assessment) return;
  await insertAction(tx, {
    schoolId,
    assessmentId: assessment.id,
    firstAssessmentId: assessment.id,
    areaKey: 'principles.leadership',
    statementKey: 'principles.leadership.2',
    title: 'Name a senior mental health lead and book their training',
    successCriteria: 'The lead is named to staff and governors and has a place on the accredited training.',
    ownerUserId: head,
    dueIn: 60,
    writtenAgo: 5,
    status: 'not_started',
    createdBy: head,
    notes: [],
    now: o.now,
  });
}
