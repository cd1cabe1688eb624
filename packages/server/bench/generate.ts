/**
 * Generates a large trust straight into the database, in batches of thousands of rows per statement
 * (INSERT ... SELECT FROM json_to_recordset): PGlite writes about 4,000 single rows a second, and
 * far more when each statement carries thousands.
 *
 * Everything is derived from seeds: ids are hashes of what a row is ("school 3, pupil 1207"), and
 * each school has its own random stream. So school 0 generated alone (the one-school database of the
 * isolation check) is row for row the school 0 of the big trust.
 */
import { createHash } from 'node:crypto';
import {
  ADJUSTMENTS,
  AGREEMENT_HOW,
  DEFAULT_LEVELS,
  KIND_SECTIONS,
  LEVEL_CODES,
  REQUIRED_SECTIONS,
  makeUpn,
  type Adjustment,
  type AgreementParty,
  type LevelCode,
  type PlanKind,
  type PlanSection,
  type Role,
} from '@tandem/core';
import type { Query, RawDb } from './databases';
import { FAMILY_NAMES, GIVEN_NAMES, zipfTable } from './names';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const PUPILS_PER_FORM = 28;
const BATCH_ROWS = 5_000;

export const BENCH_PASSWORD = 'bench-password-2026';
/** Base32 TOTP secret shared by the generated case-role accounts (each account still uses a step once). */
export const BENCH_TOTP_SECRET = 'KRAW4RDFJVHUIRKNJ5AVIQKOIRCU2TZB';

export type SchoolKind = 'secondary' | 'primary' | 'all-through';

export interface SchoolPlan {
  index: number;
  kind: SchoolKind;
  /** Pupils on roll now. */
  onRoll: number;
  /** Former pupils whose records (ten years of them) are kept. */
  leavers: number;
}

export type Scale = 'small' | 'default' | 'full';

export interface TrustPlan {
  scale: Scale;
  schools: SchoolPlan[];
  leaverRatio: number;
}

/**
 * default: 10 schools of 2,000 pupils (20,000). full: 40 schools and 48,000 pupils, one of them of
 * 2,000 (the school issue 3 asks about) and the other 39 sharing 46,000 (1,179 or 1,180 each).
 * small: 2 schools of 2,000, to check the bench itself quickly.
 */
export function planTrust(scale: Scale, leaverRatio: number): TrustPlan {
  const schools: SchoolPlan[] = [];
  const add = (index: number, kind: SchoolKind, onRoll: number) =>
    schools.push({ index, kind, onRoll, leavers: Math.round(onRoll * leaverRatio) });
  if (scale !== 'full') {
    for (let i = 0; i < (scale === 'small' ? 2 : 10); i++) add(i, i % 2 === 0 ? 'secondary' : 'all-through', 2_000);
  } else {
    add(0, 'secondary', 2_000);
    const rest = 48_000 - 2_000;
    const base = Math.floor(rest / 39);
    const extra = rest - base * 39;
    for (let i = 1; i < 40; i++) {
      const kind: SchoolKind = i % 3 === 1 ? 'primary' : i % 3 === 2 ? 'all-through' : 'secondary';
      add(i, kind, base + (i <= extra ? 1 : 0));
    }
  }
  return { scale, schools, leaverRatio };
}

