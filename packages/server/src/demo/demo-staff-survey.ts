/**
 * Demo staff wellbeing surveys for Kingsmead, sized to whoever holds staff roles there when the
 * seed runs:
 *  - last year's survey and this term's, both closed, with results: leadership and teaching answer
 *    in numbers of at least five (where the school has that many) and support staff four, so the
 *    results show support as "fewer than 5 responses"; some free text;
 *  - an open survey that the tutor ben.wright@kingsmead.example has not answered yet (some others have).
 * Willow Brook has a draft survey ready to open. Inserted in the demo transaction, not audited.
 * Responses carry no user id and no time, as the feature stores them.
 */
import { and, eq, isNull } from 'drizzle-orm';
import {
  BUILT_IN_STATEMENTS,
  STAFF_GROUPS,
  isStaffRole,
  londonToday,
  staffGroupOf,
  type StaffGroup,
  type SchoolStaffRole,
} from '@tandem/core';
import {
  roleAssignments,
  staffSurveyParticipants,
  staffSurveyResponses,
  staffSurveys,
  users,
} from '@tandem/core/schema';
import type { Tx } from '../db/client';

const DAY = 86_400_000;
const TUTOR = 'ben.wright@kingsmead.example';
const SMHL = 'sam.patel@kingsmead.example';

/** A small fixed pseudo-random sequence, so the demo is the same every time. */
function sequence(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

/** How each statement tends to be answered: workload lower, colleagues higher. */
const LEAN: Record<string, number> = {
  'workload.manageable': -1.1,
  'workload.time': -1,
  'workload.balance': -0.7,
  'support.manager': 0.3,
  'support.colleagues': 0.9,
  'support.help': 0.4,
  'voice.listened': -0.2,
  'voice.decisions': -0.5,
  'wellbeing.valued': 0,
  'wellbeing.cared': 0.2,
};

const COMMENTS = [
  'Marking and data drops in the same fortnight make it very hard to switch off.',
  'The new staffroom quiet hour has really helped.',
  'I would like more notice of meetings after school.',
  'Colleagues in my department are brilliant; we look after each other.',
  'It would help to know who to talk to when a week goes badly.',
  'Thank you for asking. I feel more listened to than last year.',
  'Cover has been heavy this term and it is wearing people down.',
];

async function staffOf(tx: Tx, schoolId: string) {
  const rows = await tx
    .select({ id: users.id, email: users.email, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.schoolId, schoolId), isNull(roleAssignments.revokedAt), isNull(users.disabledAt)));
  const byId = new Map<string, { id: string; email: string; roles: SchoolStaffRole[] }>();
  for (const r of rows) {
    if (!isStaffRole(r.role)) continue;
    const p = byId.get(r.id) ?? { id: r.id, email: r.email, roles: [] };
    p.roles.push(r.role);
    byId.set(r.id, p);
  }
  return [...byId.values()]
    .map((p) => ({ ...p, group: staffGroupOf(p.roles) }))
    .filter((p): p is typeof p & { group: StaffGroup } => p.group !== null)
    .sort((a, b) => a.email.localeCompare(b.email));
}

interface SurveyPlan {
  title: string;
  opensOn: string;
  closesOn: string;
  status: 'open' | 'closed';
  /** How many of each group answer (capped at the group's size). */
  answering: Record<StaffGroup, number>;
  /** Nudges every answer (this term a little better than last year). */
  mood: number;
  comments: number;
  /** Who must not have answered. */
  notAnswered?: string;
}

