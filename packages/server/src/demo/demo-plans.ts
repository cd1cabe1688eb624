/**
 * Demo plans and meetings, so that whoever signs in sees the module at work:
 *  - Olivia Clarke (9K, MH2): an Individual Care Plan at version 2 (exit card added after a review
 *    at a parent meeting), agreed by Olivia and her mother, given to her teachers, her key person
 *    and Kate Murphy (who has not yet confirmed reading version 2); the completed parent meeting
 *    with two next steps, and a mental health review meeting booked for when the plan is due.
 *  - The pupil in 9W (Ben Wright's tutor group) with the highest level: a crisis plan made after a
 *    hospital attendance, agreed with a parent, whose review is now three days overdue; and a new
 *    risk assessment for the mock exams that the pastoral lead has read and Ben Wright has not.
 *  - A pupil in 8K at MH3: a Signs of Safety record led by the DSL, rated 3 when written and
 *    reviewed three times since (3, then 5, then 6), the next review in two weeks.
 *  - Willow Brook: one care plan awaiting a parent's agreement, so its head sees something.
 *
 * Written kindly and factually. Nothing here is about a child-protection matter (that belongs in
 * the restricted record), and no pupil with a restricted concern is chosen. Every name is made up.
 *
 * Inserted set-based inside the demo transaction and, like the other demo history, not audited
 * (nobody did these things), so the audit trail starts clean. The overdue review is marked as
 * already reminded (review_reminder_for) with the alert that reminder would have raised, just as
 * the demo concerns carry the alerts they would have raised: nothing is sent when the demo starts.
 */
import { asc, eq } from 'drizzle-orm';
import {
  levelRank,
  londonToday,
  type AgreementHow,
  type AgreementParty,
  type AttendeeKind,
  type LevelCode,
  type PlanContentShape,
  type PlanKind,
} from '@tandem/core';
import {
  alerts,
  concernPupils,
  concerns,
  contacts,
  meetingActions,
  meetings,
  planAgreements,
  planReads,
  planReviews,
  plans,
  planShares,
  planVersions,
  pupils,
} from '@tandem/core/schema';
import { alertMessage } from '../platform/alerts';
import type { DbOrTx } from '../db/client';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const EMAIL = {
  smhl: 'sam.patel@kingsmead.example',
  dsl: 'chris.okafor@kingsmead.example',
  pastoral: 'tom.fletcher@kingsmead.example',
  elsa: 'grace.lee@kingsmead.example',
  tutor: 'ben.wright@kingsmead.example',
  support: 'kate.murphy@kingsmead.example',
  firstAider: 'dan.price@kingsmead.example',
  willowHead: 'ruth.adams@willowbrook.example',
} as const;
type Who = keyof typeof EMAIL;

// ---- Dates. Everything is relative to the demo's "now", in school days where people act. ----

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() + n * DAY).toISOString().slice(0, 10);
}

function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** `n` school days (Monday to Friday) before or after `day`; 0 is `day` itself. */
function schoolDays(day: string, n: number): string {
  let d = day;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, step);
    const w = weekday(d);
    if (w !== 0 && w !== 6) left--;
  }
  return d;
}

/** The day itself on a weekday, else the Monday after. */
function onOrAfterSchoolDay(day: string): string {
  const w = weekday(day);
  return w === 6 ? addDays(day, 2) : w === 0 ? addDays(day, 1) : day;
}

/** The last weekday on or before `day`. */
function onOrBeforeSchoolDay(day: string): string {
  const w = weekday(day);
  return w === 6 ? addDays(day, -1) : w === 0 ? addDays(day, -2) : day;
}

/**
 * A school day about `n` days after `today` for a review or a meeting, kept out of the Christmas and
 * summer holidays (brought forward to the end of term, or after the break when that is too close).
 */
function aheadSchoolDay(today: string, n: number): string {
  const day = onOrAfterSchoolDay(addDays(today, n));
  const md = day.slice(5);
  const year = Number(day.slice(0, 4));
  let before: string | null = null;
  let after: string | null = null;
  if (md >= '12-19') [before, after] = [`${year}-12-18`, `${year + 1}-01-05`];
  else if (md <= '01-04') [before, after] = [`${year - 1}-12-18`, `${year}-01-05`];
  else if (md >= '07-23' && md <= '08-31') [before, after] = [`${year}-07-22`, `${year}-09-02`];
  if (!before || !after) return day;
  const endOfTerm = onOrBeforeSchoolDay(before);
  return endOfTerm > addDays(today, 7) ? endOfTerm : onOrAfterSchoolDay(after);
}

const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });

