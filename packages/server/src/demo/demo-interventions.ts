/**
 * Demo interventions at Kingsmead, so that the SMHL, the ELSA (grace.lee) and a tutor each see the
 * module at work:
 *  - the catalogue: ELSA, a nurture group, mindfulness, school counselling, Mental Health Support
 *    Team sessions and a bereavement group (paused);
 *  - ELSA full (three pupils in, three waiting, so positions and expected start dates show), with
 *    sessions recorded and a baseline due for the pupil who started this week;
 *  - finished places with baselines and follow-ups that show each outcome: reliable improvement with
 *    recovery (PHQ-A 16 to 8), reliable improvement still in the clinical range (PHQ-A 20 to 13), no
 *    reliable change (GAD-7 12 to 10), reliable deterioration (GAD-7 6 to 11), and band movement
 *    only on Me and My Feelings (no published reliable-change figure), and a follow-up still due.
 *
 * Pupils are chosen from those with no concern logged, so nothing here touches the restricted
 * record; no demo answer is a risk answer. Inserted inside the demo transaction, not audited
 * (nobody did these things), like the other demo history. Every name is made up.
 */
import { and, asc, eq, isNotNull, notInArray } from 'drizzle-orm';
import { builtinMeasure, scoreAnswers, type InterventionFormat, type LevelCode, type SessionDay } from '@tandem/core';
import {
  concernPupils,
  interventionAttendance,
  interventionPlaces,
  interventions,
  interventionSessions,
  interventionStaff,
  pupils,
  questionnaires,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

const DAY = 86_400_000;

const EMAIL = {
  smhl: 'sam.patel@kingsmead.example',
  elsa: 'grace.lee@kingsmead.example',
  support: 'kate.murphy@kingsmead.example',
  pastoral: 'tom.fletcher@kingsmead.example',
  earlyHelp: 'aisha.rahman@kingsmead.example',
} as const;
type Who = keyof typeof EMAIL;

interface CatalogueEntry {
  key: string;
  name: string;
  description: string;
  format: InterventionFormat;
  places: number;
  sessionCount: number;
  sessionMinutes: number;
  sessionDay: SessionDay;
  suitsLevels: LevelCode[];
  measureKey: string | null;
  status: 'running' | 'paused';
  staff: Who[];
}

const CATALOGUE: CatalogueEntry[] = [
  {
    key: 'elsa',
    name: 'ELSA',
    description:
      'Emotional Literacy Support: weekly one-to-one time with a trained ELSA to understand and manage feelings.',
    format: 'one_to_one',
    places: 3,
    sessionCount: 6,
    sessionMinutes: 45,
    sessionDay: 'tuesday',
    suitsLevels: ['MH1', 'MH2'],
    measureKey: 'mamf',
    status: 'running',
    staff: ['elsa'],
  },
  {
    key: 'nurture',
    name: 'Nurture group',
    description: 'A small, calm group at lunchtime for pupils who find the busy parts of the day hard.',
    format: 'group',
    places: 8,
    sessionCount: 12,
    sessionMinutes: 60,
    sessionDay: 'wednesday',
    suitsLevels: ['MH2', 'MH3'],
    measureKey: 'scwbs',
    status: 'running',
    staff: ['elsa', 'support'],
  },
  {
    key: 'mindfulness',
    name: 'Mindfulness',
    description: 'Eight short sessions of breathing and attention practice, in a group.',
    format: 'group',
    places: 12,
    sessionCount: 8,
    sessionMinutes: 40,
    sessionDay: 'thursday',
    suitsLevels: ['MH1', 'MH2'],
    measureKey: 'gbo',
    status: 'running',
    staff: ['support'],
  },
  {
    key: 'counselling',
    name: 'School counselling',
    description: 'One-to-one sessions with the school counsellor.',
    format: 'one_to_one',
    places: 4,
    sessionCount: 10,
    sessionMinutes: 50,
    sessionDay: 'monday',
    suitsLevels: ['MH3', 'MH4'],
    measureKey: 'phqa',
    status: 'running',
    staff: ['elsa'],
  },
  {
    key: 'mhst',
    name: 'Mental Health Support Team sessions',
    description: 'Guided self-help for mild to moderate anxiety with the local Mental Health Support Team.',
    format: 'one_to_one',
    places: 5,
    sessionCount: 8,
    sessionMinutes: 45,
    sessionDay: 'friday',
    suitsLevels: ['MH2', 'MH3'],
    measureKey: 'gad7',
    status: 'running',
    staff: ['earlyHelp'],
  },
  {
    key: 'bereavement',
    name: 'Bereavement group',
    description: 'A group for pupils who have lost someone close. Paused until the spring term.',
    format: 'group',
    places: 6,
    sessionCount: 6,
    sessionMinutes: 60,
    sessionDay: 'wednesday',
    suitsLevels: ['MH1', 'MH2', 'MH3'],
    measureKey: 'gbo',
    status: 'paused',
    staff: ['support'],
  },
];

/** Answers to the first `items` items of a 0..`max` scale that add up to `total` (risk items 0). */
function answersFor(itemIds: readonly string[], total: number, max: number): Record<string, number> {
  const out: Record<string, number> = {};
  let left = total;
  itemIds.forEach((id, n) => {
    const remaining = itemIds.length - n;
    const v = Math.min(max, Math.max(0, Math.ceil(left / remaining)));
    out[id] = v;
    left -= v;
  });
  return out;
}

interface Pair {
  intervention: string;
  before: Record<string, number>;
  after: Record<string, number> | null;
}

function phqa(total: number) {
  const a = answersFor(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'], total, 3);
  return { ...a, q9: 0, q10: 0, q11: 0, q12: 0, q13: 0 };
}
function gad7(total: number) {
  return answersFor(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'], total, 3);
}
function mamf(emotional: number, behavioural: number) {
  const e = answersFor(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'], emotional, 2);
  // q15 "I am calm" is reverse-scored: answering "Always" (2) scores 0.
  const b = answersFor(['q11', 'q12', 'q13', 'q14', 'q16'], behavioural, 2);
  return { ...e, ...b, q15: 2 };
}

const FINISHED: Pair[] = [
  { intervention: 'counselling', before: phqa(16), after: phqa(8) },
  { intervention: 'counselling', before: phqa(20), after: phqa(13) },
  { intervention: 'mhst', before: gad7(12), after: gad7(10) },
  { intervention: 'mhst', before: gad7(6), after: gad7(11) },
  { intervention: 'elsa', before: mamf(13, 5), after: mamf(9, 3) },
  { intervention: 'elsa', before: mamf(11, 4), after: null },
];

export async function seedDemoInterventions(
  tx: DbOrTx,
  o: { schoolId: string; userIds: ReadonlyMap<string, string>; now: Date },
): Promise<void> {
  const { schoolId, now } = o;
  const user = (who: Who): string => {
    const id = o.userIds.get(EMAIL[who]);
    if (!id) throw new Error(`demo user ${who} missing`);
    return id;
  };
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  const dayAgo = (n: number) => daysAgo(n).toISOString().slice(0, 10);

  const ids = new Map<string, string>();
  for (const c of CATALOGUE) {
    const [row] = await tx
      .insert(interventions)
      .values({
        schoolId,
        name: c.name,
        description: c.description,
        format: c.format,
        places: c.places,
        sessionCount: c.sessionCount,
        sessionMinutes: c.sessionMinutes,
        sessionDay: c.sessionDay,
        suitsLevels: c.suitsLevels,
        measureKey: c.measureKey,
        status: c.status,
        createdBy: user('smhl'),
        createdAt: daysAgo(120),
        updatedAt: daysAgo(120),
      })
      .returning({ id: interventions.id });
    ids.set(c.key, row!.id);
    await tx
      .insert(interventionStaff)
      .values(c.staff.map((w) => ({ schoolId, interventionId: row!.id, userId: user(w) })));
  }
  const of = (key: string) => ids.get(key)!;

  // Pupils with a level and no concern logged, in a stable order.
  const withConcerns = tx
    .select({ id: concernPupils.pupilId })
    .from(concernPupils)
    .where(eq(concernPupils.schoolId, schoolId));
  const candidates = await tx
    .select({ id: pupils.id, level: pupils.currentLevel })
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), isNotNull(pupils.currentLevel), notInArray(pupils.id, withConcerns)))
    .orderBy(asc(pupils.upn))
    .limit(40);
  let next = 0;
  const take = () => {
    const p = candidates[next++];
    if (!p) throw new Error('demo: not enough pupils for interventions');
    return p.id;
  };

  const place = async (v: {
    intervention: string;
    status: 'waiting' | 'in' | 'completed' | 'left_early';
    requestedDaysAgo: number;
    startedDaysAgo?: number;
    endedDaysAgo?: number;
    reason: string;
    by: Who;
  }) => {
    const [row] = await tx
      .insert(interventionPlaces)
      .values({
        schoolId,
        interventionId: of(v.intervention),
        pupilId: take(),
        status: v.status,
        source: 'staff',
        reason: v.reason,
        requestedBy: user(v.by),
        requestedAt: daysAgo(v.requestedDaysAgo),
        allocatedAt: v.startedDaysAgo !== undefined ? daysAgo(v.startedDaysAgo + 3) : null,
        allocatedBy: v.startedDaysAgo !== undefined ? user('smhl') : null,
        startedOn: v.startedDaysAgo !== undefined ? dayAgo(v.startedDaysAgo) : null,
        parentsToldAt: v.startedDaysAgo !== undefined ? daysAgo(v.startedDaysAgo + 2) : null,
        parentsToldBy: v.startedDaysAgo !== undefined ? user('smhl') : null,
        endedAt: v.endedDaysAgo !== undefined ? daysAgo(v.endedDaysAgo) : null,
        endedBy: v.endedDaysAgo !== undefined ? user('smhl') : null,
        endReason: v.endedDaysAgo !== undefined ? 'Finished all sessions.' : null,
      })
      .returning();
    return row!;
  };

  const questionnaire = async (
    p: { id: string; pupilId: string },
    key: string,
    timepoint: 'baseline' | 'follow_up',
    answers: Record<string, number> | null,
    daysAgoDone: number,
  ) => {
    const m = builtinMeasure(key)!;
    const scored = answers ? scoreAnswers(m, answers) : null;
    await tx.insert(questionnaires).values({
      schoolId,
      pupilId: p.pupilId,
      measureKey: key,
      measureVersion: m.version,
      placeId: p.id,
      timepoint,
      respondent: 'pupil',
      status: answers ? 'complete' : 'due',
      answers: answers ?? {},
      scores: scored?.scores ?? null,
      dueOn: dayAgo(daysAgoDone),
      createdBy: user('smhl'),
      createdAt: daysAgo(daysAgoDone + 1),
      startedAt: answers ? daysAgo(daysAgoDone) : null,
      completedAt: answers ? daysAgo(daysAgoDone) : null,
      completedBy: answers ? user('elsa') : null,
      updatedAt: daysAgo(daysAgoDone),
    });
  };

  // ELSA: full, three waiting.
  const elsaIn = [
    await place({
      intervention: 'elsa',
      status: 'in',
      requestedDaysAgo: 60,
      startedDaysAgo: 28,
      reason: 'Finding it hard to name and manage big feelings at break times.',
      by: 'pastoral',
    }),
    await place({
      intervention: 'elsa',
      status: 'in',
      requestedDaysAgo: 50,
      startedDaysAgo: 21,
      reason: 'Low mood since moving house; asked for someone to talk to.',
      by: 'pastoral',
    }),
    await place({
      intervention: 'elsa',
      status: 'in',
      requestedDaysAgo: 40,
      startedDaysAgo: 2,
      reason: 'Worries about friendships are affecting learning.',
      by: 'smhl',
    }),
  ];
  await place({
    intervention: 'elsa',
    status: 'waiting',
    requestedDaysAgo: 20,
    reason: 'Anxious about coming into school in the mornings.',
    by: 'pastoral',
  });
  await place({
    intervention: 'elsa',
    status: 'waiting',
    requestedDaysAgo: 12,
    reason: 'Tearful in lessons; parents asked for support.',
    by: 'smhl',
  });
  await place({
    intervention: 'elsa',
    status: 'waiting',
    requestedDaysAgo: 5,
    reason: 'Struggling with anger after a family change.',
    by: 'pastoral',
  });
  await questionnaire(elsaIn[0]!, 'mamf', 'baseline', mamf(12, 6), 28);
  await questionnaire(elsaIn[1]!, 'mamf', 'baseline', mamf(10, 4), 21);
  await questionnaire(elsaIn[2]!, 'mamf', 'baseline', null, 2);

  // ELSA sessions for the first two pupils (the third started this week).
  for (const [weeksAgo, attended] of [
    [3, [true, false]],
    [2, [true, true]],
    [1, [true, true]],
  ] as const) {
    const [s] = await tx
      .insert(interventionSessions)
      .values({
        schoolId,
        interventionId: of('elsa'),
        heldOn: dayAgo(weeksAgo * 7),
        cancelled: false,
        note: weeksAgo === 1 ? 'Used the feelings thermometer; both chose a calming strategy to try this week.' : '',
        recordedBy: user('elsa'),
        recordedAt: daysAgo(weeksAgo * 7),
      })
      .returning({ id: interventionSessions.id });
    await tx.insert(interventionAttendance).values(
      attended.map((a, n) => ({
        schoolId,
        sessionId: s!.id,
        placeId: elsaIn[n]!.id,
        attendance: a ? ('attended' as const) : ('not_attended' as const),
      })),
    );
  }

  // Nurture group: four in, one waiting.
  for (let n = 0; n < 4; n++) {
    await place({
      intervention: 'nurture',
      status: 'in',
      requestedDaysAgo: 70 - n,
      startedDaysAgo: 35,
      reason: 'Finds the busy lunchtime overwhelming.',
      by: 'pastoral',
    });
  }
  await place({
    intervention: 'nurture',
    status: 'waiting',
    requestedDaysAgo: 9,
    reason: 'Eating alone at lunch and avoiding the canteen.',
    by: 'pastoral',
  });

  // Finished places with before-and-after scores.
  const key: Record<string, string> = { counselling: 'phqa', mhst: 'gad7', elsa: 'mamf' };
  let n = 0;
  for (const f of FINISHED) {
    n++;
    const p = await place({
      intervention: f.intervention,
      status: 'completed',
      requestedDaysAgo: 150 + n * 3,
      startedDaysAgo: 120 - n,
      endedDaysAgo: f.after ? 30 - n : 1,
      reason: 'Referred after a review meeting.',
      by: 'smhl',
    });
    await questionnaire(p, key[f.intervention]!, 'baseline', f.before, 120 - n);
    await questionnaire(p, key[f.intervention]!, 'follow_up', f.after, f.after ? 30 - n : 1);
  }
}
