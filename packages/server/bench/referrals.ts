/**
 * Referrals for the bench (issue 11), per school, in the manner of interventions.ts: rows built from
 * a random stream of the school's own and written in batches (INSERT ... SELECT FROM json_to_recordset).
 *
 * Each school makes 150 to 400 referrals a year, all by its SMHL, sent over the last twelve months
 * (a few drafts written in the last three weeks), to every service in REFERRAL_SERVICES in
 * proportions like a secondary school's (CAMHS the most). Each referral follows core's one path
 * (REFERRAL_TRANSITIONS): sent, acknowledged (about 60%), accepted or declined (with a reason and
 * where the pupil was signposted), waiting, first appointment after the service's wait (CAMHS: a
 * median of eleven weeks, a long tail), closed; a few accepted ones close without an appointment.
 * The path is drawn whole, then cut at today, so the status, sent_on, first_appointment_on,
 * last_step_on and the referral_steps rows always agree, and a recent referral is still open. A
 * third of the social-care referrals are made without asking parents: restricted (not seen by the SMHL).
 */
import {
  londonToday,
  REFERRAL_SERVICES,
  REQUIRED_PARTS,
  type ReferralService,
  type ReferralStatus,
} from '@tandem/core';
import type { Query, RawDb } from './databases';
import { idFor, rngFor, type GeneratedSchool } from './generate';

const DAY = 86_400_000;
const BATCH_ROWS = 5_000;

interface ServiceProfile {
  /** Share of the school's referrals. */
  share: number;
  /** Days from sent to the decision (accepted or declined), at most. */
  decideWithin: number;
  declineRate: number;
  /** The wait from sent to the first appointment: a median and a spread (log-normal). */
  medianWait: number;
  spread: number;
}

const PROFILES: Record<ReferralService, ServiceProfile> = {
  camhs: { share: 0.34, decideWithin: 35, declineRate: 0.28, medianWait: 77, spread: 0.65 },
  mhst: { share: 0.18, decideWithin: 14, declineRate: 0.15, medianWait: 24, spread: 0.45 },
  early_help: { share: 0.14, decideWithin: 14, declineRate: 0.12, medianWait: 20, spread: 0.5 },
  social_care: { share: 0.09, decideWithin: 3, declineRate: 0.2, medianWait: 9, spread: 0.5 },
  school_nurse: { share: 0.1, decideWithin: 7, declineRate: 0.05, medianWait: 12, spread: 0.4 },
  counselling: { share: 0.12, decideWithin: 10, declineRate: 0.1, medianWait: 18, spread: 0.45 },
  medical_education: { share: 0.03, decideWithin: 21, declineRate: 0.15, medianWait: 30, spread: 0.4 },
};

/** Why a service declined, weighted (each starts with its own capital, so any collation orders them alike). */
const DECLINE_REASONS: readonly [string, number][] = [
  ['Does not meet the threshold for specialist help at present.', 10],
  ['Needs can be met by support in school.', 6],
  ['Incomplete referral: what school has tried is missing.', 4],
  ['Refer to the Mental Health Support Team instead.', 3],
  ['Outside the service area.', 1],
];
const SIGNPOSTED = ['Kooth', 'The Mental Health Support Team', 'School counselling', 'Early Help', 'The school nurse'];

export const REFERRAL_TABLES = ['referrals', 'referral_steps'] as const;

type Row = Record<string, unknown>;

const COLUMNS: Record<(typeof REFERRAL_TABLES)[number], Record<string, string>> = {
  referrals: {
    id: 'uuid', school_id: 'uuid', pupil_id: 'uuid', service: 'text', parts: 'jsonb', consent: 'text',
    consent_note: 'text', restricted: 'boolean', emergency: 'boolean', status: 'text', sent_on: 'date',
    first_appointment_on: 'date', last_step_on: 'date', decline_reason: 'text', signposted_to: 'text',
    made_by: 'uuid', version: 'int', created_at: 'timestamptz', updated_at: 'timestamptz',
  },
  referral_steps: {
    id: 'uuid', school_id: 'uuid', referral_id: 'uuid', status: 'text', on: 'date', note: 'text',
    recorded_by: 'uuid', recorded_at: 'timestamptz',
  },
}; // prettier-ignore

