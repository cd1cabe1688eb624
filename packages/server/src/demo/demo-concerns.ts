/**
 * Demo concerns for Kingsmead Academy, as staff might have logged them over the last few weeks:
 * some new in the Mental Health Lead's queue (one where the pupil is telling their parents first),
 * some being worked on with actions (one overdue), one closed with an outcome, one urgent concern
 * in the restricted safeguarding record that the DSL picked up at once, and Olivia Clarke's one
 * concern with the record that her parents were told, and a medical emergency (urgent, alerted to
 * the DSL team and the SMHL at once) closed with one action carried to the pupil's case and one
 * dropped with its reason. Also the DSL duty rota and the alerts these
 * would have raised. Written calmly and factually, with no graphic detail; every name is made up.
 *
 * Inserted set-based inside the demo transaction. Demo history is not audited (nobody did these
 * things), so the audit trail starts clean and its chain stays valid.
 */
import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { ConcernOutcome, DisclosureConsent, ParentsToldHow, WarningSign } from '@tandem/core';
import { alerts, concernActions, concernAddenda, concernPupils, concerns, dslDuty, pupils } from '@tandem/core/schema';
import { alertMessage } from '../platform/alerts';
import type { DbOrTx } from '../db/client';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const EMAIL = {
  head: 'helen.carter@kingsmead.example',
  smhl: 'sam.patel@kingsmead.example',
  dsl: 'chris.okafor@kingsmead.example',
  deputy: 'lucy.evans@kingsmead.example',
  sendco: 'mark.hughes@kingsmead.example',
  pastoral: 'tom.fletcher@kingsmead.example',
  elsa: 'grace.lee@kingsmead.example',
  tutor: 'ben.wright@kingsmead.example',
  support: 'kate.murphy@kingsmead.example',
  firstAider: 'dan.price@kingsmead.example',
} as const;
type Who = keyof typeof EMAIL;

interface DemoAction {
  description: string;
  owner: Who;
  by: Who;
  /** Days after logging that it was agreed. */
  addedAfterDays: number;
  /** Due this many days from today (negative: in the past). */
  dueInDays: number;
  completedAfterDays?: number;
  note?: string;
  /** Still open when its concern closed: carried to the pupil's case, or dropped with this reason. */
  atClose?: 'carried' | { dropped: string };
}

interface DemoConcern {
  pupil: { form: string; index: number } | 'olivia';
  by: Who;
  /** When it was logged: days ago, at this UK-ish hour (UTC). Hours ago when `hoursAgo` is set. */
  daysAgo: number;
  at: [number, number];
  hoursAgo?: number;
  location: string;
  account: string;
  pupilWords?: string;
  warningSigns: WarningSign[];
  riskOfImmediateHarm?: boolean;
  possibleChildProtection?: boolean;
  medicalEmergency?: boolean;
  disclosure?: { toldWho: string; toldWhat: string; toldWhy: string; consent: DisclosureConsent; consentNote?: string };
  acknowledged?: { by: Who; afterMinutes: number };
  actions?: DemoAction[];
  addenda?: { by: Who; afterDays: number; reason: string; text: string }[];
  parents?: { kind: 'told'; how: ParentsToldHow; by: Who; afterDays: number } | { kind: 'pupil_telling' };
  closed?: { by: Who; afterDays: number; outcome: ConcernOutcome; note: string };
}

