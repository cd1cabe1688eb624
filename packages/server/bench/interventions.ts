/**
 * Interventions for the bench (issue 10), per school, in the manner of generate.ts: rows built from a
 * random stream of the school's own and written in batches (INSERT ... SELECT FROM json_to_recordset).
 *
 * Each school gets a catalogue of six interventions run by its SMHL and two of its teachers. Each
 * has run back-to-back courses since 1 September of the last school year: one session a week on its
 * day (a few cancelled), everyone in the course marked attended (about 85%) or not. Finished places
 * are completed (about 9 in 10) or left early; the course running now is in; then the waiting list:
 * ELSA, the busiest, is full with 60 waiting, the others have 0 to 9. Each place given is asked a
 * baseline questionnaire at its start and, when completed, a follow-up at its end, answered and
 * scored by core's one scorer (`scoreAnswers`) as the app stores them.
 */
import {
  builtinMeasure,
  itemOptions,
  scoreAnswers,
  type LevelCode,
  type MeasureDefinition,
  type SessionDay,
} from '@tandem/core';
import type { Query, RawDb } from './databases';
import { idFor, rngFor } from './generate';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const BATCH_ROWS = 5_000;

interface CatalogueEntry {
  key: string;
  name: string;
  format: 'group' | 'one_to_one';
  places: number;
  sessions: number;
  minutes: number;
  day: SessionDay;
  levels: LevelCode[];
  measure: string;
  /** Pupils waiting now. */
  waiting: number;
}

/** The catalogue of every school; ELSA is the busiest (measurement 9a). */
export const CATALOGUE: readonly CatalogueEntry[] = [
  { key: 'elsa', name: 'ELSA', format: 'one_to_one', places: 6, sessions: 6, minutes: 30, day: 'tuesday', levels: ['MH1', 'MH2'], measure: 'gbo', waiting: 60 },
  { key: 'nurture', name: 'Nurture group', format: 'group', places: 8, sessions: 12, minutes: 60, day: 'wednesday', levels: ['MH1', 'MH2'], measure: 'mamf', waiting: 6 },
  { key: 'mindfulness', name: 'Mindfulness', format: 'group', places: 12, sessions: 8, minutes: 45, day: 'thursday', levels: ['MH1'], measure: 'scwbs', waiting: 3 },
  { key: 'counselling', name: 'School counselling', format: 'one_to_one', places: 4, sessions: 10, minutes: 50, day: 'monday', levels: ['MH2', 'MH3', 'MH4'], measure: 'phqa', waiting: 9 },
  { key: 'mhst', name: 'Mental Health Support Team sessions', format: 'one_to_one', places: 5, sessions: 8, minutes: 45, day: 'friday', levels: ['MH2', 'MH3'], measure: 'gad7', waiting: 4 },
  { key: 'bereavement', name: 'Bereavement group', format: 'group', places: 6, sessions: 6, minutes: 60, day: 'wednesday', levels: ['MH1', 'MH2', 'MH3'], measure: 'gbo', waiting: 0 },
]; // prettier-ignore

export const BUSIEST = 'elsa';

export const interventionIdFor = (school: number, key: string) => idFor(`school/${school}/intervention/${key}`);

type Row = Record<string, unknown>;

