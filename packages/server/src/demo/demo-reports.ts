/**
 * What makes the demo's reports worth looking at, loaded after everything else so the rest of the
 * demo stays exactly as it was written:
 *  - every pupil's sex, from their given name (no random draws);
 *  - level histories over the last three terms in both schools: pupils who moved up, pupils who
 *    moved down (some back to no level), and some who stayed where they were;
 *  - at Kingsmead, young carers over-represented at MH3 and above (about 10 young carers, 5 of them
 *    at MH3 or above) while the school as a whole stays near 8%;
 *  - at Willow Brook, one looked-after pupil who reached MH3 this term: a group of fewer than five;
 *  - Kingsmead concerns from the spring and summer terms (see demo-concerns.ts).
 * The random choices here use their own generator, so the main demo's stream is untouched.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { previousTerm, schoolDate, termOf, type EvidenceKind, type LevelCode, type Term } from '@tandem/core';
import { levelChanges, levelDefinitions, pupils } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { FEMALE_GIVEN_NAMES } from './demo-data';
import { seedEarlierDemoConcerns } from './demo-concerns';

const DAY = 86_400_000;

/** The same small generator as the main demo, with its own seed. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** Which period a step falls in: before the spring term, or one of the last three terms. */
type Period = 'before' | 'spring' | 'summer' | 'autumn';
/** One level change: in a period, somewhere within a fraction of it, to a level (null: no level). */
type Step = [Period, number, number, LevelCode | null];

/** Level histories of pupils who had none; each starts from no level. */
const EPISODES: Record<string, Step[]> = {
  // Up in the spring term, back to no level in the summer.
  springUp: [
    ['spring', 0.1, 0.8, 'MH1'],
    ['summer', 0.2, 0.8, null],
  ],
  // A level from last autumn, back to no level in the spring.
  springDown: [
    ['before', 0.1, 0.8, 'MH1'],
    ['spring', 0.3, 0.9, null],
  ],
  // A climb in the spring, then down a level in the summer and back to no level this term.
  climbAndRecover: [
    ['spring', 0.05, 0.4, 'MH1'],
    ['spring', 0.55, 0.9, 'MH2'],
    ['summer', 0.2, 0.8, 'MH1'],
    ['autumn', 0.1, 0.7, null],
  ],
  // The same level all spring, back to no level in the summer.
  steadyThenBetter: [
    ['before', 0.1, 0.8, 'MH1'],
    ['summer', 0.1, 0.7, null],
  ],
  // Up in the spring and summer, down a level this term: at MH1 now.
  upUpDown: [
    ['spring', 0.1, 0.6, 'MH1'],
    ['summer', 0.1, 0.6, 'MH2'],
    ['autumn', 0.2, 0.8, 'MH1'],
  ],
  // Up in the summer, back to no level this term.
  summerUp: [
    ['summer', 0.2, 0.8, 'MH1'],
    ['autumn', 0.2, 0.8, null],
  ],
  // A level from last autumn, the same all spring and summer, back to no level this term.
  longSteady: [
    ['before', 0.1, 0.8, 'MH1'],
    ['autumn', 0.2, 0.8, null],
  ],
  // A level from last autumn, the same all spring, up in the summer: at MH2 now.
  slowClimb: [
    ['before', 0.1, 0.8, 'MH1'],
    ['summer', 0.3, 0.8, 'MH2'],
  ],
};

/** Which histories each school's pupils get, in order of UPN among pupils with none. */
const EPISODE_PLAN: (keyof typeof EPISODES)[] = [
  'upUpDown',
  'climbAndRecover',
  'springUp',
  'upUpDown',
  'summerUp',
  'springDown',
  'steadyThenBetter',
  'climbAndRecover',
  'springUp',
  'slowClimb',
  'summerUp',
  'springDown',
  'steadyThenBetter',
  'springUp',
  'longSteady',
  'longSteady',
];

/** A looked-after pupil at Willow Brook who climbed to MH3 over the year. */
const CLIMB_TO_MH3: Step[] = [
  ['spring', 0.2, 0.7, 'MH1'],
  ['summer', 0.2, 0.7, 'MH2'],
  ['autumn', 0.3, 0.8, 'MH3'],
];

type Reason = { reason: string; evidence: { kind: EvidenceKind; description: string }[] };

