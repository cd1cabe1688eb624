/**
 * The calendar feed's data (measurement 15), added to one school after the trust, set-based
 * (`INSERT ... SELECT FROM generate_series`, under a second): the SMHL already leads the generated
 * plans' reviews, the meetings and many of their next steps; this gives them what the trust has
 * not: concerns with actions they own (a few on restricted safeguarding concerns the SMHL may not
 * open, which the feed must leave out, and some done), reduced timetables they lead with reviews
 * held and to come, and meetings the DSL called with the SMHL invited. Then their feed, at an
 * address of known secret (only its SHA-256 stored, as the app keeps it).
 */
import { createHash } from 'node:crypto';
import type { RawDb } from './databases';

/** The feed's secret: 43 URL-safe characters, as the app makes them. */
export const CALENDAR_SECRET = createHash('sha256').update('tandem-bench/calendar/secret').digest('base64url');
export const calendarSecretHash = (secret: string) => createHash('sha256').update(secret).digest('hex');

export const CALENDAR_CONCERNS = 45;
export const CALENDAR_TIMETABLES = 12;
export const CALENDAR_INVITED_MEETINGS = 15;

export interface CalendarSeed {
  schoolId: string;
  smhlId: string;
  smhlName: string;
  dslId: string;
  dslName: string;
  /** A teacher who logged the concerns. */
  loggerId: string;
  now: Date;
}

const uuidOf = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;
const CONCERN_ID = uuidOf(`'tandem-bench/calendar/concern/' || g`);
const TIMETABLE_ID = uuidOf(`'tandem-bench/calendar/timetable/' || g`);
/** Pupils on roll with a level, numbered from 1 in id order: concerns take 1–46, timetables 51–62, meetings 71–85. */
const PICKED = `picked as (
  select id, row_number() over (order by id) as n from pupils
  where school_id = $1 and left_on is null and current_level is not null order by id limit 90)`;
/** Today in London ($2 is now). */
const TODAY = `($2::timestamptz at time zone 'Europe/London')::date`;