const DEMO_CONCERNS: DemoConcern[] = [
  {
    pupil: { form: '9W', index: 0 },
    by: 'tutor',
    daysAgo: 25,
    at: [8, 50],
    location: 'Corridor outside 9W',
    account:
      'Upset and tearful before registration after messages in a group chat overnight. Said they did not feel they could face lessons. Sat with me for ten minutes and then went to period 1.',
    warningSigns: ['anxiety_anger_moodiness', 'withdrawal'],
    acknowledged: { by: 'smhl', afterMinutes: 95 },
    addenda: [
      {
        by: 'tutor',
        afterDays: 1,
        reason: 'Further information',
        text: 'Pupil told me this morning that things are better after talking with the friends involved.',
      },
    ],
    actions: [
      {
        description: 'Pastoral check-in about friendships',
        owner: 'pastoral',
        by: 'smhl',
        addedAfterDays: 0,
        dueInDays: -20,
        completedAfterDays: 4,
        note: 'Met with the pupil and two friends; agreed how to handle the group chat.',
      },
    ],
    parents: { kind: 'told', how: 'phone', by: 'smhl', afterDays: 1 },
    closed: {
      by: 'smhl',
      afterDays: 7,
      outcome: 'monitor',
      note: 'Friendship difficulty resolved with pastoral support and the pupil has settled. Tutor to keep an eye and log again if anything changes.',
    },
  },
  {
    pupil: { form: '11K', index: 0 },
    by: 'firstAider',
    daysAgo: 16,
    at: [11, 5],
    location: 'First aid room',
    account:
      'Came to first aid with a headache for the fourth time in two weeks. No injury. Said they have not been sleeping well and feel sick before tests.',
    warningSigns: ['physical_pain', 'sleep_routine'],
    acknowledged: { by: 'sendco', afterMinutes: 60 * 22 },
    actions: [
      {
        description: 'Meet the pupil to talk about sleep and worries about tests',
        owner: 'pastoral',
        by: 'sendco',
        addedAfterDays: 1,
        dueInDays: -12,
        completedAfterDays: 3,
        note: 'Agreed a quiet space before tests and a simple sleep routine to try. Pupil to see me again after the mocks.',
      },
    ],
    parents: { kind: 'told', how: 'phone', by: 'sendco', afterDays: 2 },
  },
  {
    pupil: 'olivia',
    by: 'support',
    daysAgo: 12,
    at: [13, 20],
    location: 'Changing rooms after PE',
    account:
      'Olivia was tearful after PE and said she has been worrying a lot about friendships and schoolwork. She was happy to talk, calmed quickly and went to her next lesson.',
    warningSigns: ['anxiety_anger_moodiness'],
    acknowledged: { by: 'smhl', afterMinutes: 60 * 20 },
    actions: [
      {
        description: 'Meet Olivia to agree what helps her in school',
        owner: 'elsa',
        by: 'smhl',
        addedAfterDays: 1,
        dueInDays: -7,
        completedAfterDays: 4,
        note: 'Olivia chose a weekly check-in with ELSA and a card to leave class if she needs a few minutes.',
      },
    ],
    parents: { kind: 'told', how: 'phone', by: 'smhl', afterDays: 1 },
  },
  {
    pupil: { form: '10W', index: 0 },
    by: 'support',
    daysAgo: 10,
    at: [14, 10],
    location: 'Library',
    account:
      'Found in the library during lesson time looking upset. Said they had fallen out with friends and did not want to go back to class. Calmed after a few minutes and returned to the lesson with me.',
    warningSigns: ['anxiety_anger_moodiness', 'isolation_friends_family'],
    acknowledged: { by: 'smhl', afterMinutes: 60 * 19 },
    actions: [
      {
        description: 'Check in briefly at the start of each day for two weeks',
        owner: 'elsa',
        by: 'smhl',
        addedAfterDays: 1,
        dueInDays: 4,
      },
      {
        description: 'Phone home to share the concern and agree next steps',
        owner: 'smhl',
        by: 'smhl',
        addedAfterDays: 1,
        dueInDays: -3,
      },
    ],
  },
  {
    pupil: { form: '8K', index: 0 },
    by: 'support',
    daysAgo: 3,
    at: [10, 40],
    location: 'Playground at break',
    account:
      'At the end of break the pupil asked to talk to me and said they did not want to go home tonight because of arguments at home. They did not want to say more. I stayed with them and took them to Mr Okafor straight away.',
    pupilWords: 'I don’t want to go home tonight.',
    warningSigns: ['anxiety_anger_moodiness'],
    possibleChildProtection: true,
    disclosure: {
      toldWho: 'Mr Okafor, the Designated Safeguarding Lead',
      toldWhat: 'What they had told me about home',
      toldWhy: 'Because I have to pass it on so that school can help keep them safe',
      consent: 'not_sought',
      consentNote: 'Information about possible harm must go to the DSL; I explained this to the pupil.',
    },
    acknowledged: { by: 'dsl', afterMinutes: 8 },
    addenda: [
      {
        by: 'dsl',
        afterDays: 0,
        reason: 'DSL follow-up',
        text: 'Spoke with the pupil with Ms Murphy present. Advice taken from the local authority front door; reference recorded on the safeguarding file. Agreed the pupil checks in with the DSL team each morning this week.',
      },
    ],
    actions: [
      {
        description: 'Morning check-in with the pupil each day this week',
        owner: 'deputy',
        by: 'dsl',
        addedAfterDays: 0,
        dueInDays: 2,
      },
    ],
  },
  {
    pupil: { form: '9W', index: 1 },
    by: 'tutor',
    daysAgo: 2,
    at: [8, 50],
    location: 'Form room 9W',
    account:
      'Sat apart from their usual group during registration for the third morning running and did not want to join in the form quiz. Usually chatty. Said they were “just tired”.',
    warningSigns: ['withdrawal', 'activity_mood'],
  },
  {
    pupil: { form: '7K', index: 0 },
    by: 'support',
    daysAgo: 1,
    at: [12, 40],
    location: 'Dining hall',
    account:
      'Has left lunch untouched on most days this week and said they were not hungry. Looked tired in the afternoon lesson.',
    warningSigns: ['eating_sleeping'],
  },
  {
    pupil: { form: '9W', index: 2 },
    by: 'tutor',
    daysAgo: 0,
    at: [0, 0],
    hoursAgo: 5,
    location: 'Form room 9W, after period 2',
    account:
      'Stayed behind after the lesson and told me they have been feeling very low for a few weeks and are worried about their mock exams. They have not told anyone at home yet and want to tell their mum themselves this evening.',
    pupilWords: 'I don’t want Mum to worry. I’ll tell her tonight.',
    warningSigns: ['hopelessness', 'anxiety_anger_moodiness'],
    disclosure: {
      toldWho: 'Mr Patel, the Mental Health Lead',
      toldWhat: 'That they have been feeling low and are worried about exams',
      toldWhy: 'So that school can help and make sure they get the right support',
      consent: 'given',
    },
    parents: { kind: 'pupil_telling' },
  },
  {
    // A medical emergency: urgent, so the DSL team and the SMHL were alerted at once; closed with
    // one action done, one carried to the pupil's case (still open) and one dropped with a reason.
    pupil: { form: '10K', index: 0 },
    by: 'firstAider',
    daysAgo: 9,
    at: [12, 40],
    location: 'First aid room',
    account:
      'Came to first aid feeling faint and said they had taken more of their prescribed tablets than they should. Stayed with them, called 999 and the office phoned home; a parent met the ambulance. Back in school two days later.',
    warningSigns: ['self_care_risky'],
    medicalEmergency: true,
    acknowledged: { by: 'dsl', afterMinutes: 4 },
    actions: [
      {
        description: 'Meet the pupil and a parent on their return to agree support in school',
        owner: 'smhl',
        by: 'dsl',
        addedAfterDays: 0,
        dueInDays: -6,
        completedAfterDays: 2,
        note: 'Met with the pupil and their dad; agreed a daily check-in and a pass to leave lessons if needed.',
      },
      {
        description: 'Weekly check-in with the ELSA for the rest of term',
        owner: 'elsa',
        by: 'smhl',
        addedAfterDays: 2,
        dueInDays: 12,
        atClose: 'carried',
      },
      {
        description: 'Refer to the school counsellor',
        owner: 'smhl',
        by: 'smhl',
        addedAfterDays: 2,
        dueInDays: 5,
        atClose: {
          dropped:
            'The GP has referred the pupil to CAMHS, who are seeing them; the family asked us not to add another service.',
        },
      },
    ],
    parents: { kind: 'told', how: 'phone', by: 'smhl', afterDays: 0 },
    closed: {
      by: 'smhl',
      afterDays: 5,
      outcome: 'monitor',
      note: 'Pupil back in school and supported by CAMHS. The ELSA check-ins carry on as case work.',
    },
  },
];