const UP: Record<LevelCode, Reason> = {
  MH1: {
    reason: 'Tutor reports the pupil seems worried and is less settled in lessons than usual.',
    evidence: [{ kind: 'observation', description: 'Tutor notes over three weeks: quieter, some late arrivals.' }],
  },
  MH2: {
    reason: 'Worries continuing with level 1 support; sleep and friendships affected.',
    evidence: [{ kind: 'meeting', description: 'Review with parent: agreed weekly check-ins and an ELSA group.' }],
  },
  MH3: {
    reason: 'Anxiety now affecting attendance and daily life; the GP has been involved.',
    evidence: [{ kind: 'external_report', description: 'GP letter: referral to CAMHS made.' }],
  },
  MH4: {
    reason: 'Significantly unwell; a risk assessment is needed in school.',
    evidence: [{ kind: 'external_report', description: 'CAMHS letter: under regular review.' }],
  },
  MH5: {
    reason: 'Unable to attend school safely on medical advice.',
    evidence: [{ kind: 'external_report', description: 'Consultant letter: not fit to attend for six weeks.' }],
  },
};

const DOWN: Reason = {
  reason: 'Doing better: the support in place is working and the pupil and home both say things have eased.',
  evidence: [{ kind: 'meeting', description: 'Review with the pupil and parent: agreed to step the support down.' }],
};

const BETTER: Reason = {
  reason: 'Thriving again: no worries raised by home or school this half term.',
  evidence: [{ kind: 'observation', description: 'Tutor and parent both report the pupil is settled and happy.' }],
};

const rank = (l: LevelCode | null) => (l === null ? 0 : Number(l.slice(2)));

export async function seedDemoReportHistory(
  tx: DbOrTx,
  o: { schoolIds: ReadonlyMap<string, string>; userIds: ReadonlyMap<string, string>; now: Date },
): Promise<void> {
  const kingsmead = o.schoolIds.get('kingsmead') as string;
  const willow = o.schoolIds.get('willow') as string;
  await tx.execute(
    sql`update pupils set sex = case when given_name in (${sql.join(
      FEMALE_GIVEN_NAMES.map((n) => sql`${n}`),
      sql`, `,
    )}) then 'female' else 'male' end where school_id in (${kingsmead}::uuid, ${willow}::uuid)`,
  );
  const rand = rng(170_2026);
  await seedHistories(tx, rand, {
    schoolId: kingsmead,
    changedBy: o.userIds.get('sam.patel@kingsmead.example') as string,
    now: o.now,
    youngCarers: true,
    lookedAfterClimb: false,
  });
  await seedHistories(tx, rand, {
    schoolId: willow,
    changedBy: o.userIds.get('ruth.adams@willowbrook.example') as string,
    now: o.now,
    youngCarers: false,
    lookedAfterClimb: true,
  });
  await seedEarlierDemoConcerns(tx, { schoolId: kingsmead, userIds: o.userIds, now: o.now });
}

