/**
 * The demo's records retention at Kingsmead: former pupils whose records are kept for a set time
 * after their date of birth. Megan Rowley (born 2000, left in 2016) has wellbeing records from her
 * time at school (a concern and two level changes) past their review date, and a child-protection
 * file (a restricted concern) the DSL team reviews; Tyler Brooks's wellbeing records reach their
 * review date in about six weeks; Liam Foster's wellbeing records were destroyed last year, so the
 * register has an entry. Written directly, dated back then, as the features would have.
 */
import { randomUUID } from 'node:crypto';
import { addDaysToDay, londonToday, makeUpn } from '@tandem/core';
import { concernPupils, concerns, levelChanges, pupils, retentionDestructions } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

const SMHL = 'sam.patel@kingsmead.example';
const DSL = 'chris.okafor@kingsmead.example';
const HEAD = 'helen.carter@kingsmead.example';

const at = (iso: string) => new Date(iso);

export async function seedDemoRetention(
  tx: DbOrTx,
  o: { schoolIds: Map<string, string>; userIds: Map<string, string>; now: Date },
): Promise<void> {
  const schoolId = o.schoolIds.get('kingsmead');
  const smhl = o.userIds.get(SMHL);
  const dsl = o.userIds.get(DSL);
  if (schoolId === undefined || smhl === undefined || dsl === undefined) return;

  // Reaching review in about six weeks: born 25 years before that day.
  const soon = addDaysToDay(londonToday(o.now), 45);
  const tylerBorn = `${String(Number(soon.slice(0, 4)) - 25)}${soon.slice(4)}`;
  const tylerLeft = `${String(Number(soon.slice(0, 4)) - 9)}-07-21`;

  const [megan, tyler] = await tx
    .insert(pupils)
    .values([
      {
        schoolId,
        upn: makeUpn('940000000001'),
        givenName: 'Megan',
        familyName: 'Rowley',
        dateOfBirth: '2000-04-18',
        yearGroup: 11,
        form: '11R',
        leftOn: '2016-07-22',
        currentLevel: 'MH2',
        levelChangedAt: at('2015-06-17T14:00:00Z'),
        createdAt: at('2014-09-01T08:00:00Z'),
        updatedAt: at('2016-07-22T15:00:00Z'),
      },
      {
        schoolId,
        upn: makeUpn('940000000002'),
        givenName: 'Tyler',
        familyName: 'Brooks',
        dateOfBirth: tylerBorn,
        yearGroup: 11,
        form: '11B',
        leftOn: tylerLeft,
        currentLevel: 'MH2',
        levelChangedAt: at(`${String(Number(tylerLeft.slice(0, 4)) - 1)}-02-03T11:00:00Z`),
        createdAt: at(`${tylerLeft.slice(0, 4)}-01-05T08:00:00Z`),
        updatedAt: at(`${tylerLeft}T15:00:00Z`),
      },
    ])
    .returning({ id: pupils.id });
  if (!megan || !tyler) return;

  await tx.insert(levelChanges).values([
    {
      schoolId,
      pupilId: megan.id,
      fromLevel: null,
      toLevel: 'MH3',
      reason: 'Low mood and missing lessons since October; school counsellor sessions agreed.',
      evidence: [],
      changedBy: smhl,
      changedAt: at('2014-11-12T10:30:00Z'),
    },
    {
      schoolId,
      pupilId: megan.id,
      fromLevel: 'MH3',
      toLevel: 'MH2',
      reason: 'Attending all lessons again; counselling ended well.',
      evidence: [],
      changedBy: smhl,
      changedAt: at('2015-06-17T14:00:00Z'),
    },
    {
      schoolId,
      pupilId: tyler.id,
      fromLevel: null,
      toLevel: 'MH2',
      reason: 'Worried about exams; check-ins with his tutor each week.',
      evidence: [],
      changedBy: smhl,
      changedAt: at(`${String(Number(tylerLeft.slice(0, 4)) - 1)}-02-03T11:00:00Z`),
    },
  ]);

  const concern = (c: {
    reference: string;
    loggedBy: string;
    loggedAt: string;
    account: string;
    restricted: boolean;
  }): typeof concerns.$inferInsert => ({
    schoolId,
    reference: c.reference,
    loggedBy: c.loggedBy,
    loggedAt: at(c.loggedAt),
    submissionKey: randomUUID(),
    occurredAt: at(c.loggedAt),
    location: 'Form room',
    account: c.account,
    warningSigns: ['withdrawal'],
    riskOfImmediateHarm: false,
    possibleChildProtection: c.restricted,
    medicalEmergency: false,
    category: c.restricted ? 'safeguarding' : 'mental_health',
    route: c.restricted ? 'dsl' : 'mental_health_lead',
    urgent: false,
    restricted: c.restricted,
    status: 'closed',
    acknowledgedBy: c.restricted ? dsl : smhl,
    acknowledgedAt: at(c.loggedAt),
    outcome: 'monitor',
    outcomeNote: 'Closed when she left.',
    closedBy: c.restricted ? dsl : smhl,
    closedAt: at('2016-07-22T15:00:00Z'),
    parentsStatus: c.restricted ? 'not_to_be_told' : 'told',
    parentsToldAt: c.restricted ? null : at(c.loggedAt),
    parentsToldHow: c.restricted ? null : 'phone',
    parentsToldBy: c.restricted ? null : smhl,
    updatedAt: at('2016-07-22T15:00:00Z'),
  });
  const made = await tx
    .insert(concerns)
    .values([
      concern({
        reference: 'C-2014-9001',
        loggedBy: smhl,
        loggedAt: '2014-10-07T09:15:00Z',
        account: 'Megan was tearful in registration and said she had not been sleeping.',
        restricted: false,
      }),
      concern({
        reference: 'C-2015-9002',
        loggedBy: dsl,
        loggedAt: '2015-02-10T12:40:00Z',
        account: 'Megan said something at home frightened her; referred to children’s social care.',
        restricted: true,
      }),
    ])
    .returning({ id: concerns.id });
  await tx.insert(concernPupils).values(made.map((c) => ({ schoolId, concernId: c.id, pupilId: megan.id })));

  // The register: Liam Foster's wellbeing records, destroyed by the head last year.
  const head = o.userIds.get(HEAD);
  if (head === undefined) return;
  const [liam] = await tx
    .insert(pupils)
    .values({
      schoolId,
      upn: makeUpn('940000000003'),
      givenName: 'Liam',
      familyName: 'Foster',
      dateOfBirth: '1998-09-30',
      yearGroup: 11,
      form: '11F',
      leftOn: '2015-07-17',
      createdAt: at('2014-09-01T08:00:00Z'),
      updatedAt: at('2015-07-17T15:00:00Z'),
    })
    .returning({ id: pupils.id });
  if (!liam) return;
  const destroyedAt = new Date(o.now.getTime() - 300 * 24 * 60 * 60 * 1000);
  await tx.insert(retentionDestructions).values({
    schoolId,
    pupilId: liam.id,
    pupilName: 'Liam Foster',
    pupilDateOfBirth: '1998-09-30',
    recordClass: 'wellbeing',
    reviewOn: '2023-09-30',
    status: 'destroyed',
    reason: 'Retention period ended; reviewed at the records review and nothing needs keeping.',
    proposedBy: head,
    proposedAt: destroyedAt,
    confirmedBy: head,
    confirmedAt: destroyedAt,
    counts: [
      { kind: 'concern', count: 2 },
      { kind: 'level-change', count: 3 },
    ],
  });
}