/** A deterministic UUID (v4 layout) from a description of the row. */
export function idFor(what: string): string {
  const h = createHash('sha256').update(`tandem-bench/${what}`).digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A pupil's sex, from a hash of their id: no draw from the random streams, so every other row stays the same. */
export function sexOf(pupilId: string): 'female' | 'male' {
  return createHash('sha256').update(`tandem-bench/sex/${pupilId}`).digest()[0]! % 2 === 0 ? 'female' : 'male';
}

/** sfc32, seeded from a string: a small fast generator with 128 bits of state. */
export function rngFor(seed: string): () => number {
  const h = createHash('sha256').update(seed).digest();
  let a = h.readUInt32LE(0);
  let b = h.readUInt32LE(4);
  let c = h.readUInt32LE(8);
  let d = h.readUInt32LE(12);
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
}

const FAMILY_ZIPF = zipfTable(FAMILY_NAMES.length);
const GIVEN_ZIPF = zipfTable(GIVEN_NAMES.length, 0.6);

function pickWeighted(rand: () => number, list: readonly string[], cumulative: Float64Array): string {
  const r = rand();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 1) < r) lo = mid + 1;
    else hi = mid;
  }
  return list[lo] ?? list[0] ?? '';
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function between(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/** Year groups of a kind of school, and the relative size of each (sixth forms are smaller). */
function yearsOf(kind: SchoolKind): { year: number; weight: number }[] {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const sixth = (y: number) => (y >= 12 ? 0.45 : 1);
  switch (kind) {
    case 'secondary':
      return range(7, 13).map((year) => ({ year, weight: sixth(year) }));
    case 'primary':
      return range(0, 6).map((year) => ({ year, weight: 1 }));
    case 'all-through':
      return range(0, 13).map((year) => ({ year, weight: sixth(year) }));
  }
}

/** Split total into whole parts proportional to weights (largest remainder), summing exactly to total. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

function formCode(year: number, k: number): string {
  return `${year === 0 ? 'R' : String(year)}${String.fromCharCode(65 + k)}`;
}

/** Start (1 September) of the academic year containing a moment. */
function academicYearStart(at: Date): number {
  return at.getUTCMonth() >= 8 ? at.getUTCFullYear() : at.getUTCFullYear() - 1;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A date of birth for a pupil in a year group in the academic year starting in September of `ayStart`. */
function dateOfBirth(rand: () => number, year: number, ayStart: number): string {
  // Reception children turn 5 during the year: born September (ay-5) to August (ay-4).
  const from = Date.UTC(ayStart - 5 - year, 8, 1);
  return isoDate(from + Math.floor(rand() * 365) * DAY);
}

const LEVEL_MIX: [number, LevelCode][] = [
  [0.16, 'MH1'],
  [0.25, 'MH2'],
  [0.3, 'MH3'],
  [0.32, 'MH4'],
  [0.33, 'MH5'],
];

function currentLevelDraw(rand: () => number): number {
  const r = rand();
  for (const [limit, code] of LEVEL_MIX) if (r < limit) return LEVEL_CODES.indexOf(code) + 1;
  return 0;
}

/** The highest level a past (resolved) episode reached. */
function pastPeak(rand: () => number): number {
  const r = rand();
  return r < 0.55 ? 1 : r < 0.82 ? 2 : r < 0.94 ? 3 : r < 0.98 ? 4 : 5;
}

const UP_REASONS: Record<LevelCode, { reason: string; evidence: { kind: string; description: string }[] }> = {
  MH1: {
    reason: 'Tutor and parent both report worries about friendships and lessons over several weeks.',
    evidence: [
      { kind: 'observation', description: 'Tutor notes: quieter in form time, has said they feel left out at lunch.' },
      { kind: 'information_from_home', description: 'Parent phoned: trouble getting to sleep before tests.' },
    ],
  },
  MH2: {
    reason: 'Worries continuing despite level 1 support; low self-esteem and disturbed sleep reported.',
    evidence: [
      { kind: 'score', description: 'Me and My Feelings: emotional difficulties 12 (clinically significant range).' },
      { kind: 'meeting', description: 'Review meeting with parent: agreed in-school ELSA sessions.' },
    ],
  },
  MH3: {
    reason: 'Significant deterioration reported by home and school; GP involved.',
    evidence: [
      { kind: 'external_report', description: 'GP letter: anxiety disorder, referral to CAMHS made.' },
      { kind: 'observation', description: 'Head of Year: missed 6 lessons in two weeks.' },
    ],
  },
  MH4: {
    reason: 'Significantly unwell; risk assessment needed to support the pupil in school.',
    evidence: [{ kind: 'external_report', description: 'CAMHS care coordinator letter: under the crisis team.' }],
  },
  MH5: {
    reason: 'Unable to attend school safely on medical advice.',
    evidence: [{ kind: 'external_report', description: 'Consultant letter: not fit to attend for six weeks.' }],
  },
};

const DOWN_REASON = {
  reason: 'Improvement sustained over the review period; support stepped down as agreed with the family.',
  evidence: [{ kind: 'meeting', description: 'Review meeting: pupil and parent report things are much better.' }],
};

interface Change {
  from: number;
  to: number;
  at: number;
}

/**
 * A pupil's level history between start and end: perhaps one or two past episodes (up a level at a
 * time, a hold, then back down to Thriving), then the climb to the level they hold at the end.
 */
function levelHistory(rand: () => number, start: number, end: number, finalRank: number, recentEnd: boolean): Change[] {
  const current: Change[] = [];
  let currentStart = end;
  if (finalRank > 0) {
    let at = end - between(rand, recentEnd ? 20 : 0, recentEnd ? 150 : 60) * DAY;
    const times: number[] = [];
    for (let r = finalRank; r >= 1; r--) {
      times.unshift(at);
      at -= between(rand, 21, 42) * DAY;
    }
    const first = times[0] ?? end;
    if (first < start) {
      // Joined recently: squeeze the climb into the time they have been here.
      const span = Math.max(end - start, DAY);
      times.forEach((_, k) => (times[k] = start + Math.floor((span * (k + 1)) / (finalRank + 1))));
    }
    times.forEach((t, k) => current.push({ from: k, to: k + 1, at: t }));
    currentStart = times[0] ?? end;
  }
  const past: Change[] = [];
  const windowEnd = currentStart - 60 * DAY;
  let cursor = start + between(rand, 30, 200) * DAY;
  const episodes = rand() < 0.28 ? (rand() < 0.25 ? 2 : 1) : 0;
  for (let e = 0; e < episodes && cursor < windowEnd; e++) {
    const peak = pastPeak(rand);
    const steps: Change[] = [];
    let t = cursor + Math.floor(rand() * Math.max(0, (windowEnd - cursor) * 0.5));
    for (let r = 1; r <= peak; r++) {
      steps.push({ from: r - 1, to: r, at: t });
      t += between(rand, 21, 42) * DAY;
    }
    t += between(rand, 30, 240) * DAY;
    for (let r = peak; r >= 1; r--) {
      // Down one level at a time, or straight back to Thriving from level 1 or 2.
      const to = r <= 2 && rand() < 0.5 ? 0 : r - 1;
      steps.push({ from: r, to, at: t });
      t += between(rand, 30, 90) * DAY;
      if (to === 0) break;
    }
    const last = steps[steps.length - 1];
    if (!last || last.at >= windowEnd) break;
    past.push(...steps);
    cursor = last.at + between(rand, 60, 400) * DAY;
  }
  return [...past, ...current];
}

const code = (rank: number): LevelCode | null => (rank === 0 ? null : (LEVEL_CODES[rank - 1] ?? null));

export interface GeneratedSchool {
  index: number;
  id: string;
  name: string;
  kind: SchoolKind;
  onRoll: number;
  leavers: number;
  smhlEmail: string;
  dslEmail: string;
  /** A tutor (role teacher, no two-factor) of a Year 9 form. */
  tutorEmail: string;
  /** Pupils on roll with a level, for the profile measurement. */
  profilePupilIds: string[];
}

export interface GeneratedTrust {
  trustId: string;
  schools: GeneratedSchool[];
  rows: Record<string, number>;
  seconds: number;
}

type Row = Record<string, unknown>;

/** A table's columns with their SQL types, as json_to_recordset needs them. */
const COLUMNS: Record<string, Record<string, string>> = {
  schools: { id: 'uuid', trust_id: 'uuid', name: 'text', urn: 'text', letterhead: 'text' },
  users: {
    id: 'uuid',
    email: 'text',
    display_name: 'text',
    password_hash: 'text',
    totp_secret: 'text',
    totp_enabled_at: 'timestamptz',
  },
  role_assignments: { id: 'uuid', user_id: 'uuid', trust_id: 'uuid', school_id: 'uuid', role: 'text' },
  level_definitions: {
    id: 'uuid',
    school_id: 'uuid',
    code: 'text',
    version: 'int',
    name: 'text',
    description: 'text',
    school_provides: 'jsonb',
    home_does: 'jsonb',
    school_to_do: 'jsonb',
    home_to_do: 'jsonb',
    evidence_to_move_up: 'text',
    parent_summary: 'text',
  },
  pupils: {
    id: 'uuid',
    school_id: 'uuid',
    upn: 'text',
    given_name: 'text',
    family_name: 'text',
    preferred_name: 'text',
    date_of_birth: 'date',
    year_group: 'int',
    form: 'text',
    send: 'text',
    pupil_premium: 'boolean',
    looked_after: 'boolean',
    child_in_need: 'boolean',
    young_carer: 'boolean',
    eal: 'boolean',
    sex: 'text',
    left_on: 'date',
    current_level: 'text',
    level_changed_at: 'timestamptz',
    created_at: 'timestamptz',
  },
  contacts: {
    id: 'uuid',
    school_id: 'uuid',
    pupil_id: 'uuid',
    name: 'text',
    relationship: 'text',
    email: 'text',
    phone: 'text',
    priority: 'int',
  },
  level_changes: {
    id: 'uuid',
    school_id: 'uuid',
    pupil_id: 'uuid',
    from_level: 'text',
    to_level: 'text',
    definition_id: 'uuid',
    reason: 'text',
    evidence: 'jsonb',
    changed_by: 'uuid',
    changed_at: 'timestamptz',
  },
  level_shares: {
    id: 'uuid',
    school_id: 'uuid',
    pupil_id: 'uuid',
    audience: 'text',
    level: 'text',
    batch_id: 'uuid',
    shared_by: 'uuid',
    shared_at: 'timestamptz',
  },
  teaching_groups: { id: 'uuid', school_id: 'uuid', code: 'text', name: 'text' },
  teaching_group_staff: { school_id: 'uuid', group_id: 'uuid', user_id: 'uuid' },
  teaching_group_pupils: { school_id: 'uuid', group_id: 'uuid', pupil_id: 'uuid' },
  plans: {
    id: 'uuid',
    school_id: 'uuid',
    pupil_id: 'uuid',
    kind: 'text',
    version: 'int',
    agreed_version: 'int',
    agreements_needed: 'jsonb',
    review_due: 'date',
    lead_user_id: 'uuid',
    share_with_teaching: 'boolean',
    parent_shareable: 'boolean',
    ended_at: 'timestamptz',
    ended_by: 'uuid',
    ended_reason: 'text',
    created_by: 'uuid',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  plan_versions: {
    school_id: 'uuid',
    plan_id: 'uuid',
    version: 'int',
    content: 'jsonb',
    reason: 'text',
    created_by: 'uuid',
    created_at: 'timestamptz',
    agreed_at: 'timestamptz',
    agreed_by: 'uuid',
  },
  plan_agreements: {
    id: 'uuid',
    school_id: 'uuid',
    plan_id: 'uuid',
    version: 'int',
    party: 'text',
    name: 'text',
    relationship: 'text',
    how: 'text',
    agreed_on: 'date',
    note: 'text',
    recorded_by: 'uuid',
    recorded_at: 'timestamptz',
  },
  plan_shares: { school_id: 'uuid', plan_id: 'uuid', user_id: 'uuid', shared_by: 'uuid', shared_at: 'timestamptz' },
  plan_reads: { school_id: 'uuid', plan_id: 'uuid', version: 'int', user_id: 'uuid', confirmed_at: 'timestamptz' },
  plan_reviews: {
    id: 'uuid',
    school_id: 'uuid',
    plan_id: 'uuid',
    version: 'int',
    reviewed_on: 'date',
    what_was_done: 'text',
    what_changed: 'text',
    next_review_on: 'date',
    safety_scale: 'int',
    recorded_by: 'uuid',
    recorded_at: 'timestamptz',
  },
  meetings: {
    id: 'uuid',
    school_id: 'uuid',
    pupil_id: 'uuid',
    kind: 'text',
    held_at: 'timestamptz',
    place: 'text',
    attendees: 'jsonb',
    aims: 'text',
    notes: 'text',
    plan_id: 'uuid',
    version: 'int',
    created_by: 'uuid',
    created_at: 'timestamptz',
    completed_at: 'timestamptz',
    completed_by: 'uuid',
    updated_at: 'timestamptz',
  },
  meeting_actions: {
    id: 'uuid',
    school_id: 'uuid',
    meeting_id: 'uuid',
    description: 'text',
    owner_user_id: 'uuid',
    owner_name: 'text',
    due_on: 'date',
    created_by: 'uuid',
    created_at: 'timestamptz',
    completed_at: 'timestamptz',
    completed_by: 'uuid',
    completion_note: 'text',
  },
};

async function insertRows(query: Query, table: string, rows: Row[], counts: Record<string, number>): Promise<void> {
  const columns = COLUMNS[table];
  if (!columns) throw new Error(`no column list for ${table}`);
  const names = Object.keys(columns);
  const text = `insert into ${table} (${names.join(', ')}) select ${names.join(', ')} from json_to_recordset($1::json) as x(${names
    .map((n) => `${n} ${columns[n] ?? 'text'}`)
    .join(', ')})`;
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    await query(text, [JSON.stringify(rows.slice(i, i + BATCH_ROWS))]);
  }
  counts[table] = (counts[table] ?? 0) + rows.length;
}

interface Staff {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
}

/** A pupil who reached MH2 or above in the episode they are in now (or were in when they left). */
interface PlanCandidate {
  id: string;
  rank: number;
  givenName: string;
  familyName: string;
  form: string;
  onRoll: boolean;
  /** When they reached MH2 in that episode. */
  since: number;
  /** Now, or the day they left. */
  end: number;
}

interface PlanPeople {
  smhl: Staff;
  dsl: Staff;
  head: Staff;
  tutorOf: Map<string, Staff>;
  /** Subject teachers (some are named on plans of pupils they do not teach). */
  teachers: Staff[];
  /** Who teaches each pupil on roll: their tutor and their set teachers. */
  teachersOf: Map<string, string[]>;
}

const SECTION_TEXT: Record<PlanSection, readonly string[]> = {
  background: [
    'Attended A&E on a Sunday night after taking tablets; discharged the next day with a CAMHS follow-up booked.',
    'Disclosed to a friend that they had been self-harming; the friend told the tutor, who followed the procedure.',
  ],
  condition: [
    'Anxiety with panic attacks, diagnosed by the GP; worst before tests and in crowded places.',
    'Low mood and poor sleep since the spring; under CAMHS, seen fortnightly by a practitioner.',
  ],
  requirements: [
    'Sit near the door in exams and assemblies; may leave for five minutes with the exit card.',
    'No cold-calling in lessons; give warning before any change to the usual room or teacher.',
  ],
  medication: [
    'Sertraline 50 mg taken at home in the morning; may feel tired or sick in the first weeks.',
    'None taken in school; an inhaler is kept in the medical room for panic-related breathlessness.',
  ],
  warningSigns: [
    'Stops eating lunch, wears long sleeves in warm weather, misses the first lesson more than usual.',
    'Becomes very quiet, puts their head down, asks repeatedly to go to the toilet.',
  ],
  risks: [
    'May leave the site without telling anyone when overwhelmed; has done so twice this term.',
    'Has self-harmed at home; no incidents in school so far. Risk judged moderate by CAMHS.',
  ],
  triggers: [
    'Loud corridors at lesson change, being asked to read aloud, unexpected cover teachers.',
    'Falling out with friends online in the evening; tests and mock exams.',
  ],
  emergency: [
    'Take to the medical room, stay calm and stay with them, call the first contact, then tell the SMHL.',
    'Do not leave them alone; call the DSL on the radio; if they are hurt call 999, then the first contact.',
  ],
  staffMust: [
    'Let them leave lessons two minutes early; tell the pastoral office at once if they are missing.',
    'Check in at the start of each lesson with a quiet word; report any warning sign to the SMHL the same day.',
  ],
  schoolProvides: [
    'Weekly check-in with the key person; ELSA sessions on Tuesdays; a quiet room at lunchtime.',
    'School counsellor fortnightly; reduced homework agreed with subject teachers until half term.',
  ],
  homeDoes: [
    'Mum will check in each evening and keep a sleep diary; phones the office if mornings were hard.',
    'Parents keep medication locked away and tell school of any change in appointments.',
  ],
  worries: [
    'Past harm: two overdoses this year. Danger: further overdoses if things at home do not settle.',
    'Older sibling’s friends bring alcohol to the house; pupil has come to school smelling of alcohol twice.',
  ],
  workingWell: [
    'Close to their grandmother, who collects them on Fridays; attends every session with the counsellor.',
    'Parent has engaged with Early Help and attends every meeting; pupil talks to their form tutor.',
  ],
  needsToHappen: [
    'Early Help assessment completed by half term; safety plan agreed with the family; review in six weeks.',
    'Referral to the young people’s substance service; parent to attend the parenting course.',
  ],
  forPupil: [
    'If you feel worried in a lesson, show your card and go to Student Services. Ms Lee will be there.',
    'Every Monday you can see your key person before school. Tell any adult if you need help.',
  ],
};

const ADJUSTMENT_TEXT: Record<Adjustment, string> = {
  timetable: 'Drops one option subject for supported study in the library.',
  keyPerson: 'Mr Fletcher (Head of Year) is the key person; Ms Ahmed covers when he is away.',
  meetAndGreet: 'Met at the side gate at 8.35 by the key person.',
  safeSpace: 'Student Services quiet room, at any time, with the exit card.',
  exitCard: 'Red card, shown to the teacher, no questions asked; goes to Student Services.',
};

const VERSION_REASONS = [
  'Updated after the review meeting with the family.',
  'New trigger added after last week’s incident.',
  'Medication changed by the GP; emergency contacts updated.',
  'CAMHS advice added after the care coordinator’s letter.',
];

const REVIEW_TEXT = {
  done: [
    'Weekly check-ins held; exit card used four times; ELSA sessions attended.',
    'Counselling sessions attended; parent meeting held; reduced homework in place.',
  ],
  changed: [
    'Fewer panic attacks reported by the pupil and by home; the plan is working, keep it as it is.',
    'Attendance better but still missing first lessons; meet-and-greet to continue.',
  ],
};

const STEP_TEXT = [
  'Referral to the school counsellor',
  'Share the updated plan with the Year team',
  'Parent to book a GP appointment and tell school the outcome',
  'Key person to check in every Monday and Thursday',
  'Ask CAMHS for an update before the next review',
  'Arrange a reduced timetable for two weeks',
];

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

function planContent(rand: () => number, kind: PlanKind, version: number, c: PlanCandidate) {
  const required = new Set<PlanSection>(REQUIRED_SECTIONS[kind]);
  const sections: Partial<Record<PlanSection, string>> = {};
  for (const key of KIND_SECTIONS[kind]) {
    if (!required.has(key) && rand() < 0.25) continue;
    sections[key] = `${pick(rand, SECTION_TEXT[key])}${version > 1 ? ` (Reviewed for version ${version}.)` : ''}`;
  }
  const rest = kind !== 'signs_of_safety';
  const adjustments: Partial<Record<Adjustment, string>> = {};
  if (rest) for (const a of ADJUSTMENTS) if (rand() < 0.4) adjustments[a] = ADJUSTMENT_TEXT[a];
  const contacts = rest
    ? [{ name: `${pick(rand, ['Mrs', 'Mr', 'Ms'])} ${c.familyName}`, relationship: 'Parent', phone: '07700 900123' }]
    : [];
  return { sections, adjustments, contacts, safetyScale: rest ? null : between(rand, 1, 6) };
}

/**
 * Plans and meetings for a school's pupils at MH2 and above (now, or when they left):
 * - about 8% have an Individual Care Plan (2–4 versions, agreements, 1–3 reviews);
 * - 30% of those at MH3+ a risk assessment, most given to everyone who teaches them, some also to
 *   named staff, with read confirmations; 25% of those at MH4+ a crisis plan; a few at MH3+ a Signs
 *   of Safety record;
 * - one to three meetings each (review and parent meetings, with next steps), and for some pupils
 *   on roll a review meeting planned for the coming weeks.
 * Former pupils' plans ended the day they left. Versions, agreements, reviews and meetings fall
 * between the plan's writing and now (or the day the pupil left).
 */
function planRows(
  rand: () => number,
  schoolId: string,
  i: number,
  candidates: PlanCandidate[],
  now: Date,
  people: PlanPeople,
): Record<string, Row[]> {
  const out: Record<string, Row[]> = {
    plans: [],
    plan_versions: [],
    plan_agreements: [],
    plan_shares: [],
    plan_reads: [],
    plan_reviews: [],
    meetings: [],
    meeting_actions: [],
  };
  const push = (table: string, row: Row) => out[table]?.push(row);
  const nowMs = now.getTime();
  let planSerial = 0;
  let meetingSerial = 0;
  for (const c of candidates) {
    const draws = [rand(), rand(), rand(), rand()];
    const kinds: PlanKind[] = [];
    if ((draws[0] ?? 1) < 0.08) kinds.push('care');
    if (c.rank >= 3 && (draws[1] ?? 1) < 0.3) kinds.push('risk');
    if (c.rank >= 4 && (draws[2] ?? 1) < 0.25) kinds.push('crisis');
    if (c.rank >= 3 && (draws[3] ?? 1) < 0.04) kinds.push('signs_of_safety');
    const tutor = people.tutorOf.get(c.form);
    const written: { id: string; created: number }[] = [];
    for (const kind of kinds) {
      let created = c.since + between(rand, 7, 35) * DAY;
      if (created > c.end - 10 * DAY) created = c.since + Math.floor((c.end - c.since) / 3);
      if (c.end - created < 3 * DAY) continue;
      planSerial++;
      const planId = idFor(`school/${i}/plan/${planSerial}`);
      const lead = kind === 'care' || kind === 'signs_of_safety' || rand() < 0.5 ? people.smhl : people.dsl;
      const age = c.end - created;
      const versions =
        kind === 'care' ? between(rand, 2, 4) : kind === 'crisis' ? between(rand, 1, 2) : between(rand, 1, 3);
      const versionAt = (v: number) => created + Math.floor((age * (v - 1)) / versions);
      const parties: AgreementParty[] =
        kind === 'care'
          ? rand() < 0.3
            ? ['pupil', 'parent', 'professional']
            : ['pupil', 'parent']
          : kind === 'crisis'
            ? rand() < 0.5
              ? ['pupil', 'parent']
              : ['parent']
            : kind === 'risk' && rand() < 0.5
              ? ['parent']
              : [];
      let agreedVersion: number | null = null;
      let lastEvent = created;
      for (let v = 1; v <= versions; v++) {
        const at = versionAt(v);
        const room = (v < versions ? versionAt(v + 1) : Math.min(c.end, nowMs)) - at;
        const step = Math.floor(room / (parties.length + 2));
        const agreed = rand() < (v < versions ? 0.85 : c.onRoll ? 0.7 : 0.9);
        let t = at;
        for (const party of parties) {
          if (!agreed && rand() < 0.5) continue;
          t += Math.min(between(rand, 1, 4) * DAY, step);
          push('plan_agreements', {
            id: idFor(`school/${i}/plan/${planSerial}/agreement/${v}/${party}`),
            school_id: schoolId,
            plan_id: planId,
            version: v,
            party,
            name:
              party === 'pupil'
                ? `${c.givenName} ${c.familyName}`
                : party === 'parent'
                  ? `${pick(rand, ['Mrs', 'Mr', 'Ms'])} ${c.familyName}`
                  : pick(rand, ['Dr A. Okafor', 'J. Whitfield', 'S. Brennan']),
            relationship:
              party === 'parent'
                ? pick(rand, ['Mother', 'Father', 'Carer'])
                : party === 'professional'
                  ? pick(rand, ['CAMHS practitioner', 'School nurse', 'GP'])
                  : '',
            how: pick(rand, AGREEMENT_HOW),
            agreed_on: isoDate(t),
            note: '',
            recorded_by: lead.id,
            recorded_at: iso(t),
          });
        }
        const agreedAt = agreed ? t + Math.min(DAY, step) : null;
        if (agreed) agreedVersion = v;
        lastEvent = Math.max(lastEvent, agreedAt ?? t);
        push('plan_versions', {
          school_id: schoolId,
          plan_id: planId,
          version: v,
          content: planContent(rand, kind, v, c),
          reason: v === 1 ? null : pick(rand, VERSION_REASONS),
          created_by: lead.id,
          created_at: iso(at),
          agreed_at: agreedAt === null ? null : iso(agreedAt),
          agreed_by: agreedAt === null ? null : lead.id,
        });
      }

      // Reviews every 3–12 weeks. A plan in force has its next review due between two weeks ago and
      // twelve weeks ahead (about one in seven overdue), and its reviews lie one interval apart
      // before that date; an ended plan's were held while the pupil was here.
      const wanted = kind === 'care' ? between(rand, 1, 3) : between(rand, 0, 2);
      // Young plans are reviewed more often (every three weeks at the most often).
      const planned = between(rand, 42, 84) * DAY;
      const interval = Math.max(21 * DAY, Math.min(planned, Math.floor((age - 7 * DAY) / (wanted + 0.5))));
      const reviewDates: number[] = [];
      let reviewDue: number;
      if (c.onRoll) {
        reviewDue = Date.parse(isoDate(nowMs)) + between(rand, -14, 84) * DAY;
        if (reviewDue <= created + 7 * DAY) reviewDue = created + interval;
        for (let j = 1; reviewDates.length < wanted && reviewDue - interval * j > created + 7 * DAY; j++) {
          const at = reviewDue - interval * j + 10 * HOUR;
          if (at < nowMs - DAY) reviewDates.unshift(at);
        }
      } else {
        for (let at = created + interval; reviewDates.length < wanted && at < c.end - DAY; at += interval) {
          reviewDates.push(at);
        }
        reviewDue = (reviewDates[reviewDates.length - 1] ?? created) + interval;
      }
      // A care plan has been reviewed at least once, however young.
      if (reviewDates.length === 0 && wanted > 0 && kind === 'care') {
        reviewDates.push(Math.min(created + Math.floor((Math.min(c.end, nowMs) - created) * 0.6), reviewDue - DAY));
      }
      reviewDates.forEach((at, k) => {
        const next = reviewDates[k + 1] ?? reviewDue;
        let version = 1;
        for (let v = 1; v <= versions; v++) if (versionAt(v) <= at) version = v;
        push('plan_reviews', {
          id: idFor(`school/${i}/plan/${planSerial}/review/${k + 1}`),
          school_id: schoolId,
          plan_id: planId,
          version,
          reviewed_on: isoDate(at),
          what_was_done: pick(rand, REVIEW_TEXT.done),
          what_changed: pick(rand, REVIEW_TEXT.changed),
          next_review_on: isoDate(next),
          safety_scale: kind === 'signs_of_safety' ? between(rand, 2, 8) : null,
          recorded_by: lead.id,
          recorded_at: iso(Math.min(at + 6 * HOUR, nowMs - HOUR)),
        });
        lastEvent = Math.max(lastEvent, at + 6 * HOUR);
      });

      // Who it is given to: everyone who teaches the pupil, named staff, or both.
      const staffKind = kind !== 'signs_of_safety';
      const teaching = staffKind && rand() < (kind === 'risk' ? 0.85 : kind === 'crisis' ? 0.7 : 0.4);
      const named = new Set<string>();
      if (staffKind && rand() < 0.4) {
        for (let k = between(rand, 1, 2); k > 0; k--) {
          const r = rand();
          const teacher = people.teachers.length > 0 ? pick(rand, people.teachers) : people.dsl;
          named.add(r < 0.3 ? people.dsl.id : r < 0.45 ? people.head.id : teacher.id);
        }
      }
      named.delete(lead.id);
      for (const userId of named) {
        push('plan_shares', {
          school_id: schoolId,
          plan_id: planId,
          user_id: userId,
          shared_by: lead.id,
          shared_at: iso(created + HOUR),
        });
      }
      const readers = new Set<string>(named);
      if (teaching && c.onRoll) for (const u of people.teachersOf.get(c.id) ?? []) readers.add(u);
      for (const userId of readers) {
        for (const v of [versions - 1, versions]) {
          if (v < 1 || rand() >= (v === versions ? 0.65 : 0.8)) continue;
          const room = (v < versions ? versionAt(v + 1) : Math.min(c.end, nowMs)) - versionAt(v);
          push('plan_reads', {
            school_id: schoolId,
            plan_id: planId,
            version: v,
            user_id: userId,
            confirmed_at: iso(versionAt(v) + Math.floor(room * 0.9 * rand())),
          });
        }
      }

      const endedAt = c.onRoll ? null : c.end;
      push('plans', {
        id: planId,
        school_id: schoolId,
        pupil_id: c.id,
        kind,
        version: versions,
        agreed_version: agreedVersion,
        agreements_needed: parties,
        review_due: isoDate(reviewDue),
        lead_user_id: lead.id,
        share_with_teaching: teaching,
        parent_shareable: staffKind && rand() < 0.5,
        ended_at: endedAt === null ? null : iso(endedAt),
        ended_by: endedAt === null ? null : lead.id,
        ended_reason: endedAt === null ? null : 'The pupil left the school.',
        created_by: lead.id,
        created_at: iso(created),
        updated_at: iso(endedAt ?? lastEvent),
      });
      written.push({ id: planId, created });
    }

    // Meetings about the pupil: review meetings (of the first plan) and parent meetings, held since it was written.
    const first = written[0];
    if (!first) continue;
    const held = between(rand, 1, 3);
    for (let m = 0; m < held; m++) {
      const span = c.end - 2 * DAY - first.created;
      if (span <= 0) break;
      const dayStart = Math.floor((first.created + rand() * span) / DAY) * DAY;
      const heldAt = dayStart + between(rand, 8, 15) * HOUR;
      const kind = m % 2 === 0 ? 'mh_review' : 'parent';
      meetingSerial++;
      const meetingId = idFor(`school/${i}/meeting/${meetingSerial}`);
      const attendees = [
        { kind: 'staff', userId: people.smhl.id, name: people.smhl.displayName, role: 'Senior Mental Health Lead' },
        ...(tutor ? [{ kind: 'staff', userId: tutor.id, name: tutor.displayName, role: 'Form tutor' }] : []),
        { kind: 'parent', userId: null, name: `Mrs ${c.familyName}`, role: 'Mother' },
        ...(rand() < 0.6 ? [{ kind: 'pupil', userId: null, name: `${c.givenName} ${c.familyName}`, role: '' }] : []),
      ];
      push('meetings', {
        id: meetingId,
        school_id: schoolId,
        pupil_id: c.id,
        kind,
        held_at: iso(heldAt),
        place: pick(rand, ['Meeting room 2', 'Student Services', 'Online (Teams)', 'Head of Year office']),
        attendees,
        aims:
          kind === 'mh_review'
            ? 'Review the plan: what has worked, what needs to change.'
            : 'Agree support at home and school.',
        notes: 'Everyone agreed the support is helping; the pupil would like fewer check-ins in lessons.',
        plan_id: kind === 'mh_review' ? first.id : null,
        version: 1,
        created_by: people.smhl.id,
        created_at: iso(heldAt - between(rand, 2, 10) * DAY),
        completed_at: iso(heldAt + HOUR),
        completed_by: people.smhl.id,
        updated_at: iso(heldAt + HOUR),
      });
      const steps = kind === 'parent' ? between(rand, 1, 3) : between(rand, 0, 2);
      for (let k = 1; k <= steps; k++) {
        const r = rand();
        const owner = r < 0.4 ? people.smhl : r < 0.7 ? tutor : undefined;
        const due = heldAt + between(rand, 7, 28) * DAY;
        const done = due < nowMs && rand() < 0.75;
        push('meeting_actions', {
          id: idFor(`school/${i}/meeting/${meetingSerial}/step/${k}`),
          school_id: schoolId,
          meeting_id: meetingId,
          description: pick(rand, STEP_TEXT),
          owner_user_id: owner?.id ?? null,
          owner_name: owner?.displayName ?? `Mrs ${c.familyName}`,
          due_on: isoDate(due),
          created_by: people.smhl.id,
          created_at: iso(heldAt + HOUR),
          completed_at: done ? iso(Math.max(heldAt + DAY, due - between(rand, 0, 5) * DAY)) : null,
          completed_by: done ? (owner?.id ?? people.smhl.id) : null,
          completion_note: done ? '' : null,
        });
      }
    }
    if (c.onRoll && rand() < 0.2) {
      meetingSerial++;
      const heldAt = Math.floor(nowMs / DAY) * DAY + between(rand, 2, 21) * DAY + 10 * HOUR;
      const createdAt = nowMs - between(rand, 1, 5) * DAY;
      push('meetings', {
        id: idFor(`school/${i}/meeting/${meetingSerial}`),
        school_id: schoolId,
        pupil_id: c.id,
        kind: 'mh_review',
        held_at: iso(heldAt),
        place: 'Meeting room 2',
        attendees: [
          { kind: 'staff', userId: people.smhl.id, name: people.smhl.displayName, role: 'Senior Mental Health Lead' },
          { kind: 'parent', userId: null, name: `Mrs ${c.familyName}`, role: 'Mother' },
        ],
        aims: 'Review the plan before half term.',
        notes: '',
        plan_id: first.id,
        version: 1,
        created_by: people.smhl.id,
        created_at: iso(createdAt),
        completed_at: null,
        completed_by: null,
        updated_at: iso(createdAt),
      });
    }
  }
  return out;
}

/** Generate one school with its staff, pupils (on roll and former), histories, contacts and groups. */
async function generateSchool(
  query: Query,
  trustId: string,
  plan: SchoolPlan,
  now: Date,
  passwordHash: string,
  counts: Record<string, number>,
): Promise<GeneratedSchool> {
  const i = plan.index;
  const rand = rngFor(`school-${i}`);
  const schoolId = idFor(`school/${i}`);
  const kindName =
    plan.kind === 'primary' ? 'Primary School' : plan.kind === 'secondary' ? 'Academy' : 'All-through School';
  const name = `${pick(rand, ['Riverside', 'Oakfield', 'St Anne’s', 'Hillcrest', 'Meadowbank', 'Kingsway', 'Elmhurst', 'Brookside'])} ${kindName} ${i}`;
  const domain = `s${i}.bench.example`;
  await insertRows(
    query,
    'schools',
    [{ id: schoolId, trust_id: trustId, name, urn: String(800_000 + i), letterhead: `${name}\nBench Road ${i}` }],
    counts,
  );
  const nowIso = now.toISOString();
  const definitionIds = new Map<number, string>();
  await insertRows(
    query,
    'level_definitions',
    LEVEL_CODES.map((c, k) => {
      const id = idFor(`school/${i}/level/${c}`);
      definitionIds.set(k + 1, id);
      const w = DEFAULT_LEVELS[c];
      return {
        id,
        school_id: schoolId,
        code: c,
        version: 1,
        name: w.name,
        description: w.description,
        school_provides: w.schoolProvides,
        home_does: w.homeDoes,
        school_to_do: w.schoolToDo,
        home_to_do: w.homeToDo,
        evidence_to_move_up: w.evidenceToMoveUp,
        parent_summary: w.parentSummary,
      };
    }),
    counts,
  );

  // Year groups and forms.
  const years = yearsOf(plan.kind);
  const perYear = apportion(
    plan.onRoll,
    years.map((y) => y.weight),
  );
  const forms: { year: number; code: string }[] = [];
  const formsOfYear = new Map<number, string[]>();
  years.forEach(({ year }, k) => {
    const n = Math.max(1, Math.ceil((perYear[k] ?? 0) / PUPILS_PER_FORM));
    const codes = Array.from({ length: n }, (_, f) => formCode(year, f));
    formsOfYear.set(year, codes);
    for (const c of codes) forms.push({ year, code: c });
  });

  // Staff: the leadership, a tutor for every form, and subject teachers for the sets.
  const staff: Staff[] = [];
  const person = (local: string, roles: Role[]): Staff => {
    const s: Staff = {
      id: idFor(`school/${i}/user/${local}`),
      email: `${local}@${domain}`,
      displayName: `${pickWeighted(rand, GIVEN_NAMES, GIVEN_ZIPF)} ${pickWeighted(rand, FAMILY_NAMES, FAMILY_ZIPF)}`,
      roles,
    };
    staff.push(s);
    return s;
  };
  const head = person('head', ['headteacher']);
  const smhl = person('smhl', ['smhl']);
  const dsl = person('dsl', ['dsl']);
  const tutorOf = new Map<string, Staff>();
  for (const f of forms) tutorOf.set(f.code, person(`tutor.${f.code.toLowerCase()}`, ['teacher']));
  const SUBJECTS = ['Ma', 'En', 'Sc'];
  const setYears = years.map((y) => y.year).filter((y) => y >= 7 && y <= 11);
  const sets: { year: number; code: string }[] = [];
  for (const year of setYears) {
    const n = formsOfYear.get(year)?.length ?? 1;
    for (const subject of SUBJECTS) for (let k = 1; k <= n; k++) sets.push({ year, code: `${year}${subject}${k}` });
  }
  const subjectTeachers = Array.from({ length: Math.ceil(sets.length / 5) }, (_, k) =>
    person(`teacher.${k + 1}`, ['teacher']),
  );
  const mfaRoles = new Set<Role>(['headteacher', 'smhl', 'dsl']);
  await insertRows(
    query,
    'users',
    staff.map((s) => {
      const mfa = s.roles.some((r) => mfaRoles.has(r));
      return {
        id: s.id,
        email: s.email,
        display_name: s.displayName,
        password_hash: passwordHash,
        totp_secret: mfa ? BENCH_TOTP_SECRET : null,
        totp_enabled_at: mfa ? nowIso : null,
      };
    }),
    counts,
  );
  await insertRows(
    query,
    'role_assignments',
    staff.flatMap((s) =>
      s.roles.map((role) => ({
        id: idFor(`school/${i}/role/${s.email}/${role}`),
        user_id: s.id,
        trust_id: trustId,
        school_id: schoolId,
        role,
      })),
    ),
    counts,
  );

  // Pupils: those on roll now, then former pupils of the last ten years.
  const ayNow = academicYearStart(now);
  const pupilRows: Row[] = [];
  const changeRows: Row[] = [];
  const contactRows: Row[] = [];
  const shareRows: Row[] = [];
  const onRollPupils: { id: string; year: number; form: string }[] = [];
  const profilePupilIds: string[] = [];
  const planCandidates: PlanCandidate[] = [];
  const firstYear = years[0]?.year ?? 0;
  const lastYears = plan.kind === 'primary' ? [6] : [11, 13];
  let serial = 0;

  const addPupil = (year: number, form: string, leftOn: number | null) => {
    serial++;
    const id = idFor(`school/${i}/pupil/${serial}`);
    const atMoment = leftOn ?? now.getTime();
    const ay = academicYearStart(new Date(atMoment));
    const familyName = pickWeighted(rand, FAMILY_NAMES, FAMILY_ZIPF);
    const givenName = pickWeighted(rand, GIVEN_NAMES, GIVEN_ZIPF);
    // Most joined at the start of the school's first year group; some arrived later.
    const joinedYear = rand() < 0.85 ? firstYear : between(rand, firstYear, year);
    const joined = Math.max(Date.UTC(ay - (year - joinedYear), 8, 3), now.getTime() - 10 * YEAR);
    const end = Math.max(atMoment, joined + DAY);
    const finalRank = currentLevelDraw(rand);
    const history = levelHistory(rand, joined, end, finalRank, leftOn === null);
    const last = history[history.length - 1];
    // The change to MH2 in the episode they are in now (or were in when they left); no random draw,
    // so the rest of the school is generated exactly as before plans existed.
    const reachedMh2 = finalRank >= 2 ? history[history.length - finalRank + 1] : undefined;
    if (reachedMh2) {
      planCandidates.push({
        id,
        rank: finalRank,
        givenName,
        familyName,
        form,
        onRoll: leftOn === null,
        since: reachedMh2.at,
        end,
      });
    }
    const smhlId = smhl.id;
    for (const c of history) {
      const up = c.to > c.from;
      const text = up ? UP_REASONS[code(c.to) ?? 'MH1'] : DOWN_REASON;
      changeRows.push({
        id: idFor(`school/${i}/pupil/${serial}/change/${c.at}`),
        school_id: schoolId,
        pupil_id: id,
        from_level: code(c.from),
        to_level: code(c.to),
        definition_id: c.to > 0 ? (definitionIds.get(c.to) ?? null) : null,
        reason: text.reason,
        evidence: text.evidence,
        changed_by: smhlId,
        changed_at: new Date(c.at).toISOString(),
      });
    }
    const send = rand() < 0.12 ? 'support' : rand() < 0.035 ? 'ehcp' : 'none';
    pupilRows.push({
      id,
      school_id: schoolId,
      upn: makeUpn(`8${String(i).padStart(3, '0')}${String(serial).padStart(8, '0')}`),
      given_name: givenName,
      family_name: familyName,
      preferred_name: rand() < 0.05 ? pickWeighted(rand, GIVEN_NAMES, GIVEN_ZIPF) : null,
      date_of_birth: dateOfBirth(rand, year, ay),
      year_group: year,
      form,
      send,
      pupil_premium: rand() < 0.25,
      looked_after: rand() < 0.01,
      child_in_need: rand() < 0.03,
      young_carer: rand() < 0.04,
      eal: rand() < 0.18,
      sex: sexOf(id),
      left_on: leftOn === null ? null : isoDate(leftOn),
      current_level: last ? code(last.to) : null,
      level_changed_at: last ? new Date(last.at).toISOString() : null,
      created_at: new Date(joined).toISOString(),
    });
    const contacts = rand() < 0.55 ? 2 : 1;
    for (let p = 1; p <= contacts; p++) {
      contactRows.push({
        id: idFor(`school/${i}/pupil/${serial}/contact/${p}`),
        school_id: schoolId,
        pupil_id: id,
        name: `${pick(rand, ['Mrs', 'Mr', 'Ms', 'Mx', 'Dr'])} ${familyName}`,
        relationship: p === 1 ? pick(rand, ['Mother', 'Father', 'Carer', 'Grandparent']) : 'Parent',
        email: p === 1 ? `parent.${serial}@${domain}` : null,
        phone: `07700 9${String(serial % 100_000).padStart(5, '0')}`,
        priority: p,
      });
    }
    if (leftOn === null) {
      onRollPupils.push({ id, year, form });
      if (last && last.to > 0) {
        if (profilePupilIds.length < 200 && history.length >= 2) profilePupilIds.push(id);
        // Termly sharing of the level with parents and staff, this school year.
        for (const [month, dayOfMonth] of [
          [8, 20],
          [0, 15],
          [3, 25],
        ] as const) {
          const y = month >= 8 ? ayNow : ayNow + 1;
          const at = Date.UTC(y, month, dayOfMonth, 15);
          if (at > last.at && at < now.getTime()) {
            for (const audience of ['parents', 'staff']) {
              shareRows.push({
                id: idFor(`school/${i}/pupil/${serial}/share/${at}/${audience}`),
                school_id: schoolId,
                pupil_id: id,
                audience,
                level: code(last.to),
                batch_id: idFor(`school/${i}/share-batch/${at}/${audience}`),
                shared_by: smhlId,
                shared_at: new Date(at).toISOString(),
              });
            }
          }
        }
      }
    }
  };

  years.forEach(({ year }, k) => {
    const codes = formsOfYear.get(year) ?? [];
    const n = perYear[k] ?? 0;
    for (let p = 0; p < n; p++) addPupil(year, codes[p % codes.length] ?? formCode(year, 0), null);
  });
  for (let l = 0; l < plan.leavers; l++) {
    // Most leave at the end of their last year here; the rest move away at any time.
    const yearsAgo = between(rand, 0, 9);
    if (rand() < 0.75) {
      const year = pick(rand, lastYears);
      const leftOn = Date.UTC(ayNow - yearsAgo, 6, 22);
      if (leftOn < now.getTime()) {
        addPupil(year, formCode(year, between(rand, 0, (formsOfYear.get(year)?.length ?? 1) - 1)), leftOn);
        continue;
      }
    }
    const leftOn = now.getTime() - Math.floor(rand() * 10 * YEAR);
    const year = pick(rand, years).year;
    addPupil(year, formCode(year, between(rand, 0, (formsOfYear.get(year)?.length ?? 1) - 1)), leftOn);
  }
  await insertRows(query, 'pupils', pupilRows, counts);
  await insertRows(query, 'contacts', contactRows, counts);
  await insertRows(query, 'level_changes', changeRows, counts);
  await insertRows(query, 'level_shares', shareRows, counts);

  // Teaching groups: a tutor group per form, and maths, English and science sets in years 7 to 11.
  const groupRows: Row[] = [];
  const groupStaffRows: Row[] = [];
  const groupPupilRows: Row[] = [];
  const groupId = (c: string) => idFor(`school/${i}/group/${c}`);
  for (const f of forms) {
    groupRows.push({ id: groupId(f.code), school_id: schoolId, code: f.code, name: `Tutor group ${f.code}` });
    const tutor = tutorOf.get(f.code);
    if (tutor) groupStaffRows.push({ school_id: schoolId, group_id: groupId(f.code), user_id: tutor.id });
  }
  sets.forEach((s, k) => {
    groupRows.push({ id: groupId(s.code), school_id: schoolId, code: s.code, name: `Set ${s.code}` });
    const teacher = subjectTeachers[Math.floor(k / 5)];
    if (teacher) groupStaffRows.push({ school_id: schoolId, group_id: groupId(s.code), user_id: teacher.id });
  });
  for (const p of onRollPupils) {
    groupPupilRows.push({ school_id: schoolId, group_id: groupId(p.form), pupil_id: p.id });
    const n = formsOfYear.get(p.year)?.length ?? 1;
    if (p.year >= 7 && p.year <= 11) {
      for (const subject of SUBJECTS) {
        groupPupilRows.push({
          school_id: schoolId,
          group_id: groupId(`${p.year}${subject}${between(rand, 1, n)}`),
          pupil_id: p.id,
        });
      }
    }
  }
  await insertRows(query, 'teaching_groups', groupRows, counts);
  await insertRows(query, 'teaching_group_staff', groupStaffRows, counts);
  await insertRows(query, 'teaching_group_pupils', groupPupilRows, counts);

  // Plans and meetings, from a random stream of their own (the rows above are unchanged by them).
  const staffOfGroup = new Map<string, string[]>();
  for (const r of groupStaffRows) {
    const g = r.group_id as string;
    staffOfGroup.set(g, [...(staffOfGroup.get(g) ?? []), r.user_id as string]);
  }
  const teachersOf = new Map<string, string[]>();
  for (const r of groupPupilRows) {
    const p = r.pupil_id as string;
    const have = teachersOf.get(p) ?? [];
    for (const u of staffOfGroup.get(r.group_id as string) ?? []) if (!have.includes(u)) have.push(u);
    teachersOf.set(p, have);
  }
  const planTables = planRows(rngFor(`school-${i}/plans`), schoolId, i, planCandidates, now, {
    smhl,
    dsl,
    head,
    tutorOf,
    teachers: subjectTeachers,
    teachersOf,
  });
  for (const [table, rows] of Object.entries(planTables)) await insertRows(query, table, rows, counts);

  const year9 = formsOfYear.get(9)?.[0] ?? forms[0]?.code ?? '';
  return {
    index: i,
    id: schoolId,
    name,
    kind: plan.kind,
    onRoll: plan.onRoll,
    leavers: plan.leavers,
    smhlEmail: smhl.email,
    dslEmail: dsl.email,
    tutorEmail: tutorOf.get(year9)?.email ?? '',
    profilePupilIds,
  };
}

/** Generate the trust (or only the schools named) and refresh the planner's statistics. */
export async function generateTrust(
  raw: RawDb,
  plan: TrustPlan,
  options: { now: Date; passwordHash: string; onlySchools?: number[]; log?: (line: string) => void },
): Promise<GeneratedTrust> {
  const started = performance.now();
  const trustId = idFor('trust');
  const counts: Record<string, number> = {};
  await raw.query('insert into trusts (id, name) values ($1, $2)', [trustId, 'Bench Learning Trust']);
  counts.trusts = 1;
  const schools: GeneratedSchool[] = [];
  for (const s of plan.schools) {
    if (options.onlySchools && !options.onlySchools.includes(s.index)) continue;
    schools.push(
      await raw.transaction((query) => generateSchool(query, trustId, s, options.now, options.passwordHash, counts)),
    );
    options.log?.(`  school ${s.index}: ${s.onRoll} on roll, ${s.leavers} former pupils`);
  }
  // A long-running database has statistics (autovacuum on PostgreSQL); a freshly loaded one has none.
  await raw.query('vacuum analyze');
  return { trustId, schools, rows: counts, seconds: (performance.now() - started) / 1000 };
}