async function insertRows(query: Query, table: (typeof REFERRAL_TABLES)[number], rows: Row[]): Promise<void> {
  const columns = COLUMNS[table];
  const names = Object.keys(columns);
  const quoted = names.map((n) => `"${n}"`);
  const text = `insert into ${table} (${quoted.join(', ')}) select ${quoted.join(', ')} from json_to_recordset($1::json) as x(${names
    .map((n) => `"${n}" ${columns[n] ?? 'text'}`)
    .join(', ')})`;
  for (let i = 0; i < rows.length; i += BATCH_ROWS) await query(text, [JSON.stringify(rows.slice(i, i + BATCH_ROWS))]);
}

const between = (rand: () => number, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

function pick<T>(rand: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((a, [, w]) => a + w, 0);
  let r = rand() * total;
  for (const [v, w] of weighted) {
    r -= w;
    if (r < 0) return v;
  }
  return (weighted[weighted.length - 1] as readonly [T, number])[0];
}

/** A log-normal draw (Box-Muller) with the given median and spread, in whole days, at least 1. */
function waitDays(rand: () => number, median: number, spread: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.max(1, Math.round(median * Math.exp(spread * z)));
}

/** Generate the referrals of one school (after its pupils and staff). */
export async function generateReferrals(
  query: Query,
  school: { index: number; id: string },
  now: Date,
  counts: Record<string, number>,
): Promise<void> {
  const i = school.index;
  const rand = rngFor(`school-${i}/referrals`);
  const todayMs = Date.parse(`${londonToday(now)}T00:00:00Z`);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const pool = await query<{ id: string; level: string | null }>(
    'select id, current_level as level from pupils where school_id = $1 and left_on is null order by id',
    [school.id],
  );
  // Pupils with a level first, the higher the likelier (some are referred to two services).
  const rank = (level: string | null) => (level ? Number(level.slice(2)) : 0);
  const candidates = pool
    .map((p) => ({ id: p.id, w: rand() / (1 + rank(p.level)) }))
    .sort((a, b) => a.w - b.w)
    .map((p) => p.id);
  const [smhl] = await query<{ id: string }>(
    `select u.id from users u join role_assignments ra on ra.user_id = u.id
     where ra.school_id = $1 and ra.role = 'smhl' and ra.revoked_at is null order by u.email limit 1`,
    [school.id],
  );
  if (!smhl || candidates.length === 0) throw new Error(`school ${i}: no SMHL or pupils for the referrals`);
  const smhlId = smhl.id;
  const services = REFERRAL_SERVICES.map((s) => [s, PROFILES[s].share] as const);
  const referrals: Row[] = [];
  const steps: Row[] = [];
  const total = between(rand, 150, 400);

  for (let n = 0; n < total; n++) {
    const id = idFor(`school/${i}/referral/${n}`);
    const service = pick(rand, services);
    const p = PROFILES[service];
    const draft = rand() < 0.04;
    const restricted = !draft && service === 'social_care' && rand() < 1 / 3;
    const parts = Object.fromEntries(
      REQUIRED_PARTS[service].filter((k) => k !== 'consent').map((k) => [k, `The ${k} of referral ${n}.`]),
    );
    const pupilId = candidates[Math.floor(Math.pow(rand(), 1.5) * Math.min(candidates.length, total * 2))] as string;
    // Sent 0..365 days ago; the path drawn whole (days after sent), then cut at today.
    const sentAgo = draft ? null : between(rand, 0, 365);
    const path: [ReferralStatus, number][] = [];
    let declineReason: string | null = null;
    let signpostedTo: string | null = null;
    if (sentAgo !== null) {
      path.push(['sent', 0]);
      let at = 0;
      if (rand() < 0.6) path.push(['acknowledged', (at = between(rand, 1, Math.min(10, p.decideWithin)))]);
      const decided = Math.max(at, between(rand, 1, p.decideWithin));
      if (rand() < p.declineRate) {
        path.push(['declined', decided]);
        declineReason = pick(rand, DECLINE_REASONS);
        signpostedTo = SIGNPOSTED[between(rand, 0, SIGNPOSTED.length - 1)] ?? 'nowhere';
        if (rand() < 0.7) path.push(['closed', decided + between(rand, 3, 40)]);
      } else {
        path.push(['accepted', decided]);
        const first = Math.max(decided + 1, waitDays(rand, p.medianWait, p.spread));
        if (rand() < 0.8) path.push(['waiting', decided + between(rand, 0, Math.min(3, first - decided - 1))]);
        if (rand() < 0.04) {
          path.push(['closed', decided + between(rand, 1, first - decided)]); // withdrawn before an appointment
        } else {
          path.push(['first_appointment', first]);
          if (rand() < 0.5) path.push(['closed', first + between(rand, 20, 150)]);
        }
      }
    }
    const sentMs = sentAgo === null ? null : todayMs - sentAgo * DAY;
    const taken = sentMs === null ? [] : path.filter(([, after]) => sentMs + after * DAY <= todayMs);
    const last = taken[taken.length - 1];
    const status: ReferralStatus = last ? last[0] : 'draft';
    const onOf = (after: number) => day((sentMs ?? todayMs) + after * DAY);
    const firstAppointment = taken.find(([s]) => s === 'first_appointment');
    const wasDeclined = taken.some(([s]) => s === 'declined');
    const createdMs = (sentMs ?? todayMs - between(rand, 0, 21) * DAY) - between(rand, 0, 5) * DAY + 9 * 3_600_000;
    const recordedAt = (after: number) => new Date((sentMs ?? todayMs) + after * DAY + 14 * 3_600_000).toISOString();
    referrals.push({
      id,
      school_id: school.id,
      pupil_id: pupilId,
      service,
      parts,
      consent: draft ? null : restricted ? 'not_sought' : 'given',
      consent_note: restricted ? 'Asking the parents could put the child at risk.' : '',
      restricted,
      emergency: service === 'camhs' && rand() < 0.03,
      status,
      sent_on: sentMs === null ? null : day(sentMs),
      first_appointment_on: firstAppointment ? onOf(firstAppointment[1]) : null,
      last_step_on: last ? onOf(last[1]) : null,
      decline_reason: wasDeclined ? declineReason : null,
      signposted_to: wasDeclined ? signpostedTo : null,
      made_by: smhlId,
      version: 1 + taken.length,
      created_at: new Date(createdMs).toISOString(),
      updated_at: last ? recordedAt(last[1]) : new Date(createdMs).toISOString(),
    });
    taken.forEach(([s, after], k) => {
      steps.push({
        id: idFor(`school/${i}/referral/${n}/step/${k}`),
        school_id: school.id,
        referral_id: id,
        status: s,
        on: onOf(after),
        note: s === 'declined' ? (declineReason ?? '') : '',
        recorded_by: smhlId,
        recorded_at: recordedAt(after),
      });
    });
  }
  await insertRows(query, 'referrals', referrals);
  await insertRows(query, 'referral_steps', steps);
  counts.referrals = (counts.referrals ?? 0) + referrals.length;
  counts.referral_steps = (counts.referral_steps ?? 0) + steps.length;
}

/** The referrals of every school generated (after generateTrust), then fresh planner statistics. */
export async function generateTrustReferrals(
  raw: RawDb,
  schools: readonly { index: number; id: string }[],
  now: Date,
  counts: Record<string, number>,
): Promise<number> {
  const started = performance.now();
  for (const s of schools) await raw.transaction((query) => generateReferrals(query, s, now, counts));
  for (const table of REFERRAL_TABLES) await raw.query(`analyze ${table}`);
  return (performance.now() - started) / 1000;
}

/** The school with the most referrals (not counting drafts): the one measurement 10 reads. */
export async function busiestReferralSchool(q: Query, schools: readonly GeneratedSchool[]): Promise<GeneratedSchool> {
  const [top] = await q<{ school_id: string }>(
    `select school_id from referrals where status <> 'draft' group by school_id order by count(*) desc, school_id limit 1`,
  );
  const school = schools.find((s) => s.id === top?.school_id);
  if (!school) throw new Error('no referrals generated');
  return school;
}