/** Earlier in the year: each dealt with, its parents told, and closed. None of them restricted but one. */
const EARLIER_CONCERNS: DemoConcern[] = [
  {
    pupil: { form: '10W', index: 2 },
    by: 'tutor',
    daysAgo: 320,
    at: [9, 15],
    location: 'Form room 10W',
    account:
      'Quiet and withdrawn in form time for the last two weeks. Said that things at home are busy and they are tired. Not eating at break.',
    warningSigns: ['withdrawal', 'eating_sleeping'],
    acknowledged: { by: 'smhl', afterMinutes: 140 },
    parents: { kind: 'told', how: 'phone', by: 'smhl', afterDays: 1 },
    closed: {
      by: 'smhl',
      afterDays: 12,
      outcome: 'level_changed',
      note: 'Level recorded and weekly check-ins with the tutor agreed. Parent aware and supportive.',
    },
  },
  {
    pupil: { form: '8W', index: 3 },
    by: 'support',
    daysAgo: 285,
    at: [13, 40],
    location: 'Library',
    account:
      'Found in the library at lunch most days this half term, on their own. Said they have fallen out with their friendship group and do not want to go outside.',
    warningSigns: ['isolation_friends_family', 'anxiety_anger_moodiness'],
    acknowledged: { by: 'sendco', afterMinutes: 60 * 5 },
    actions: [
      {
        description: 'Invite the pupil to the lunchtime club',
        owner: 'pastoral',
        by: 'sendco',
        addedAfterDays: 1,
        dueInDays: -275,
        completedAfterDays: 3,
        note: 'Pupil joined the club and goes most days.',
      },
    ],
    parents: { kind: 'told', how: 'email', by: 'sendco', afterDays: 2 },
    closed: {
      by: 'sendco',
      afterDays: 21,
      outcome: 'monitor',
      note: 'Settled into the lunchtime club and has made new friends. Tutor to keep an eye.',
    },
  },
  {
    pupil: { form: '7K', index: 5 },
    by: 'tutor',
    daysAgo: 264,
    at: [10, 5],
    location: 'Classroom 7K',
    account:
      'Late to school six times this month and missed two mornings. Said they are worried about their mum, who has been unwell.',
    warningSigns: ['lateness_absence', 'life_event'],
    acknowledged: { by: 'smhl', afterMinutes: 60 * 3 },
    parents: { kind: 'told', how: 'meeting', by: 'smhl', afterDays: 4 },
    closed: {
      by: 'smhl',
      afterDays: 18,
      outcome: 'intervention',
      note: 'Young carers group offered and taken up. Attendance improving.',
    },
  },
  {
    pupil: { form: '11W', index: 1 },
    by: 'firstAider',
    daysAgo: 208,
    at: [11, 20],
    location: 'Sports hall',
    account:
      'Had a panic attack before the PE exam practical: breathing fast, shaking and said their chest hurt. Calmed with breathing exercises; parent collected them.',
    warningSigns: ['anxiety_anger_moodiness', 'physical_pain'],
    medicalEmergency: true,
    acknowledged: { by: 'dsl', afterMinutes: 12 },
    parents: { kind: 'told', how: 'phone', by: 'dsl', afterDays: 0 },
    closed: {
      by: 'smhl',
      afterDays: 9,
      outcome: 'plan',
      note: 'Exam access arrangements and a support plan agreed with the pupil and parent.',
    },
  },
  {
    pupil: { form: '9K', index: 2 },
    by: 'tutor',
    daysAgo: 180,
    at: [8, 45],
    location: 'Form room 9K',
    account: 'Pupil asked to speak to me privately and told me about something that happened at home.',
    warningSigns: ['life_event'],
    possibleChildProtection: true,
    acknowledged: { by: 'dsl', afterMinutes: 20 },
    closed: { by: 'dsl', afterDays: 14, outcome: 'other', note: 'Handled by the DSL; see the restricted record.' },
  },
  {
    pupil: { form: '10K', index: 4 },
    by: 'pastoral',
    daysAgo: 166,
    at: [14, 10],
    location: 'Pastoral office',
    account:
      'Pupil says they are not sleeping because of worries about exams and are struggling to keep up with coursework. Tearful when we talked.',
    warningSigns: ['sleep_routine', 'hopelessness', 'achievement'],
    acknowledged: { by: 'smhl', afterMinutes: 60 * 26 },
    parents: { kind: 'told', how: 'phone', by: 'smhl', afterDays: 2 },
    closed: {
      by: 'smhl',
      afterDays: 25,
      outcome: 'level_changed',
      note: 'Level recorded; study support and ELSA sessions in place.',
    },
  },
  {
    pupil: { form: '9W', index: 4 },
    by: 'tutor',
    daysAgo: 151,
    at: [15, 30],
    location: 'Classroom 9W',
    account: 'Snapping at friends and walked out of two lessons this week. Said they are fed up and nobody listens.',
    warningSigns: ['anxiety_anger_moodiness', 'activity_mood'],
    acknowledged: { by: 'sendco', afterMinutes: 60 * 20 },
    parents: { kind: 'told', how: 'phone', by: 'sendco', afterDays: 1 },
    closed: {
      by: 'sendco',
      afterDays: 10,
      outcome: 'no_further_action',
      note: 'A difficult week that has passed; the pupil is back to themselves.',
    },
  },
];