async function seedHistories(
  tx: DbOrTx,
  rand: () => number,
  o: { schoolId: string; changedBy: string; now: Date; youngCarers: boolean; lookedAfterClimb: boolean },
): Promise<void> {
  const query = sql`
    select p.id, p.current_level as level, p.young_carer as "youngCarer", p.looked_after as "lookedAfter",
      p.created_at as "createdAt",
      (select max(c.changed_at) from level_changes c where c.pupil_id = p.id) as "lastChange",
      (p.user_id is null
        and not exists (select 1 from level_changes c where c.pupil_id = p.id)
        and not exists (select 1 from concern_pupils x where x.pupil_id = p.id)
        and not exists (select 1 from plans x where x.pupil_id = p.id)
        and not exists (select 1 from referrals x where x.pupil_id = p.id)
        and not exists (select 1 from intervention_places x where x.pupil_id = p.id)
        and not exists (select 1 from meetings x where x.pupil_id = p.id)
        and not exists (select 1 from case_team_members x where x.pupil_id = p.id)) as free
    from pupils p
    where p.school_id = ${o.schoolId}::uuid and p.left_on is null
    order by p.upn`;
  interface RollRow {
    id: string;
    level: LevelCode | null;
    youngCarer: boolean;
    lookedAfter: boolean;
    createdAt: Date | string;
    lastChange: Date | string | null;
    free: boolean;
  }
  const result: unknown = await tx.execute(query);
  const { rows } = result as { rows: RollRow[] };

  const today = schoolDate(o.now);
  const autumn = termOf(today);
  const summer = previousTerm(autumn);
  const spring = previousTerm(summer);
  const startOf = (day: string) => new Date(`${day}T00:00:00Z`).getTime();
  const onRollFrom = Math.min(...rows.map((p) => new Date(p.createdAt).getTime())) + 7 * DAY;
  const windows: Record<Period, [number, number]> = {
    before: [Math.max(onRollFrom, startOf(spring.from) - 50 * DAY), startOf(spring.from) - 7 * DAY],
    spring: span(spring),
    summer: span(summer),
    autumn: [startOf(autumn.from), Math.min(startOf(autumn.to) + DAY, o.now.getTime() - 3 * DAY)],
  };
  function span(t: Term): [number, number] {
    return [startOf(t.from), startOf(t.to) + DAY];
  }
  /** A time in a fraction of a period, in school hours. */
  const when = ([period, from, to]: Step): Date => {
    const [a, b] = windows[period];
    const day = a + (b - a) * (from + (to - from) * rand());
    const d = new Date(Math.floor(day / DAY) * DAY);
    d.setUTCHours(9 + Math.floor(rand() * 7), Math.floor(rand() * 60));
    return d;
  };

  const defs = await tx
    .select({ id: levelDefinitions.id, code: levelDefinitions.code })
    .from(levelDefinitions)
    .where(and(eq(levelDefinitions.schoolId, o.schoolId), isNull(levelDefinitions.supersededAt)));
  const defId = new Map(defs.map((d) => [d.code, d.id]));
  const changes: (typeof levelChanges.$inferInsert)[] = [];
  const change = (pupilId: string, from: LevelCode | null, to: LevelCode | null, at: Date) => {
    const why = rank(to) > rank(from) ? UP[to as LevelCode] : to === null ? BETTER : DOWN;
    changes.push({
      schoolId: o.schoolId,
      pupilId,
      fromLevel: from,
      toLevel: to,
      definitionId: to === null ? null : (defId.get(to) ?? null),
      reason: why.reason,
      evidence: why.evidence,
      changedBy: o.changedBy,
      changedAt: at,
    });
  };
  const history = (pupilId: string, steps: Step[]) => {
    let from: LevelCode | null = null;
    let last = 0;
    for (const step of steps) {
      let at = when(step);
      if (at.getTime() <= last) at = new Date(last + DAY);
      change(pupilId, from, step[3], at);
      from = step[3];
      last = at.getTime();
    }
  };

  const free = rows.filter((p) => p.free && p.level === null);
  const taken = new Set<string>();
  const makeYoungCarer: string[] = [];
  const makeLookedAfter: string[] = [];

  if (o.lookedAfterClimb) {
    const la = free.find((p) => p.lookedAfter) ?? free[free.length - 1];
    if (la) {
      history(la.id, CLIMB_TO_MH3);
      taken.add(la.id);
      if (!la.lookedAfter) makeLookedAfter.push(la.id);
    }
  }

  const episodePupils: { id: string; episode: string }[] = [];
  const pool = free.filter((p) => !taken.has(p.id));
  EPISODE_PLAN.forEach((episode, i) => {
    const p = pool[i];
    if (!p) return;
    history(p.id, EPISODES[episode] as Step[]);
    taken.add(p.id);
    episodePupils.push({ id: p.id, episode });
  });

  if (o.youngCarers) {
    // Five pupils at MH3 and above are young carers (the most unwell first); any others at MH3
    // and above came down to MH2 this term, so about 8% of the school is at MH3 and above.
    const high = rows
      .filter((p) => rank(p.level) >= 3)
      .sort((a, b) => rank(b.level) - rank(a.level) || rows.indexOf(a) - rows.indexOf(b));
    high.forEach((p, i) => {
      if (i < 5) {
        if (!p.youngCarer) makeYoungCarer.push(p.id);
        return;
      }
      if (p.youngCarer) return;
      const last = p.lastChange ? new Date(p.lastChange).getTime() : windows.autumn[0];
      const end = o.now.getTime() - DAY;
      const at = new Date(last + (end - last) * (0.4 + 0.3 * rand()));
      change(p.id, p.level, 'MH2', at);
    });
    // About ten young carers in all: some of the pupils with new histories are young carers too.
    const already = rows.filter((p) => p.youngCarer).length + makeYoungCarer.length;
    const order = ['upUpDown', 'climbAndRecover', 'slowClimb', 'springUp', 'summerUp'];
    const extra = episodePupils.filter((p) => order.includes(p.episode));
    extra.sort((a, b) => order.indexOf(a.episode) - order.indexOf(b.episode));
    for (const p of extra.slice(0, Math.max(0, 10 - already))) makeYoungCarer.push(p.id);
  }

  if (changes.length > 0) await tx.insert(levelChanges).values(changes);
  // Each pupil's level and its date are those of their last change.
  await tx.execute(sql`
    update pupils set current_level = l.to_level, level_changed_at = l.changed_at
    from (
      select distinct on (pupil_id) pupil_id, to_level, changed_at
      from level_changes where school_id = ${o.schoolId}::uuid
      order by pupil_id, changed_at desc
    ) l
    where pupils.id = l.pupil_id and pupils.school_id = ${o.schoolId}::uuid`);
  for (const id of makeYoungCarer) await tx.update(pupils).set({ youngCarer: true }).where(eq(pupils.id, id));
  for (const id of makeLookedAfter) await tx.update(pupils).set({ lookedAfter: true }).where(eq(pupils.id, id));
}
