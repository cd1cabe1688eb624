/**
 * The family portals in the demo trust:
 *  - Kingsmead's portal settings: daily check-ins, where to find the DSL on duty, the partnership
 *    statement as seed 000 words it.
 *  - Olivia Clarke (9K, MH2): in the Mental Health Support Team's sessions, waiting for School
 *    counselling; her key
 *    person Grace Lee (ELSA) is her trusted adult, set by the SMHL; two weeks of daily check-ins,
 *    one "I'd like to talk to someone" that Ms Lee acknowledged within the hour; a wellbeing
 *    questionnaire due. Her mother, Emma Clarke, sees the level, the care plan's parent parts, the
 *    parent meeting's next steps (one of them hers), the place and the waiting position.
 *  - Jamal Hussain, a parent with a child in each school: Zara (Kingsmead) and Adam (Willowbrook).
 */
import { and, eq } from 'drizzle-orm';
import { DEFAULT_PARTNERSHIP, DEFAULT_PUPIL_ACCOUNT_YEARS, DEFAULT_RISK_WORDS, builtinMeasure } from '@tandem/core';
import {
  checkins,
  contacts,
  familySettings,
  interventionPlaces,
  interventions,
  pupils,
  questionnaires,
  trustedAdults,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

const DAY = 86_400_000;

/** The second demo parent: a child in each school of the trust. */
export const SECOND_PARENT = {
  email: 'jamal.hussain@family.example',
  name: 'Jamal Hussain',
  children: [
    { school: 'kingsmead', index: 20, givenName: 'Zara' },
    { school: 'willow', index: 7, givenName: 'Adam' },
  ],
} as const;

const MOODS = [4, 3, 3, 2, 4, 4, 3, 2, 3, 4] as const;
const NOTES: Record<number, string> = {
  3: 'Maths test tomorrow and I am worried about it.',
  7: 'Fell out with Mia at lunch.',
  9: 'Better today. Used my card once.',
};

export async function seedDemoFamily(
  tx: DbOrTx,
  o: { schoolIds: ReadonlyMap<string, string>; userIds: ReadonlyMap<string, string>; now: Date },
): Promise<void> {
  const { now } = o;
  const user = (email: string) => {
    const id = o.userIds.get(email);
    if (!id) throw new Error(`demo user ${email} missing`);
    return id;
  };
  const kingsmead = o.schoolIds.get('kingsmead') as string;
  const smhl = user('sam.patel@kingsmead.example');
  const grace = user('grace.lee@kingsmead.example');

  await tx.insert(familySettings).values({
    schoolId: kingsmead,
    partnership: DEFAULT_PARTNERSHIP,
    riskWords: [...DEFAULT_RISK_WORDS],
    checkinFrequency: 'daily',
    helpLocation: 'Student Services, next to the main office. Ask at the desk for the DSL on duty.',
    dayEndsAt: '15:30',
    pupilAccountYears: [...DEFAULT_PUPIL_ACCOUNT_YEARS],
    version: 1,
    updatedBy: smhl,
    updatedAt: new Date(now.getTime() - 30 * DAY),
  });

  const [olivia] = await tx
    .select()
    .from(pupils)
    .where(and(eq(pupils.schoolId, kingsmead), eq(pupils.givenName, 'Olivia'), eq(pupils.familyName, 'Clarke')));
  if (!olivia) throw new Error('demo pupil Olivia Clarke missing');

  await tx.insert(trustedAdults).values({
    schoolId: kingsmead,
    pupilId: olivia.id,
    userId: grace,
    setBy: smhl,
    setAt: new Date(now.getTime() - 40 * DAY),
  });

  // A place with the Mental Health Support Team (started three weeks ago), and a wait for counselling.
  const named = async (name: string) => {
    const [row] = await tx
      .select({ id: interventions.id })
      .from(interventions)
      .where(and(eq(interventions.schoolId, kingsmead), eq(interventions.name, name)));
    if (!row) throw new Error(`demo intervention ${name} missing`);
    return row.id;
  };
  const started = new Date(now.getTime() - 21 * DAY);
  const [place] = await tx
    .insert(interventionPlaces)
    .values([
      {
        schoolId: kingsmead,
        interventionId: await named('Mental Health Support Team sessions'),
        pupilId: olivia.id,
        status: 'in',
        source: 'staff',
        reason: 'Guided self-help for worry before tests, with the Mental Health Support Team.',
        requestedBy: smhl,
        requestedAt: new Date(now.getTime() - 30 * DAY),
        allocatedAt: new Date(now.getTime() - 24 * DAY),
        allocatedBy: smhl,
        startedOn: started.toISOString().slice(0, 10),
        parentsToldAt: new Date(now.getTime() - 23 * DAY),
        parentsToldBy: smhl,
      },
      {
        schoolId: kingsmead,
        interventionId: await named('School counselling'),
        pupilId: olivia.id,
        status: 'waiting',
        source: 'staff',
        reason: 'Agreed at the parent meeting: some one-to-one time to talk about friendships.',
        requestedBy: smhl,
        requestedAt: new Date(now.getTime() - 9 * DAY),
      },
    ])
    .returning({ id: interventionPlaces.id });

  // A wellbeing questionnaire for Olivia, due in two days.
  const scwbs = builtinMeasure('scwbs');
  if (scwbs && place) {
    await tx.insert(questionnaires).values({
      schoolId: kingsmead,
      pupilId: olivia.id,
      measureKey: scwbs.key,
      measureVersion: scwbs.version,
      placeId: place.id,
      timepoint: 'follow_up',
      respondent: 'pupil',
      status: 'due',
      answers: {},
      dueOn: new Date(now.getTime() + 2 * DAY).toISOString().slice(0, 10),
      createdBy: grace,
      createdAt: new Date(now.getTime() - 1 * DAY),
      updatedAt: new Date(now.getTime() - 1 * DAY),
    });
  }

  // Two weeks of check-ins on school days, at the start of the day.
  const rows: (typeof checkins.$inferInsert)[] = [];
  let n = 0;
  for (let back = 14; back >= 1; back -= 1) {
    const at = new Date(now.getTime() - back * DAY);
    const weekday = at.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    at.setUTCHours(8, 40 + (n % 7), 0, 0);
    const i = n % MOODS.length;
    const talk = i === 7;
    rows.push({
      schoolId: kingsmead,
      pupilId: olivia.id,
      mood: MOODS[i] as number,
      note: NOTES[i] ?? '',
      wantsToTalk: talk,
      talkToUserId: talk ? grace : null,
      acknowledgedBy: talk ? grace : null,
      acknowledgedAt: talk ? new Date(at.getTime() + 50 * 60_000) : null,
      escalateAt: talk ? new Date(at.getTime() + 7 * 3_600_000) : null,
      submissionKey: `demo-checkin-${n}`,
      createdAt: at,
    });
    n += 1;
  }
  await tx.insert(checkins).values(rows);

  // The second parent: a child in each school.
  const jamal = user(SECOND_PARENT.email);
  for (const c of SECOND_PARENT.children) {
    const schoolId = o.schoolIds.get(c.school) as string;
    const roll = await tx.select().from(pupils).where(eq(pupils.schoolId, schoolId)).orderBy(pupils.upn);
    const child = roll.slice(c.index).find((p) => p.userId === null && p.givenName !== 'Olivia');
    if (!child) throw new Error('demo child for the second parent missing');
    await tx.update(pupils).set({ givenName: c.givenName, familyName: 'Hussain' }).where(eq(pupils.id, child.id));
    await tx.insert(contacts).values({
      schoolId,
      pupilId: child.id,
      name: SECOND_PARENT.name,
      title: 'Mr',
      relationship: 'Father',
      email: SECOND_PARENT.email,
      phone: '07700 900456',
      parentalResponsibility: true,
      priority: 1,
      userId: jamal,
      address: '8 Brook Street\nRiverbank\nRB3 2LS',
    });
  }
}