export async function seedDemoStaffSurvey(
  tx: Tx,
  o: { schoolIds: Map<string, string>; userIds: Map<string, string>; now: Date },
): Promise<void> {
  const kingsmead = o.schoolIds.get('kingsmead');
  const willow = o.schoolIds.get('willow');
  const smhl = o.userIds.get(SMHL);
  if (!kingsmead || !smhl) return;
  const day = (offset: number) => londonToday(new Date(o.now.getTime() + offset * DAY));
  const staff = await staffOf(tx, kingsmead);
  const size = (g: StaffGroup) => staff.filter((p) => p.group === g).length;
  // Named by the month it opened ("October 2026"), which is right whenever the demo is loaded.
  const month = (offset: number) =>
    new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(
      new Date(o.now.getTime() + offset * DAY),
    );
  const plans: SurveyPlan[] = [
    {
      title: `Staff wellbeing survey, ${month(-380)}`,
      opensOn: day(-380),
      closesOn: day(-366),
      status: 'closed',
      answering: { leadership: 6, teaching: Math.ceil(size('teaching') * 0.6), support: 4 },
      mood: -0.3,
      comments: 5,
    },
    {
      title: `Staff wellbeing survey, ${month(-40)}`,
      opensOn: day(-40),
      closesOn: day(-26),
      status: 'closed',
      answering: { leadership: 7, teaching: Math.ceil(size('teaching') * 0.7), support: 4 },
      mood: 0.2,
      comments: 7,
    },
    {
      title: `Staff wellbeing check-in, ${month(-3)}`,
      opensOn: day(-3),
      closesOn: day(11),
      status: 'open',
      answering: { leadership: 3, teaching: Math.floor(size('teaching') * 0.4), support: 1 },
      mood: 0,
      comments: 0,
      notAnswered: TUTOR,
    },
  ];
  const rand = sequence(2026);
  for (const plan of plans) {
    const [survey] = await tx
      .insert(staffSurveys)
      .values({
        schoolId: kingsmead,
        title: plan.title,
        opensOn: plan.opensOn,
        closesOn: plan.closesOn,
        groups: [...STAFF_GROUPS],
        statements: [...BUILT_IN_STATEMENTS],
        status: plan.status,
        openedAt: new Date(`${plan.opensOn}T08:00:00Z`),
        closedAt: plan.status === 'closed' ? new Date(`${plan.closesOn}T23:30:00Z`) : null,
        createdBy: smhl,
        createdAt: new Date(new Date(`${plan.opensOn}T08:00:00Z`).getTime() - 7 * DAY),
      })
      .returning({ id: staffSurveys.id });
    if (!survey) continue;
    const participants: (typeof staffSurveyParticipants.$inferInsert)[] = [];
    const responses: (typeof staffSurveyResponses.$inferInsert)[] = [];
    let comments = plan.comments;
    for (const group of STAFF_GROUPS) {
      const members = staff.filter((p) => p.group === group);
      // Whoever must not have answered goes last, so they are never among those who did.
      members.sort((a, b) => Number(a.email === plan.notAnswered) - Number(b.email === plan.notAnswered));
      const answering = Math.min(plan.answering[group], members.filter((m) => m.email !== plan.notAnswered).length);
      members.forEach((m, i) => {
        participants.push({ schoolId: kingsmead, surveyId: survey.id, userId: m.id, group, responded: i < answering });
      });
      for (let i = 0; i < answering; i++) {
        const answers = Object.fromEntries(
          BUILT_IN_STATEMENTS.map((s) => {
            const v = Math.round(3.4 + (LEAN[s.key] ?? 0) + plan.mood + (rand() - 0.5) * 2.6);
            return [s.key, Math.min(5, Math.max(1, v))];
          }),
        );
        const span = Math.max(1, Math.round((Date.parse(plan.closesOn) - Date.parse(plan.opensOn)) / DAY));
        const answeredOn = londonToday(
          new Date(Date.parse(plan.opensOn) + Math.floor(rand() * Math.min(span, 3)) * DAY),
        );
        const writes = comments > 0 && (group !== 'support' ? rand() < 0.5 : i === 0);
        const freeText = writes ? (COMMENTS[(comments + i) % COMMENTS.length] ?? null) : null;
        if (writes && group !== 'support') comments--;
        responses.push({ schoolId: kingsmead, surveyId: survey.id, group, answeredOn, answers, freeText });
      }
    }
    if (participants.length > 0) await tx.insert(staffSurveyParticipants).values(participants);
    // Random ids (the table's default) are the only order responses are ever read in.
    if (responses.length > 0) await tx.insert(staffSurveyResponses).values(responses);
  }
  const willowHead = o.userIds.get('ruth.adams@willowbrook.example');
  if (willow && willowHead) {
    await tx.insert(staffSurveys).values({
      schoolId: willow,
      title: `Staff wellbeing survey, ${month(14)}`,
      opensOn: day(14),
      closesOn: day(28),
      groups: [...STAFF_GROUPS],
      statements: [...BUILT_IN_STATEMENTS],
      status: 'draft',
      createdBy: willowHead,
      createdAt: o.now,
    });
  }
}