function statements(s: CalendarSeed): [string, unknown[]][] {
  const base = [s.schoolId, s.now.toISOString()];
  return [
    [
      // Every ninth concern is a restricted safeguarding one (the DSL's), the rest the SMHL's to work.
      `insert into concerns (id, school_id, reference, logged_by, logged_at, submission_key, occurred_at, location, account,
         pupil_words, warning_signs, others_present, risk_of_immediate_harm, possible_child_protection, medical_emergency,
         category, route, urgent, restricted, is_disclosure, status, acknowledged_by, acknowledged_at, parents_status, updated_at)
       select ${CONCERN_ID}, $1, 'C-CAL-' || lpad(g::text, 4, '0'), $3, $2::timestamptz - (g || ' days')::interval,
              md5('tandem-bench/calendar/key/' || g), $2::timestamptz - (g || ' days')::interval - interval '2 hours',
              'Form room', 'The pupil was tearful at registration and said things at home have been hard lately.',
              null, '["withdrawal"]'::jsonb, '', false, g % 9 = 0, false,
              case when g % 9 = 0 then 'safeguarding' else 'mental_health' end,
              case when g % 9 = 0 then 'dsl' else 'mental_health_lead' end,
              false, g % 9 = 0, false, 'acknowledged',
              case when g % 9 = 0 then $5::uuid else $4::uuid end,
              $2::timestamptz - (g || ' days')::interval + interval '3 hours',
              case when g % 9 = 0 then 'not_to_be_told' else 'to_be_told' end,
              $2::timestamptz - (g || ' days')::interval + interval '3 hours'
       from generate_series(1, ${CALENDAR_CONCERNS}) g`,
      [...base, s.loggerId, s.smhlId, s.dslId],
    ],
    [
      // One pupil each; every fifth is about two friends.
      `with ${PICKED}
       insert into concern_pupils (school_id, concern_id, pupil_id)
       select $1, ${CONCERN_ID}, p.id from generate_series(1, ${CALENDAR_CONCERNS}) g
       join picked p on p.n = g or (g % 5 = 0 and p.n = g + 1)`,
      [s.schoolId],
    ],
    [
      // Two actions each, owned by the SMHL, due from 25 days ago to 44 ahead; every fourth concern's second done.
      `insert into concern_actions (id, school_id, concern_id, description, owner_user_id, due_on, created_by, created_at,
         completed_at, completed_by, completion_note)
       select ${uuidOf(`'tandem-bench/calendar/action/' || g || '/' || k`)}, $1, ${CONCERN_ID},
              'Check in with the pupil and call home', $3, ${TODAY} + ((g * 7 + k * 11) % 70 - 25),
              $3, $2::timestamptz - (g || ' days')::interval + interval '4 hours',
              case when g % 4 = 0 and k = 2 then $2::timestamptz - interval '1 day' end,
              case when g % 4 = 0 and k = 2 then $3::uuid end,
              case when g % 4 = 0 and k = 2 then 'Done.' end
       from generate_series(1, ${CALENDAR_CONCERNS}) g cross join generate_series(1, 2) k`,
      [...base, s.smhlId],
    ],
    [
      `with ${PICKED}
       insert into reduced_timetables (id, school_id, pupil_id, reason, hours, sessions_per_week, start_on, end_on,
         return_plan, parents_agreed_by, parents_agreed_on, parents_agreed_how, lead_user_id, status, created_by,
         created_at, updated_at)
       select ${TIMETABLE_ID}, $1, p.id, 'Anxiety about attending; building back up to full days.',
              'Mornings, 8:45 to 12:15', 5, ${TODAY} - 20, ${TODAY} + 22,
              'One more afternoon a week from the next review.', 'Mrs Parent', ${TODAY} - 21, 'meeting', $3,
              'active', $3, $2::timestamptz - interval '21 days', $2::timestamptz - interval '21 days'
       from generate_series(1, ${CALENDAR_TIMETABLES}) g join picked p on p.n = 50 + g`,
      [...base, s.smhlId],
    ],
    [
      // A review held a week in, and two to come.
      `insert into timetable_reviews (id, school_id, timetable_id, due_on, held_on, outcome, held_by)
       select ${uuidOf(`'tandem-bench/calendar/review/' || g || '/' || k`)}, $1, ${TIMETABLE_ID},
              case k when 1 then ${TODAY} - 13 when 2 then ${TODAY} + g % 14 + 1 else ${TODAY} + 20 + g % 7 end,
              case when k = 1 then ${TODAY} - 13 end,
              case when k = 1 then 'Going well; keep mornings.' end,
              case when k = 1 then $3::uuid end
       from generate_series(1, ${CALENDAR_TIMETABLES}) g cross join generate_series(1, 3) k`,
      [...base, s.smhlId],
    ],
    [
      `with ${PICKED}
       insert into meetings (id, school_id, pupil_id, kind, held_at, place, attendees, aims, notes, version, created_by,
         created_at, updated_at)
       select ${uuidOf(`'tandem-bench/calendar/meeting/' || g`)}, $1, p.id, 'parent',
              date_trunc('day', $2::timestamptz) + ((g * 5) % 40 + 1) * interval '1 day' + interval '9 hours',
              'Meeting room 1',
              jsonb_build_array(
                jsonb_build_object('kind', 'staff', 'userId', $3::text, 'name', $4::text, 'role', 'Designated Safeguarding Lead'),
                jsonb_build_object('kind', 'staff', 'userId', $5::text, 'name', $6::text, 'role', 'Senior Mental Health Lead'),
                jsonb_build_object('kind', 'parent', 'userId', null, 'name', 'Parent', 'role', 'Mother')),
              'Agree support at home and school.', '', 1, $3::uuid, $2::timestamptz - interval '2 days',
              $2::timestamptz - interval '2 days'
       from generate_series(1, ${CALENDAR_INVITED_MEETINGS}) g join picked p on p.n = 70 + g`,
      [...base, s.dslId, s.dslName, s.smhlId, s.smhlName],
    ],
    [
      `insert into calendar_feeds (id, user_id, secret_hash, created_at)
       values (${uuidOf(`'tandem-bench/calendar/feed'`)}, $1, $2, $3::timestamptz - interval '30 days')`,
      [s.smhlId, calendarSecretHash(CALENDAR_SECRET), s.now.toISOString()],
    ],
  ];
}

/** Add the items and the feed in one transaction, then refresh the statistics of the tables touched. */
export async function generateCalendar(raw: RawDb, seed: CalendarSeed): Promise<void> {
  await raw.transaction(async (q) => {
    for (const [text, params] of statements(seed)) await q(text, params);
  });
  await raw.query(
    'analyze concerns, concern_pupils, concern_actions, reduced_timetables, timetable_reviews, meetings, calendar_feeds',
  );
}