function loggedAtOf(c: DemoConcern, now: Date): Date {
  if (c.hoursAgo !== undefined) return new Date(now.getTime() - c.hoursAgo * HOUR);
  const d = new Date(now.getTime() - c.daysAgo * DAY);
  d.setUTCHours(c.at[0], c.at[1], 0, 0);
  return d;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Load the demo concerns, alerts and DSL duty rota into Kingsmead Academy. */
export async function seedDemoConcerns(
  tx: DbOrTx,
  o: { schoolId: string; userIds: ReadonlyMap<string, string>; now: Date },
): Promise<void> {
  await insertDemoConcerns(tx, o, DEMO_CONCERNS, 1);
  const user = (who: Who): string => {
    const id = o.userIds.get(EMAIL[who]);
    if (!id) throw new Error(`demo user ${who} missing`);
    return id;
  };
  const { schoolId } = o;
  const office = 'Safeguarding office, room G12, next to Student Services';
  const services = 'Student Services, ground floor (or ask the main office to call her)';
  await tx.insert(dslDuty).values([
    { schoolId, weekday: 1, userId: user('dsl'), whereToFind: office },
    { schoolId, weekday: 2, userId: user('deputy'), whereToFind: services },
    { schoolId, weekday: 3, userId: user('dsl'), whereToFind: office },
    { schoolId, weekday: 4, userId: user('deputy'), whereToFind: services },
    { schoolId, weekday: 5, userId: user('dsl'), whereToFind: office },
  ]);
}

/**
 * Concerns from earlier in the year (the spring and summer terms), all dealt with and closed, so
 * the reports have more than one term to show. Loaded after every other part of the demo, which
 * was written around the recent concerns only; references are then numbered again in the order
 * the concerns were logged.
 */
export async function seedEarlierDemoConcerns(
  tx: DbOrTx,
  o: { schoolId: string; userIds: ReadonlyMap<string, string>; now: Date },
): Promise<void> {
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(concerns)
    .where(eq(concerns.schoolId, o.schoolId));
  await insertDemoConcerns(tx, o, EARLIER_CONCERNS, n + 1);
  // Two steps, so no reference is ever held by two concerns at once.
  await tx.execute(sql`update concerns set reference = 'renumber-' || id where school_id = ${o.schoolId}::uuid`);
  await tx.execute(sql`
    update concerns set reference = v.reference
    from (
      select id, 'C-' || extract(year from logged_at)::int || '-' ||
        lpad((row_number() over (partition by extract(year from logged_at) order by logged_at, id))::text, 4, '0') as reference
      from concerns where school_id = ${o.schoolId}::uuid
    ) v
    where concerns.id = v.id`);
}

async function insertDemoConcerns(
  tx: DbOrTx,
  o: { schoolId: string; userIds: ReadonlyMap<string, string>; now: Date },
  list: readonly DemoConcern[],
  firstNumber: number,
): Promise<void> {
  const { schoolId, now } = o;
  const user = (who: Who): string => {
    const id = o.userIds.get(EMAIL[who]);
    if (!id) throw new Error(`demo user ${who} missing`);
    return id;
  };
  const roll = await tx
    .select({
      id: pupils.id,
      form: pupils.form,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      userId: pupils.userId,
    })
    .from(pupils)
    .where(eq(pupils.schoolId, schoolId))
    .orderBy(asc(pupils.form), asc(pupils.familyName), asc(pupils.givenName), asc(pupils.id));
  const olivia = roll.find((p) => p.givenName === 'Olivia' && p.familyName === 'Clarke' && p.userId !== null);
  const pupilFor = (c: DemoConcern): string => {
    if (c.pupil === 'olivia') {
      if (!olivia) throw new Error('demo pupil Olivia Clarke missing');
      return olivia.id;
    }
    const { form, index } = c.pupil;
    const inForm = roll.filter((p) => p.form === form && p.id !== olivia?.id);
    const p = inForm[index];
    if (!p) throw new Error(`demo form ${form} has too few pupils`);
    return p.id;
  };

  const ordered = [...list].sort((a, b) => loggedAtOf(a, now).getTime() - loggedAtOf(b, now).getTime());
  const rows = ordered.map((c, i): typeof concerns.$inferInsert => {
    const loggedAt = loggedAtOf(c, now);
    const after = (days: number) => new Date(loggedAt.getTime() + days * DAY);
    const toDsl = Boolean(c.riskOfImmediateHarm || c.possibleChildProtection);
    const ack = c.acknowledged ? new Date(loggedAt.getTime() + c.acknowledged.afterMinutes * 60_000) : null;
    const told = c.parents?.kind === 'told' ? c.parents : null;
    const closedAt = c.closed ? after(c.closed.afterDays) : null;
    return {
      schoolId,
      reference: `C-${loggedAt.getUTCFullYear()}-${String(i + firstNumber).padStart(4, '0')}`,
      loggedBy: user(c.by),
      loggedAt,
      submissionKey: randomUUID(),
      occurredAt: new Date(loggedAt.getTime() - 10 * 60_000),
      location: c.location,
      account: c.account,
      pupilWords: c.pupilWords ?? null,
      warningSigns: c.warningSigns,
      othersPresent: '',
      riskOfImmediateHarm: c.riskOfImmediateHarm ?? false,
      possibleChildProtection: c.possibleChildProtection ?? false,
      medicalEmergency: c.medicalEmergency ?? false,
      category: toDsl ? 'safeguarding' : 'mental_health',
      route: toDsl ? 'dsl' : 'mental_health_lead',
      urgent: toDsl || Boolean(c.medicalEmergency),
      restricted: toDsl,
      isDisclosure: c.disclosure !== undefined,
      disclosureToldWho: c.disclosure?.toldWho ?? null,
      disclosureToldWhat: c.disclosure?.toldWhat ?? null,
      disclosureToldWhy: c.disclosure?.toldWhy ?? null,
      disclosureConsent: c.disclosure?.consent ?? null,
      disclosureConsentNote: c.disclosure?.consentNote ?? null,
      status: closedAt ? 'closed' : ack ? 'acknowledged' : 'open',
      acknowledgedBy: c.acknowledged ? user(c.acknowledged.by) : null,
      acknowledgedAt: ack,
      outcome: c.closed?.outcome ?? null,
      outcomeNote: c.closed?.note ?? null,
      closedBy: c.closed ? user(c.closed.by) : null,
      closedAt,
      parentsStatus: toDsl
        ? 'not_to_be_told'
        : told
          ? 'told'
          : c.parents?.kind === 'pupil_telling'
            ? 'pupil_telling'
            : 'to_be_told',
      pupilTellsBy: c.parents?.kind === 'pupil_telling' ? new Date(loggedAt.getTime() + DAY) : null,
      parentsToldAt: told ? after(told.afterDays) : null,
      parentsToldHow: told?.how ?? null,
      parentsToldBy: told ? user(told.by) : null,
      updatedAt: closedAt ?? ack ?? loggedAt,
    };
  });
  const inserted = await tx.insert(concerns).values(rows).returning({ id: concerns.id, loggedAt: concerns.loggedAt });

  const today = new Date(`${isoDate(now)}T00:00:00Z`);
  const links: (typeof concernPupils.$inferInsert)[] = [];
  const addenda: (typeof concernAddenda.$inferInsert)[] = [];
  const actions: (typeof concernActions.$inferInsert)[] = [];
  const alertRows: (typeof alerts.$inferInsert)[] = [];
  ordered.forEach((c, i) => {
    const row = inserted[i];
    if (!row) return;
    const concernId = row.id;
    const loggedAt = row.loggedAt;
    const after = (days: number) => new Date(loggedAt.getTime() + days * DAY);
    links.push({ schoolId, concernId, pupilId: pupilFor(c) });
    for (const a of c.addenda ?? []) {
      addenda.push({
        schoolId,
        concernId,
        text: a.text,
        reason: a.reason,
        addedBy: user(a.by),
        // Same-day notes land an hour after logging, so they follow it in the chronology.
        addedAt: a.afterDays === 0 ? new Date(loggedAt.getTime() + HOUR) : after(a.afterDays),
      });
    }
    for (const a of c.actions ?? []) {
      const createdAt = a.addedAfterDays === 0 ? new Date(loggedAt.getTime() + 2 * HOUR) : after(a.addedAfterDays);
      actions.push({
        schoolId,
        concernId,
        description: a.description,
        ownerUserId: user(a.owner),
        dueOn: isoDate(new Date(today.getTime() + a.dueInDays * DAY)),
        createdBy: user(a.by),
        createdAt,
        completedAt: a.completedAfterDays !== undefined ? after(a.completedAfterDays) : null,
        completedBy: a.completedAfterDays !== undefined ? user(a.owner) : null,
        completionNote: a.note ?? null,
        ...(c.closed && a.atClose === 'carried'
          ? { carriedAt: after(c.closed.afterDays), carriedBy: user(c.closed.by) }
          : {}),
        ...(c.closed && typeof a.atClose === 'object'
          ? { droppedAt: after(c.closed.afterDays), droppedBy: user(c.closed.by), dropReason: a.atClose.dropped }
          : {}),
      });
    }
    // The alerts logging would have raised: read once the concern was acknowledged.
    const toDsl = Boolean(c.riskOfImmediateHarm || c.possibleChildProtection);
    const readAt = c.acknowledged ? new Date(loggedAt.getTime() + c.acknowledged.afterMinutes * 60_000) : null;
    const urgent = toDsl || Boolean(c.medicalEmergency);
    const alerted = toDsl
      ? (['dsl', 'deputy'] as const)
      : c.medicalEmergency
        ? (['dsl', 'deputy', 'smhl', 'sendco'] as const)
        : (['smhl', 'sendco'] as const);
    for (const who of alerted) {
      alertRows.push({
        schoolId,
        userId: user(who),
        kind: urgent ? 'urgent_concern_logged' : 'concern_logged',
        concernId,
        message: alertMessage(urgent ? 'urgent_concern_logged' : 'concern_logged'),
        createdAt: loggedAt,
        readAt,
      });
    }
  });
  await tx.insert(concernPupils).values(links);
  if (addenda.length > 0) await tx.insert(concernAddenda).values(addenda);
  if (actions.length > 0) await tx.insert(concernActions).values(actions);
  if (alertRows.length > 0) await tx.insert(alerts).values(alertRows);
}