/** The moment it is `hh:mm` in England on `day`. */
function londonAt(day: string, hh: number, mm: number): Date {
  const utc = new Date(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00Z`);
  const ahead = (Number(LONDON_HOUR.format(utc)) - hh + 24) % 24;
  return new Date(utc.getTime() - ahead * HOUR);
}

const SPOKEN_DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
/** "Thursday 8 October", as someone would write it in a plan. */
function spoken(day: string): string {
  return SPOKEN_DAY.format(new Date(`${day}T00:00:00Z`));
}

// ---- Writing a plan with its history. ----

interface VersionSpec {
  content: PlanContentShape;
  reason: string | null;
  by: string;
  at: Date;
  /** When the lead marked this version agreed. */
  agreed?: { by: string; at: Date };
}

interface PlanSpec {
  schoolId: string;
  pupilId: string;
  kind: PlanKind;
  leadUserId: string;
  agreementsNeeded: AgreementParty[];
  reviewDue: string;
  reviewReminderFor?: string;
  shareWithTeaching: boolean;
  parentShareable: boolean;
  /** Oldest first; the last is the one in force. */
  versions: VersionSpec[];
  sharedWith?: { userId: string; by: string; at: Date }[];
  agreements?: {
    version: number;
    party: AgreementParty;
    name: string;
    relationship: string;
    how: AgreementHow;
    agreedOn: string;
    note?: string;
    recordedBy: string;
    recordedAt: Date;
  }[];
  reads?: { version: number; userId: string; at: Date }[];
  reviews?: {
    version: number;
    reviewedOn: string;
    whatWasDone: string;
    whatChanged: string;
    nextReviewOn: string;
    safetyScale?: number;
    recordedBy: string;
    recordedAt: Date;
  }[];
}

async function writePlan(tx: DbOrTx, p: PlanSpec): Promise<string> {
  const first = p.versions[0];
  if (!first) throw new Error('a demo plan needs a version');
  const agreedVersion = p.versions.reduce<number | null>((n, v, i) => (v.agreed ? i + 1 : n), null);
  const times = [
    ...p.versions.flatMap((v) => [v.at, v.agreed?.at]),
    ...(p.sharedWith ?? []).map((s) => s.at),
    ...(p.agreements ?? []).map((a) => a.recordedAt),
    ...(p.reviews ?? []).map((r) => r.recordedAt),
  ].filter((t): t is Date => t !== undefined);
  const updatedAt = new Date(Math.max(...times.map((t) => t.getTime())));
  const [row] = await tx
    .insert(plans)
    .values({
      schoolId: p.schoolId,
      pupilId: p.pupilId,
      kind: p.kind,
      version: p.versions.length,
      agreedVersion,
      agreementsNeeded: p.agreementsNeeded,
      reviewDue: p.reviewDue,
      reviewReminderFor: p.reviewReminderFor ?? null,
      leadUserId: p.leadUserId,
      shareWithTeaching: p.shareWithTeaching,
      parentShareable: p.parentShareable,
      createdBy: first.by,
      createdAt: first.at,
      updatedAt,
    })
    .returning({ id: plans.id });
  if (!row) throw new Error('demo plan not created');
  const planId = row.id;
  const base = { schoolId: p.schoolId, planId };
  await tx.insert(planVersions).values(
    p.versions.map((v, i) => ({
      ...base,
      version: i + 1,
      content: v.content,
      reason: v.reason,
      createdBy: v.by,
      createdAt: v.at,
      agreedAt: v.agreed?.at ?? null,
      agreedBy: v.agreed?.by ?? null,
    })),
  );
  if (p.sharedWith?.length) {
    await tx
      .insert(planShares)
      .values(p.sharedWith.map((s) => ({ ...base, userId: s.userId, sharedBy: s.by, sharedAt: s.at })));
  }
  if (p.agreements?.length) {
    await tx.insert(planAgreements).values(p.agreements.map((a) => ({ ...base, ...a, note: a.note ?? '' })));
  }
  if (p.reads?.length) {
    await tx
      .insert(planReads)
      .values(p.reads.map((r) => ({ ...base, version: r.version, userId: r.userId, confirmedAt: r.at })));
  }
  if (p.reviews?.length) {
    await tx.insert(planReviews).values(p.reviews.map((r) => ({ ...base, ...r, safetyScale: r.safetyScale ?? null })));
  }
  return planId;
}

interface RollPupil {
  id: string;
  form: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  currentLevel: LevelCode | null;
  userId: string | null;
  /** The first contact, as a plan lists them. */
  contact: { name: string; relationship: string; phone: string } | null;
}

async function loadRoll(tx: DbOrTx, schoolId: string): Promise<RollPupil[]> {
  const rows = await tx
    .select({
      id: pupils.id,
      form: pupils.form,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      preferredName: pupils.preferredName,
      currentLevel: pupils.currentLevel,
      userId: pupils.userId,
    })
    .from(pupils)
    .where(eq(pupils.schoolId, schoolId))
    .orderBy(asc(pupils.form), asc(pupils.familyName), asc(pupils.givenName), asc(pupils.id));
  const firstContacts = await tx
    .select({
      pupilId: contacts.pupilId,
      name: contacts.name,
      relationship: contacts.relationship,
      phone: contacts.phone,
    })
    .from(contacts)
    .where(eq(contacts.schoolId, schoolId))
    .orderBy(asc(contacts.priority));
  const contactOf = new Map<string, RollPupil['contact']>();
  for (const c of firstContacts) {
    if (!contactOf.has(c.pupilId) && c.phone) {
      contactOf.set(c.pupilId, { name: c.name, relationship: c.relationship, phone: c.phone });
    }
  }
  // Never a pupil with anything in the restricted safeguarding record.
  const restricted = new Set(
    (
      await tx
        .select({ pupilId: concernPupils.pupilId })
        .from(concernPupils)
        .innerJoin(concerns, eq(concerns.id, concernPupils.concernId))
        .where(eq(concerns.restricted, true))
    ).map((r) => r.pupilId),
  );
  return rows.filter((r) => !restricted.has(r.id)).map((r) => ({ ...r, contact: contactOf.get(r.id) ?? null }));
}

/** The pupil in the form with the highest level (the first by name among equals). */
function highestIn(roll: RollPupil[], form: string, exclude: ReadonlySet<string>): RollPupil | null {
  let best: RollPupil | null = null;
  for (const p of roll) {
    if (p.form !== form || exclude.has(p.id)) continue;
    if (!best || levelRank(p.currentLevel) > levelRank(best.currentLevel)) best = p;
  }
  return best;
}

function contactsOf(p: RollPupil, ...more: PlanContentShape['contacts']): PlanContentShape['contacts'] {
  return [...(p.contact ? [p.contact] : []), ...more];
}

/** "Hannah's father", or "Hannah's family" when there is no contact on record. */
function familyOf(p: RollPupil, given: string): string {
  return `${given}’s ${p.contact ? p.contact.relationship.toLowerCase() : 'family'}`;
}

/** A fictional number in the range Ofcom keeps for drama. */
const CAMHS_CRISIS = { name: 'Riverbank CAMHS crisis team', relationship: 'CAMHS', phone: '01632 960418' };

export async function seedDemoPlans(
  tx: DbOrTx,
  o: { schoolIds: ReadonlyMap<string, string>; userIds: ReadonlyMap<string, string>; now: Date },
): Promise<void> {
  const user = (who: Who): string => {
    const id = o.userIds.get(EMAIL[who]);
    if (!id) throw new Error(`demo user ${who} missing`);
    return id;
  };
  const today = londonToday(o.now);
  /** A school day `n` school days ago (n >= 1), at a time in England. */
  const ago = (n: number, hh: number, mm: number) => londonAt(schoolDays(today, -n), hh, mm);
  const agoDay = (n: number) => schoolDays(today, -n);

  const kingsmead = o.schoolIds.get('kingsmead');
  if (kingsmead) await seedKingsmead(tx, kingsmead, user, today, ago, agoDay);
  const willow = o.schoolIds.get('willow');
  if (willow) await seedWillow(tx, willow, user, today, ago);
}

type UserOf = (who: Who) => string;
type Ago = (n: number, hh: number, mm: number) => Date;

async function seedKingsmead(
  tx: DbOrTx,
  schoolId: string,
  user: UserOf,
  today: string,
  ago: Ago,
  agoDay: (n: number) => string,
): Promise<void> {
  const roll = await loadRoll(tx, schoolId);
  const smhl = user('smhl');
  const dsl = user('dsl');
  const elsa = user('elsa');
  const used = new Set<string>();

  // ---- Olivia Clarke: Individual Care Plan, parent meeting, review meeting booked. ----
  const olivia = roll.find((p) => p.givenName === 'Olivia' && p.familyName === 'Clarke' && p.userId !== null);
  if (!olivia) throw new Error('demo pupil Olivia Clarke missing');
  used.add(olivia.id);
  const reviewDay = aheadSchoolDay(today, 35);
  const meetingDay = agoDay(5);
  const mother = olivia.contact ?? { name: 'Emma Clarke', relationship: 'Mother', phone: '07700 910004' };
  const careV1: PlanContentShape = {
    sections: {
      condition:
        'Olivia has told us that she often feels anxious, mostly about friendships and schoolwork. It is hardest in the days before tests and on Monday mornings, and it has been affecting her sleep. When she is anxious she may go quiet, become tearful or say she feels sick. Her mum sees the same at home.',
      requirements:
        'Seat Olivia near the door where you can. Give her notice before asking her to read aloud or present, and let her present to you alone if she asks. Check with her before putting her in a group with people she does not know well. On trips, tell her the plan for the day in advance and who her adult is.',
      medication: 'None taken in school. Olivia does not take any regular medication.',
      emergency:
        'If Olivia becomes very upset: speak quietly, offer her a drink of water and somewhere calm to sit (the Student Services quiet room), and let Student Services know. If she has not settled after 20 minutes, or you are worried about her, Student Services will phone her mum. If she is unwell, call a first aider as usual.',
      schoolProvides:
        'A check-in with Ms Lee (ELSA) every other Tuesday morning. The Student Services quiet room at break and lunch. Meet and greet on Monday mornings. Mr Patel keeps in touch with home every half term.',
      homeDoes:
        'A calm wind-down routine in the evening, with phones off at 9pm. Olivia’s mum lets Ms Lee or Mr Patel know if Olivia has had a difficult evening or weekend, so school is ready for her in the morning.',
    },
    adjustments: {
      keyPerson: 'Grace Lee (ELSA), Student Services. Olivia can ask for her at any time.',
      safeSpace: 'The Student Services quiet room, at break, at lunch and whenever her key person agrees.',
      meetAndGreet: 'Ms Lee meets Olivia at the side gate at 8.35 on Monday mornings and walks in with her.',
    },
    contacts: [mother],
    safetyScale: null,
  };
  const careV2: PlanContentShape = {
    ...careV1,
    sections: {
      ...careV1.sections,
      schoolProvides:
        'A 20-minute check-in with Ms Lee (ELSA) every Tuesday morning. The Student Services quiet room at break and lunch. Meet and greet on Monday mornings. An exit card, so she can leave a lesson for a few minutes. Mr Patel keeps in touch with home every half term.',
      forPupil:
        'Ms Lee will see you every Tuesday morning for a chat. On Mondays she will meet you at the side gate. If a lesson gets too much, show your card and go to Student Services for up to ten minutes, then go back. You can use the quiet room at break and lunch. At home, try to put your phone away at 9pm. If you are worried, tell Ms Lee or any adult you trust.',
    },
    adjustments: {
      ...careV1.adjustments,
      exitCard:
        'Olivia may show her card and leave the lesson for up to ten minutes. She goes to Student Services and then comes back to the lesson. Please do not ask her why in front of the class.',
    },
  };
  const careCreated = ago(35, 10, 15);
  const careAgreed1 = ago(34, 14, 0);
  const meetingAt = londonAt(meetingDay, 15, 30);
  const meetingEnd = londonAt(meetingDay, 16, 20);
  const v2At = londonAt(meetingDay, 16, 40);
  const v2Agreed = ago(4, 11, 5);
  const carePlanId = await writePlan(tx, {
    schoolId,
    pupilId: olivia.id,
    kind: 'care',
    leadUserId: smhl,
    agreementsNeeded: ['pupil', 'parent'],
    reviewDue: reviewDay,
    shareWithTeaching: true,
    parentShareable: true,
    versions: [
      { content: careV1, reason: null, by: smhl, at: careCreated, agreed: { by: smhl, at: careAgreed1 } },
      {
        content: careV2,
        reason: 'Updated after review: exit card added, and check-ins with Ms Lee are now weekly.',
        by: smhl,
        at: v2At,
        agreed: { by: smhl, at: v2Agreed },
      },
    ],
    sharedWith: [
      { userId: elsa, by: smhl, at: careAgreed1 },
      { userId: user('support'), by: smhl, at: careAgreed1 },
    ],
    agreements: [
      {
        version: 1,
        party: 'pupil',
        name: 'Olivia Clarke',
        relationship: '',
        how: 'in_person',
        agreedOn: agoDay(34),
        note: 'Read the plan with Ms Lee and chose the quiet room as her safe space.',
        recordedBy: smhl,
        recordedAt: ago(34, 13, 30),
      },
      {
        version: 1,
        party: 'parent',
        name: mother.name,
        relationship: mother.relationship,
        how: 'phone',
        agreedOn: agoDay(34),
        recordedBy: smhl,
        recordedAt: ago(34, 13, 50),
      },
      {
        version: 2,
        party: 'parent',
        name: mother.name,
        relationship: mother.relationship,
        how: 'meeting',
        agreedOn: meetingDay,
        note: 'Agreed the exit card and weekly check-ins at the parent meeting.',
        recordedBy: smhl,
        recordedAt: londonAt(meetingDay, 16, 45),
      },
      {
        version: 2,
        party: 'pupil',
        name: 'Olivia Clarke',
        relationship: '',
        how: 'in_person',
        agreedOn: agoDay(4),
        note: 'Went through the updated plan with Ms Lee at her check-in and is happy with it.',
        recordedBy: smhl,
        recordedAt: ago(4, 11, 0),
      },
    ],
    reads: [
      { version: 1, userId: elsa, at: ago(33, 8, 50) },
      { version: 1, userId: user('support'), at: ago(32, 12, 40) },
      { version: 2, userId: elsa, at: ago(4, 13, 0) },
    ],
    reviews: [
      {
        version: 1,
        reviewedOn: meetingDay,
        whatWasDone:
          'Fortnightly check-ins with Ms Lee since the plan began; meet and greet on Monday mornings; the quiet room at lunch. A parent meeting today with Olivia and her mum.',
        whatChanged:
          'Olivia settles more quickly in the mornings and uses the quiet room less often. Lessons in the days before tests are still hard, and she would like a way to step out for a few minutes without explaining in front of the class. Agreed to add an exit card and make the check-ins weekly; the rest of the plan stays the same.',
        nextReviewOn: reviewDay,
        recordedBy: smhl,
        recordedAt: londonAt(meetingDay, 16, 30),
      },
    ],
  });

  const oliviaAttendees: { kind: AttendeeKind; userId: string | null; name: string; role: string }[] = [
    { kind: 'staff', userId: smhl, name: 'Sam Patel', role: 'Senior Mental Health Lead' },
    { kind: 'parent', userId: null, name: mother.name, role: mother.relationship },
    { kind: 'pupil', userId: null, name: 'Olivia Clarke', role: '' },
  ];
  const [parentMeeting] = await tx
    .insert(meetings)
    .values({
      schoolId,
      pupilId: olivia.id,
      kind: 'parent',
      heldAt: meetingAt,
      place: 'Meeting room 2, Student Services',
      attendees: oliviaAttendees,
      aims: 'To hear from Olivia and her mum how the care plan is going since Olivia was upset after PE, to agree whether anything should change, and to agree next steps.',
      notes:
        'Olivia said the check-ins with Ms Lee help and she would like them every week. She finds lessons hardest in the days before tests and asked for a way to leave for a few minutes without having to explain in front of the class. Her mum said mornings before tests are the hardest at home, and that Olivia has been sleeping better since they started a wind-down routine.\n\nWe agreed to add an exit card (Olivia goes to Student Services for up to ten minutes, then back to the lesson) and to make the check-ins weekly. Everything else in the plan stays the same. Olivia will tell Ms Lee how the card is working. We will meet again by the plan’s review date to see how it is going.',
      planId: carePlanId,
      createdBy: smhl,
      createdAt: ago(9, 9, 10),
      completedAt: meetingEnd,
      completedBy: smhl,
      updatedAt: meetingEnd,
    })
    .returning({ id: meetings.id });
  if (!parentMeeting) throw new Error('demo meeting not created');
  await tx.insert(meetingActions).values([
    {
      schoolId,
      meetingId: parentMeeting.id,
      description: 'Give Olivia her exit card and tell her teachers how it works',
      ownerUserId: smhl,
      ownerName: 'Sam Patel',
      dueOn: agoDay(3),
      createdBy: smhl,
      createdAt: meetingEnd,
      completedAt: ago(4, 12, 10),
      completedBy: smhl,
      completionNote: 'Card given to Olivia at her check-in. Her teachers have been told by e-mail.',
    },
    {
      schoolId,
      meetingId: parentMeeting.id,
      description: 'Keep a short note at home of the mornings that feel hardest, and bring it to the review meeting',
      ownerUserId: null,
      ownerName: `${mother.name} (${mother.relationship.toLowerCase()})`,
      dueOn: reviewDay,
      createdBy: smhl,
      createdAt: meetingEnd,
    },
  ]);
  await tx.insert(meetings).values({
    schoolId,
    pupilId: olivia.id,
    kind: 'mh_review',
    heldAt: londonAt(reviewDay, 15, 30),
    place: 'Meeting room 2, Student Services',
    attendees: [...oliviaAttendees, { kind: 'staff', userId: elsa, name: 'Grace Lee', role: 'ELSA and key person' }],
    aims: 'To review Olivia’s care plan now that she has had the exit card for a few weeks: how often she has used it, how the mornings before tests have been at home, and whether anything in the plan should change.',
    planId: carePlanId,
    createdBy: smhl,
    createdAt: ago(4, 9, 0),
    updatedAt: ago(4, 9, 0),
  });

  // ---- The 9W pupil at the highest level: crisis plan (review overdue) and risk assessment. ----
  const nineW = highestIn(roll, '9W', used);
  if (nineW) {
    used.add(nineW.id);
    const given = nineW.preferredName ?? nineW.givenName;
    const family = familyOf(nineW, given);
    const parentName = nineW.contact?.name ?? family;
    const hospitalDay = agoDay(35);
    const crisisDay = agoDay(33);
    const crisisAt = londonAt(crisisDay, 14, 30);
    const crisisAgreed = londonAt(crisisDay, 15, 45);
    const crisisDue = addDays(today, -3);
    const crisisContent: PlanContentShape = {
      sections: {
        background: `On ${spoken(hospitalDay)}, ${given} went to A&E at Riverbank General Hospital with ${family} after a period of severe distress at home. ${given} was seen by the hospital’s children’s mental health liaison team and went home the same night. The Riverbank CAMHS crisis team is now supporting ${given} and the family, and has shared the emergency steps below with school. ${given} came back to school on ${spoken(crisisDay)}.`,
        warningSigns: `Going very quiet or sitting apart from friends. Asking to leave lessons often, or not arriving at a lesson. Saying that everything feels too much or that nothing will help. Looking very tired, or not eating at lunch. These were seen in the weeks before the hospital visit.`,
        emergency: `1. Stay with ${given} and do not leave ${given} alone. Speak calmly and listen.\n2. Send for Student Services (or phone reception) so the DSL on duty or Mr Patel comes at once.\n3. Mr Patel or the DSL on duty phones ${parentName} and the CAMHS crisis team (numbers below).\n4. If ${given} is hurt or unwell, or you think ${given} is in immediate danger, call 999 first and then tell the DSL on duty.`,
        staffMust: `Read this plan and confirm in Tandem that you have read it. If ${given} asks to leave a lesson, allow it, and phone Student Services straight away so someone meets ${given} there. Do not talk about the hospital visit with ${given} in front of others, or with other pupils. Log any worry as a concern in Tandem the same day.`,
        schoolProvides: `A morning check-in with Mr Fletcher (pastoral lead) at 8.40 in the pastoral office. A pass to the Student Services quiet room at any time. Mr Patel keeps in weekly contact with home and with the CAMHS worker.`,
        homeDoes: `${parentName} tells school by 8.30 if there has been a difficult night, and shares what school needs to know after each CAMHS appointment. The family keeps medicines stored safely at home, as the crisis team advised.`,
      },
      adjustments: {
        timetable: `May arrive at 9.00 rather than 8.40 on the morning after a CAMHS appointment.`,
        keyPerson: 'Tom Fletcher (pastoral lead).',
        safeSpace: 'The Student Services quiet room.',
        exitCard: `${given} has a pass to go to Student Services at any time; no questions in front of the class.`,
      },
      contacts: contactsOf(nineW, CAMHS_CRISIS),
      safetyScale: null,
    };
    await writePlan(tx, {
      schoolId,
      pupilId: nineW.id,
      kind: 'crisis',
      leadUserId: smhl,
      agreementsNeeded: ['parent'],
      reviewDue: crisisDue,
      // Already reminded (see the alert below), so starting the demo sends nothing.
      reviewReminderFor: crisisDue,
      shareWithTeaching: true,
      parentShareable: true,
      versions: [
        { content: crisisContent, reason: null, by: smhl, at: crisisAt, agreed: { by: smhl, at: crisisAgreed } },
      ],
      sharedWith: [
        { userId: user('pastoral'), by: smhl, at: crisisAgreed },
        { userId: user('firstAider'), by: smhl, at: crisisAgreed },
      ],
      agreements: nineW.contact
        ? [
            {
              version: 1,
              party: 'parent',
              name: nineW.contact.name,
              relationship: nineW.contact.relationship,
              how: 'meeting',
              agreedOn: crisisDay,
              note: `Agreed at the return-to-school meeting, with ${given}.`,
              recordedBy: smhl,
              recordedAt: londonAt(crisisDay, 15, 40),
            },
          ]
        : [],
      reads: [
        { version: 1, userId: user('tutor'), at: ago(32, 8, 35) },
        { version: 1, userId: user('pastoral'), at: ago(32, 8, 20) },
        { version: 1, userId: user('firstAider'), at: ago(32, 10, 5) },
      ],
    });
    // The reminder the job would have sent on the first day the review was overdue (unread).
    await tx.insert(alerts).values({
      schoolId,
      userId: smhl,
      kind: 'plan_reviews_overdue',
      concernId: null,
      message: alertMessage('plan_reviews_overdue'),
      createdAt: new Date(londonAt(addDays(crisisDue, 1), 0, 0).getTime() + 30_000),
      readAt: null,
    });

    const riskAt = ago(3, 11, 0);
    const riskContent: PlanContentShape = {
      sections: {
        risks: `Written for the mock exams in the coming weeks. ${given} is still recovering and can become overwhelmed in busy or pressured situations. The main risks in school are leaving a lesson or the site without telling anyone, and being alone when very distressed. Judged medium at present: lower on an ordinary day, higher before and during exams and after a difficult night.`,
        triggers:
          'Exams and tests, and the days just before them. Crowded corridors and the dining hall. Being asked to speak in front of the class. Falling out with friends online.',
        warningSigns:
          'Going quiet and withdrawn, asking to leave, not arriving at a lesson, or refusing work that would usually be fine.',
        staffMust: `Take the register at the start of every lesson and phone Student Services at once if ${given} is missing. Let ${given} use the Student Services pass without questions. In the mock exams: ${given} sits in the small exam room (S4) near the door, with an invigilator ${given} knows. If ${given} leaves the room, a member of staff follows at a distance and tells Student Services. If ${given} becomes very distressed, follow the crisis plan.`,
        homeDoes: `${parentName} lets school know of anything that has made the morning difficult, and goes through the mock exam timetable with ${given} at home.`,
      },
      adjustments: {
        timetable: 'Mock exams in the small exam room (S4), with rest breaks.',
        keyPerson: 'Tom Fletcher (pastoral lead).',
        safeSpace: 'The Student Services quiet room.',
      },
      contacts: contactsOf(nineW, CAMHS_CRISIS),
      safetyScale: null,
    };
    await writePlan(tx, {
      schoolId,
      pupilId: nineW.id,
      kind: 'risk',
      leadUserId: smhl,
      agreementsNeeded: ['parent'],
      reviewDue: aheadSchoolDay(today, 28),
      shareWithTeaching: true,
      parentShareable: false,
      versions: [{ content: riskContent, reason: null, by: smhl, at: riskAt, agreed: { by: smhl, at: ago(2, 15, 0) } }],
      sharedWith: [{ userId: user('pastoral'), by: smhl, at: riskAt }],
      agreements: nineW.contact
        ? [
            {
              version: 1,
              party: 'parent',
              name: nineW.contact.name,
              relationship: nineW.contact.relationship,
              how: 'phone',
              agreedOn: agoDay(2),
              note: 'Talked through the exam arrangements by phone.',
              recordedBy: smhl,
              recordedAt: ago(2, 14, 50),
            },
          ]
        : [],
      // The pastoral lead has confirmed reading it; the tutor has not yet.
      reads: [{ version: 1, userId: user('pastoral'), at: ago(2, 9, 10) }],
    });
  }

  // ---- Signs of Safety, led by the DSL: an 8K pupil at the highest level there. ----
  const sos = highestIn(roll, '8K', used);
  if (sos) {
    used.add(sos.id);
    const given = sos.preferredName ?? sos.givenName;
    const family = familyOf(sos, given);
    const parentName = sos.contact?.name ?? family;
    const start = 52;
    const reviews = [
      {
        daysAgo: 40,
        scale: 3,
        done: 'Early release from lessons started; first two check-ins with Ms Lee; Mr Okafor and home spoke every week.',
        changed: `Early days. ${given} is still missing about two lessons a week and skipping lunch on some days. Everyone agreed the plan is right and needs time. The rating stays at 3.`,
      },
      {
        daysAgo: 25,
        scale: 5,
        done: 'Early release and weekly check-ins with Ms Lee carried on; lunch in the quiet room on hard days; GP review.',
        changed: `Missed one lesson in three weeks and eating lunch most days. ${given} is finding it easier to ask for help, and went to the quiet room twice without being prompted. The rating moves to 5.`,
      },
      {
        daysAgo: 10,
        scale: 6,
        done: 'All support carried on. CAMHS has sent an appointment. Art club started again.',
        changed: `In every lesson for the last two weeks, and ${parentName} says sleep is better. Still anxious about the CAMHS appointment and end-of-term assessments. The rating moves to 6. Next: plan how to reduce early release gently.`,
      },
    ];
    const nextReview = aheadSchoolDay(today, 14);
    await writePlan(tx, {
      schoolId,
      pupilId: sos.id,
      kind: 'signs_of_safety',
      leadUserId: dsl,
      agreementsNeeded: sos.contact ? ['parent'] : [],
      reviewDue: nextReview,
      shareWithTeaching: false,
      parentShareable: false,
      versions: [
        {
          content: {
            sections: {
              worries: `${given} has been missing lessons, sometimes two or three a week, and has been found upset in the toilets. ${given} has told us about feeling panicky in busy places and not eating at school on bad days. The GP has diagnosed an anxiety disorder and referred ${given} to CAMHS; the wait is several months.\n\nIf nothing changes, we worry that ${given} will stop coming to school, lose touch with friends and fall behind, and that the anxiety will grow during the wait for CAMHS. What makes it harder: busy corridors between lessons, the long wait, and finding it hard to ask for help.`,
              workingWell: `${given} is close to ${family}, who is in touch with school every week and has come to every meeting. ${given} gets on well with Mr Hughes (SENDCO), goes to art club on Tuesdays and has a good friend in 8K. The GP is involved and the CAMHS referral has been made.`,
              needsToHappen: `Early release from lessons (five minutes) to avoid the busiest corridors. A weekly check-in with Ms Lee (ELSA). Lunch in the Student Services quiet room on hard days. Mr Okafor keeps in touch with the GP and CAMHS, with the family’s consent.\n\nSafe enough would look like: ${given} in every lesson for four weeks running, eating at school, and telling an adult when feeling panicky.`,
            },
            adjustments: {},
            contacts: [],
            safetyScale: 3,
          },
          reason: null,
          by: dsl,
          at: ago(start, 14, 0),
          agreed: sos.contact ? { by: dsl, at: ago(start, 16, 30) } : undefined,
        },
      ],
      agreements: sos.contact
        ? [
            {
              version: 1,
              party: 'parent',
              name: sos.contact.name,
              relationship: sos.contact.relationship,
              how: 'meeting',
              agreedOn: agoDay(start),
              note: `Worked out together with ${given} at the first meeting.`,
              recordedBy: dsl,
              recordedAt: ago(start, 16, 25),
            },
          ]
        : [],
      reviews: reviews.map((r, i) => ({
        version: 1,
        reviewedOn: agoDay(r.daysAgo),
        whatWasDone: r.done,
        whatChanged: r.changed,
        nextReviewOn: i + 1 < reviews.length ? agoDay(reviews[i + 1]?.daysAgo ?? 0) : nextReview,
        safetyScale: r.scale,
        recordedBy: dsl,
        recordedAt: ago(r.daysAgo, 16, 0),
      })),
    });
  }
}

/** Willow Brook: one care plan written last week, waiting for a parent's agreement. */
async function seedWillow(tx: DbOrTx, schoolId: string, user: UserOf, today: string, ago: Ago): Promise<void> {
  const roll = await loadRoll(tx, schoolId);
  const pupil = highestIn(roll, '6Oak', new Set());
  if (!pupil) return;
  const head = user('willowHead');
  const given = pupil.preferredName ?? pupil.givenName;
  const family = familyOf(pupil, given);
  const at = ago(6, 15, 20);
  await writePlan(tx, {
    schoolId,
    pupilId: pupil.id,
    kind: 'care',
    leadUserId: head,
    agreementsNeeded: ['parent'],
    reviewDue: aheadSchoolDay(today, 42),
    shareWithTeaching: true,
    parentShareable: true,
    versions: [
      {
        content: {
          sections: {
            condition: `${given} has been finding it very hard to say goodbye in the mornings and worries about being away from home during the school day. ${family.charAt(0).toUpperCase()}${family.slice(1)} sees the same worries at bedtime.`,
            emergency: `If ${given} becomes very upset, a familiar adult takes ${given} to the library corner to calm down. If ${given} has not settled after 20 minutes, the office phones home.`,
            schoolProvides: `A calm start: ${given} helps in the library for ten minutes before the bell. A worry box in class, read with Mrs Adams on Fridays. Weekly nurture group on Wednesday afternoons.`,
            homeDoes: `A short, cheerful goodbye at the gate, and a chat at bedtime about one good thing from the day.`,
          },
          adjustments: {
            meetAndGreet: 'Meets a member of staff at the office door at 8.40 each morning.',
            safeSpace: 'The library corner.',
          },
          contacts: contactsOf(pupil),
          safetyScale: null,
        },
        reason: null,
        by: head,
        at,
      },
    ],
  });
}