const COLUMNS: Record<string, Record<string, string>> = {
  interventions: {
    id: 'uuid', school_id: 'uuid', name: 'text', description: 'text', format: 'text', places: 'int', session_count: 'int',
    session_minutes: 'int', session_day: 'text', suits_levels: 'jsonb', measure_key: 'text', status: 'text',
    created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  intervention_staff: { school_id: 'uuid', intervention_id: 'uuid', user_id: 'uuid' },
  intervention_places: {
    id: 'uuid', school_id: 'uuid', intervention_id: 'uuid', pupil_id: 'uuid', status: 'text', source: 'text', reason: 'text',
    requested_by: 'uuid', requested_at: 'timestamptz', allocated_at: 'timestamptz', allocated_by: 'uuid',
    allocation_reason: 'text', started_on: 'date', parents_told_at: 'timestamptz', parents_told_by: 'uuid',
    ended_at: 'timestamptz', ended_by: 'uuid', end_reason: 'text',
  },
  intervention_sessions: {
    id: 'uuid', school_id: 'uuid', intervention_id: 'uuid', held_on: 'date', cancelled: 'boolean', note: 'text',
    recorded_by: 'uuid', recorded_at: 'timestamptz',
  },
  intervention_attendance: { school_id: 'uuid', session_id: 'uuid', place_id: 'uuid', attendance: 'text' },
  questionnaires: {
    id: 'uuid', school_id: 'uuid', pupil_id: 'uuid', measure_key: 'text', measure_version: 'int', place_id: 'uuid',
    timepoint: 'text', respondent: 'text', status: 'text', answers: 'jsonb', goals: 'jsonb', scores: 'jsonb',
    due_on: 'date', created_by: 'uuid', created_at: 'timestamptz', started_at: 'timestamptz',
    completed_at: 'timestamptz', completed_by: 'uuid', updated_at: 'timestamptz',
  },
}; // prettier-ignore

async function insertRows(query: Query, table: string, rows: Row[], counts: Record<string, number>): Promise<void> {
  const columns = COLUMNS[table];
  if (!columns) throw new Error(`no column list for ${table}`);
  const names = Object.keys(columns);
  const text = `insert into ${table} (${names.join(', ')}) select ${names.join(', ')} from json_to_recordset($1::json) as x(${names
    .map((n) => `${n} ${columns[n] ?? 'text'}`)
    .join(', ')})`;
  for (let i = 0; i < rows.length; i += BATCH_ROWS) await query(text, [JSON.stringify(rows.slice(i, i + BATCH_ROWS))]);
  counts[table] = (counts[table] ?? 0) + rows.length;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => iso(ms).slice(0, 10);
const between = (rand: () => number, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

/** The last day on or before `ms` (midnight UTC) that falls on the session day. */
function sessionDayOnOrBefore(ms: number, day: SessionDay): number {
  const midnight = Math.floor(ms / DAY) * DAY;
  const target = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].indexOf(day) + 1;
  return midnight - ((new Date(midnight).getUTCDay() - target + 7) % 7) * DAY;
}

/**
 * Answers of a pupil whose difficulties are `severity` (0 none .. 1 severe): each scored item leans
 * to the worse end by that much (worse is a higher value on symptom measures, lower on wellbeing
 * and goals; reversed items the other way); a risk item is answered "not at all".
 */
function answersFor(rand: () => number, m: MeasureDefinition, severity: number, goals: number): Record<string, number> {
  const higherIsWorse = !(m.scores[0]?.higherIsBetter ?? false);
  const out: Record<string, number> = {};
  m.items.forEach((item, k) => {
    if (m.goals && k >= goals) return;
    const values = itemOptions(m, item)
      .map((o) => o.value)
      .sort((a, b) => a - b);
    if (item.riskAt !== undefined) {
      out[item.id] = values[0] ?? 0;
      return;
    }
    const worseUp = higherIsWorse !== Boolean(item.reverse);
    const lean = Math.min(1, Math.max(0, severity + (rand() - 0.5) * 0.5));
    const at = Math.round((worseUp ? lean : 1 - lean) * (values.length - 1));
    out[item.id] =
      item.unscored || item.options ? (values[between(rand, 0, values.length - 1)] ?? 0) : (values[at] ?? 0);
  });
  return out;
}

/** Generate the interventions of one school (after its pupils and staff). */
export async function generateInterventions(
  query: Query,
  school: { index: number; id: string },
  now: Date,
  counts: Record<string, number>,
): Promise<void> {
  const i = school.index;
  const rand = rngFor(`school-${i}/interventions`);
  const nowMs = now.getTime();
  const ay = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const from = Date.UTC(ay - 1, 8, 1); // courses since the start of the last school year
  // Pupils on roll, those with a level first (most places go to them), shuffled by the school's stream.
  const pool = await query<{ id: string; level: string | null }>(
    'select id, current_level as level from pupils where school_id = $1 and left_on is null order by id',
    [school.id],
  );
  // A third of the pupils asked for have no level (they come last on a waiting list).
  const weight = (p: { level: string | null }) => (p.level ? rand() : 4 * rand());
  const candidates = pool
    .map((p) => ({ p, w: weight(p) }))
    .sort((a, b) => a.w - b.w)
    .map((x) => x.p.id);
  const staffRows = await query<{ id: string; role: string }>(
    `select u.id, ra.role from users u join role_assignments ra on ra.user_id = u.id
     where ra.school_id = $1 and ra.role in ('smhl', 'teacher') and ra.revoked_at is null order by u.email limit 40`,
    [school.id],
  );
  const smhlId = staffRows.find((r) => r.role === 'smhl')?.id;
  const teacherIds = staffRows.filter((r) => r.role === 'teacher').map((r) => r.id);
  if (!smhlId || teacherIds.length === 0) throw new Error(`school ${i}: no SMHL or teachers for the interventions`);
  const requesters = [smhlId, ...teacherIds.slice(0, 10)];
  const rows: Record<string, Row[]> = Object.fromEntries(Object.keys(COLUMNS).map((t) => [t, []]));
  const push = (table: string, row: Row) => rows[table]?.push(row);
  let offset = 0;

  CATALOGUE.forEach((c, k) => {
    const interventionId = interventionIdFor(i, c.key);
    const measure = builtinMeasure(c.measure);
    if (!measure) throw new Error(`no measure ${c.measure}`);
    push('interventions', {
      id: interventionId,
      school_id: school.id,
      name: c.name,
      description: `${c.name}: ${c.sessions} sessions of ${c.minutes} minutes.`,
      format: c.format,
      places: c.places,
      session_count: c.sessions,
      session_minutes: c.minutes,
      session_day: c.day,
      suits_levels: c.levels,
      measure_key: c.measure,
      status: 'running',
      created_by: smhlId,
      created_at: iso(from - 30 * DAY),
      updated_at: iso(from - 30 * DAY),
    });
    const staff = [smhlId, ...[teacherIds[(2 * k) % teacherIds.length], teacherIds[(2 * k + 1) % teacherIds.length]]];
    for (const userId of new Set(staff.filter((u): u is string => Boolean(u)))) {
      push('intervention_staff', { school_id: school.id, intervention_id: interventionId, user_id: userId });
    }
    // Its pupils: distinct within the intervention, overlapping between interventions.
    const start = offset;
    offset = (offset + 97) % candidates.length;
    let n = 0;
    const nextPupil = () => candidates[(start + n++) % candidates.length] as string;

    // Courses back to back, the last one running now (started 0 .. sessions-1 weeks ago).
    const current = sessionDayOnOrBefore(nowMs - between(rand, 0, c.sessions - 1) * WEEK, c.day);
    const starts: number[] = [];
    for (let s = current; s >= from; s -= (c.sessions + 1) * WEEK) starts.unshift(s);
    const courses = starts.map((s) => ({ start: s, places: [] as { id: string; end: number }[] }));
    let placeNo = 0;
    const questionnaire = (place: Row, timepoint: 'baseline' | 'follow_up', at: number, severity: number) => {
      const goals = between(rand, 1, 3);
      const answers = answersFor(rand, measure, severity, goals);
      const goalText = measure.goals
        ? Object.fromEntries(
            Array.from({ length: goals }, (_, g) => [`goal${g + 1}`, `Goal ${g + 1} in the pupil's words`]),
          )
        : {};
      push('questionnaires', {
        id: idFor(`school/${i}/place/${place.id as string}/${timepoint}`),
        school_id: school.id,
        pupil_id: place.pupil_id,
        measure_key: measure.key,
        measure_version: measure.version,
        place_id: place.id,
        timepoint,
        respondent: 'pupil',
        status: 'complete',
        answers,
        goals: goalText,
        scores: scoreAnswers(measure, answers).scores,
        due_on: isoDate(at),
        created_by: smhlId,
        created_at: iso(at - 2 * DAY),
        started_at: iso(at),
        completed_at: iso(at + 15 * 60_000),
        completed_by: smhlId,
        updated_at: iso(at + 15 * 60_000),
      });
    };
    for (const course of courses) {
      const running = course === courses[courses.length - 1];
      const end = course.start + (c.sessions - 1) * WEEK;
      const full = running && c.key !== BUSIEST && rand() < 0.4 ? c.places - 1 : c.places;
      for (let p = 0; p < full; p++) {
        const id = idFor(`school/${i}/intervention/${c.key}/place/${++placeNo}`);
        const allocatedAt = course.start - between(rand, 2, 6) * DAY + between(rand, 8, 16) * 3_600_000;
        const requestedAt = allocatedAt - between(rand, 5, 120) * DAY - Math.floor(rand() * DAY);
        const left = !running && rand() < 0.1;
        const endedAt = running
          ? null
          : (left ? course.start + between(rand, 1, c.sessions - 2) * WEEK : end) + 15 * 3_600_000;
        const place: Row = {
          id,
          school_id: school.id,
          intervention_id: interventionId,
          pupil_id: nextPupil(),
          status: running ? 'in' : left ? 'left_early' : 'completed',
          source: 'staff',
          reason: 'Needs support with managing feelings in school.',
          requested_by: requesters[between(rand, 0, requesters.length - 1)],
          requested_at: iso(requestedAt),
          allocated_at: iso(allocatedAt),
          allocated_by: smhlId,
          allocation_reason: 'Next on the waiting list.',
          started_on: isoDate(course.start),
          parents_told_at: iso(allocatedAt + 3_600_000),
          parents_told_by: smhlId,
          ended_at: endedAt === null ? null : iso(endedAt),
          ended_by: endedAt === null ? null : smhlId,
          end_reason: endedAt === null ? null : left ? 'Moved school.' : 'Completed the sessions.',
        };
        push('intervention_places', place);
        course.places.push({ id, end: endedAt ?? Number.POSITIVE_INFINITY });
        const severity = 0.45 + rand() * 0.45;
        questionnaire(place, 'baseline', course.start + 9 * 3_600_000, severity);
        if (place.status === 'completed') {
          const better = rand() < 0.6 ? 0.25 + rand() * 0.35 : (rand() - 0.5) * 0.2;
          questionnaire(place, 'follow_up', end + 9 * 3_600_000, Math.max(0, severity - better));
        }
      }
      // Its sessions, once a week, up to today; everyone in the course then is marked.
      for (let w = 0; w < c.sessions; w++) {
        const held = course.start + w * WEEK;
        if (held > nowMs) break;
        const sessionId = idFor(`school/${i}/intervention/${c.key}/session/${isoDate(held)}`);
        const cancelled = rand() < 0.03;
        push('intervention_sessions', {
          id: sessionId,
          school_id: school.id,
          intervention_id: interventionId,
          held_on: isoDate(held),
          cancelled,
          note: cancelled ? 'Cancelled: trip day.' : '',
          recorded_by: staff[1] ?? smhlId,
          recorded_at: iso(held + 16 * 3_600_000),
        });
        if (cancelled) continue;
        for (const p of course.places) {
          if (p.end < held) continue;
          const attendance = rand() < 0.85 ? 'attended' : 'not_attended';
          push('intervention_attendance', { school_id: school.id, session_id: sessionId, place_id: p.id, attendance });
        }
      }
    }
    // The waiting list: asked for over the last five months, at any time of day.
    for (let w = 0; w < c.waiting; w++) {
      push('intervention_places', {
        id: idFor(`school/${i}/intervention/${c.key}/place/${++placeNo}`),
        school_id: school.id,
        intervention_id: interventionId,
        pupil_id: nextPupil(),
        status: 'waiting',
        source: 'staff',
        reason: 'Asked for by the tutor after a concern.',
        requested_by: requesters[between(rand, 0, requesters.length - 1)],
        requested_at: iso(nowMs - between(rand, 1, 150) * DAY - Math.floor(rand() * DAY)),
        allocated_at: null,
        allocated_by: null,
        allocation_reason: null,
        started_on: null,
        parents_told_at: null,
        parents_told_by: null,
        ended_at: null,
        ended_by: null,
        end_reason: null,
      });
    }
  });
  for (const table of Object.keys(COLUMNS)) await insertRows(query, table, rows[table] ?? [], counts);
}

/** The interventions of every school generated (after generateTrust), then fresh planner statistics. */
export async function generateTrustInterventions(
  raw: RawDb,
  schools: readonly { index: number; id: string }[],
  now: Date,
  counts: Record<string, number>,
): Promise<number> {
  const started = performance.now();
  for (const s of schools) await raw.transaction((query) => generateInterventions(query, s, now, counts));
  for (const table of Object.keys(COLUMNS)) await raw.query(`analyze ${table}`);
  return (performance.now() - started) / 1000;
}
