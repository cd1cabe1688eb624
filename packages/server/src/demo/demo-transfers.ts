/**
 * The demo's term dates and a leaver, at Kingsmead:
 *  - the school's terms for 2026-27 (six half-terms) and closure days (INSET days, bank holidays),
 *    and the same terms at Willow Brook;
 *  - a pupil who left three days ago for Oakfield High School (a school using Tandem), due five school
 *    days later: the wellbeing file sent by secure e-mail and awaiting confirmation of receipt, the
 *    child-protection file (a restricted concern, closed when he left) still for the DSL team to send;
 *  - a pupil who joined from another school, with the wellbeing file received from it.
 * Inserted in the demo transaction, not audited.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import {
  addDaysToDay,
  addSchoolDays,
  makeUpn,
  londonToday,
  TRANSFER_DUE_SCHOOL_DAYS,
  type PupilRecordItem,
} from '@tandem/core';
import {
  concernPupils,
  concerns,
  pupils,
  pupilTransfers,
  receivedFiles,
  schoolClosures,
  schoolTerms,
  transferParts,
} from '@tandem/core/schema';
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../db/client';

const ADMIN = 'jo.bennett@kingsmead.example';
const SMHL = 'sam.patel@kingsmead.example';
const DSL = 'chris.okafor@kingsmead.example';

export const DEMO_TERMS_2026_27 = [
  { name: 'Autumn term 2026 (first half)', firstDay: '2026-09-02', lastDay: '2026-10-23' },
  { name: 'Autumn term 2026 (second half)', firstDay: '2026-11-02', lastDay: '2026-12-18' },
  { name: 'Spring term 2027 (first half)', firstDay: '2027-01-05', lastDay: '2027-02-12' },
  { name: 'Spring term 2027 (second half)', firstDay: '2027-02-22', lastDay: '2027-03-26' },
  { name: 'Summer term 2027 (first half)', firstDay: '2027-04-12', lastDay: '2027-05-28' },
  { name: 'Summer term 2027 (second half)', firstDay: '2027-06-07', lastDay: '2027-07-21' },
];
export const DEMO_CLOSURES_2026_27 = [
  { on: '2026-11-02', reason: 'INSET day' },
  { on: '2027-02-22', reason: 'INSET day' },
  { on: '2027-03-26', reason: 'Bank holiday (Good Friday)' },
  { on: '2027-05-03', reason: 'Bank holiday (early May)' },
  { on: '2027-07-21', reason: 'INSET day' },
];

export async function seedDemoTransfers(
  tx: DbOrTx,
  o: { schoolIds: Map<string, string>; userIds: Map<string, string>; now: Date },
): Promise<void> {
  const schoolId = o.schoolIds.get('kingsmead');
  const admin = o.userIds.get(ADMIN);
  const smhl = o.userIds.get(SMHL);
  const dsl = o.userIds.get(DSL);
  if (!schoolId || !admin || !smhl || !dsl)
    throw new Error('demo transfers: Kingsmead, its administrator, SMHL or DSL missing');
  for (const id of o.schoolIds.values()) {
    await tx
      .insert(schoolTerms)
      .values(DEMO_TERMS_2026_27.map((t) => ({ ...t, schoolId: id, createdBy: admin, createdAt: o.now })));
    await tx
      .insert(schoolClosures)
      .values(DEMO_CLOSURES_2026_27.map((c) => ({ ...c, schoolId: id, createdBy: admin, createdAt: o.now })));
  }
  const calendar = { terms: DEMO_TERMS_2026_27, closures: DEMO_CLOSURES_2026_27.map((c) => c.on) };
  const today = londonToday(o.now);
  // The joiner is one of the demo's pupils; the leaver is one more, already off roll, so the
  // school's roll (and every count over it) is the same as without this part of the demo.
  const [joiner] = await tx
    .select()
    .from(pupils)
    .where(
      and(
        eq(pupils.schoolId, schoolId),
        isNull(pupils.leftOn),
        isNull(pupils.userId),
        isNull(pupils.currentLevel),
        eq(pupils.yearGroup, 8),
      ),
    )
    .orderBy(desc(pupils.upn))
    .limit(1);
  if (!joiner) throw new Error('demo transfers: a Year 8 pupil needed');
  // Left a few days ago (last week), so the child-protection file is still due within the five school days.
  const leftOn = addDaysToDay(today, -3);
  const [leaver] = await tx
    .insert(pupils)
    .values({
      schoolId,
      upn: makeUpn('900001900001'),
      givenName: 'Jacob',
      familyName: 'Whitfield',
      dateOfBirth: `${String(Number(today.slice(0, 4)) - 13)}-03-14`,
      yearGroup: 8,
      form: '8K',
      leftOn,
      createdAt: new Date(`${addDaysToDay(today, -400)}T09:00:00Z`),
    })
    .returning();
  // What the child-protection file carries: one concern in the restricted record, closed when he left.
  const loggedAt = new Date(`${addDaysToDay(today, -120)}T10:20:00Z`);
  const closedAt = new Date(`${leftOn}T14:00:00Z`);
  const [cp] = await tx
    .insert(concerns)
    .values({
      schoolId,
      reference: `C-${leftOn.slice(0, 4)}-9101`,
      loggedBy: dsl,
      loggedAt,
      submissionKey: randomUUID(),
      occurredAt: loggedAt,
      location: 'Playground, morning break',
      account:
        'Jacob said he did not want to go home because of the shouting there; he had a bruise on his arm he would not explain. Referred to children’s social care the same day.',
      warningSigns: ['withdrawal'],
      riskOfImmediateHarm: false,
      possibleChildProtection: true,
      medicalEmergency: false,
      category: 'safeguarding',
      route: 'dsl',
      urgent: false,
      restricted: true,
      status: 'closed',
      acknowledgedBy: dsl,
      acknowledgedAt: loggedAt,
      outcome: 'monitor',
      outcomeNote: 'Open to children’s social care when he left; his file goes to his next school’s DSL.',
      closedBy: dsl,
      closedAt,
      parentsStatus: 'not_to_be_told',
      updatedAt: closedAt,
    })
    .returning({ id: concerns.id });
  await tx.insert(concernPupils).values({ schoolId, concernId: cp!.id, pupilId: leaver!.id });
  const [t] = await tx
    .insert(pupilTransfers)
    .values({
      schoolId,
      pupilId: leaver!.id,
      leftOn,
      dueOn: addSchoolDays(leftOn, TRANSFER_DUE_SCHOOL_DAYS, calendar),
      destinationName: 'Oakfield High School',
      destinationUrn: '900003',
      destinationUsesTandem: true,
      createdBy: admin,
      createdAt: new Date(`${leftOn}T15:00:00Z`),
    })
    .returning({ id: pupilTransfers.id });
  const sentAt = new Date(`${addDaysToDay(today, -1)}T10:00:00Z`);
  await tx.insert(transferParts).values([
    { schoolId, transferId: t!.id, file: 'child-protection', status: 'to_send', updatedAt: o.now },
    {
      schoolId,
      transferId: t!.id,
      file: 'wellbeing',
      status: 'sent',
      items: 6,
      sentAt,
      sentHow: 'secure_email',
      updatedAt: sentAt,
    },
  ]);

  const at = (n: number) => `${addDaysToDay(today, n)}T09:00:00.000Z`;
  const item = (id: string, n: number, title: string, body: string): PupilRecordItem => ({
    source: 'levels',
    kind: 'level-change',
    id,
    at: at(n),
    title,
    body,
    recordClass: 'wellbeing',
    restricted: false,
    suggested: { decision: 'disclose', reason: 'About the pupil only' },
  });
  const items = [
    item(
      'demo-1',
      -200,
      'Level set to MH2 by Ms Green',
      'Worries about friendships; weekly check-ins with the pastoral lead.',
    ),
    item(
      'demo-2',
      -120,
      'Six sessions of ELSA support completed',
      'Goals met: names feelings, uses the calm box. Scores improved.',
    ),
  ];
  await tx.insert(receivedFiles).values({
    schoolId,
    pupilId: joiner.id,
    file: 'wellbeing',
    restricted: false,
    fromSchoolName: 'Brookfield Primary School',
    fromSchoolUrn: '900004',
    fromAddress: null,
    packageId: '7d1c3f2e-5a4b-4c3d-9e8f-1a2b3c4d5e6f',
    receiptToken: null,
    items,
    itemCount: items.length,
    importedBy: smhl,
    importedAt: new Date(at(-30)),
    receiptSentAt: new Date(at(-30)),
    receiptAttempts: 1,
  });
}
