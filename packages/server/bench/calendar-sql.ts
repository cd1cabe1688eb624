/**
 * The raw side of measurement 15: a calendar fetching the feed. The feed by its secret's hash with
 * its owner, their roles, then one statement per kind of event (initials, dates and London times
 * formatted in SQL), and the iCalendar text written by hand with string concatenation: the bare
 * minimum that answers the same question as GET /calendar/<secret>.ics (checked in
 * calendar-measure.ts). The reader is a case role with the whole school in scope (the SMHL), so the
 * per-pupil case check is the one "may open" condition that holds for all; restricted concerns are
 * left out unless the reader is of the DSL team, as the app's concern rule does.
 */
import { CALENDAR_DAYS_AHEAD, CALENDAR_DAYS_BACK, CALENDAR_EVENT_DESCRIPTION, CALENDAR_TITLES } from '@tandem/core';
import { calendarSecretHash } from './calendar';
import type { Query } from './databases';

const INITIALS = (p: string) =>
  `upper(left(trim(${p}.given_name), 1)) || '.' || upper(left(trim(${p}.family_name), 1)) || '.'`;
const LONDON = (col: string) => `to_char((${col}) at time zone 'Europe/London', 'YYYYMMDD"T"HH24MISS')`;
const DAY = (col: string) => `to_char(${col}, 'YYYYMMDD')`;
/** Today in London, and the window ($3, $4 as days from today). */
const WINDOW = `between (now() at time zone 'Europe/London')::date - $3::int and (now() at time zone 'Europe/London')::date + $4::int`;

/** $1 school, $2 user, $3 days back, $4 days ahead. Every statement: uid, start, end, initials, path part. */
export const CALENDAR_SQL = {
  meetings: `select 'meeting-' || m.id as uid, m.held_at, ${LONDON('m.held_at')} as start,
       ${LONDON(`m.held_at + interval '1 hour'`)} as end, ${INITIALS('p')} as initials, 'meetings/' || m.id as path
     from meetings m join pupils p on p.id = m.pupil_id
     where m.school_id = $1 and (m.created_by = $2 or m.attendees @> jsonb_build_array(jsonb_build_object('userId', $2::text)))
       and (m.held_at at time zone 'Europe/London')::date ${WINDOW}
     order by m.held_at limit 500`,
  planReviews: `select 'plan-review-' || pl.id || '-' || pl.review_due as uid, ${DAY('pl.review_due')} as start,
       ${DAY('pl.review_due + 1')} as end, ${INITIALS('p')} as initials, 'plans/' || pl.id as path
     from plans pl join pupils p on p.id = pl.pupil_id
     where pl.school_id = $1 and pl.lead_user_id = $2 and pl.ended_at is null and p.left_on is null
       and pl.review_due ${WINDOW}
     order by pl.review_due limit 500`,
  nextSteps: `select 'next-step-' || a.id as uid, ${DAY('a.due_on')} as start, ${DAY('a.due_on + 1')} as end,
       ${INITIALS('p')} as initials, 'meetings/' || a.meeting_id as path
     from meeting_actions a join meetings m on m.id = a.meeting_id join pupils p on p.id = m.pupil_id
     where a.school_id = $1 and a.owner_user_id = $2 and a.completed_at is null and m.school_id = $1
       and a.due_on ${WINDOW}
     order by a.due_on limit 500`,
  concernActions: `select 'concern-action-' || a.id as uid, ${DAY('a.due_on')} as start, ${DAY('a.due_on + 1')} as end,
       (select string_agg(${INITIALS('p')}, ', ' order by p.family_name, p.given_name)
        from concern_pupils cp join pupils p on p.id = cp.pupil_id where cp.concern_id = c.id) as initials,
       'concerns/' || c.id as path
     from concern_actions a join concerns c on c.id = a.concern_id
     where a.school_id = $1 and a.owner_user_id = $2 and a.completed_at is null and a.dropped_at is null
       and c.school_id = $1 and (c.status <> 'closed' or a.carried_at is not null) and ($5::boolean or not c.restricted)
       and a.due_on ${WINDOW}
     order by a.due_on limit 500`,
  timetableReviews: `select 'timetable-review-' || r.id as uid, ${DAY('r.due_on')} as start, ${DAY('r.due_on + 1')} as end,
       ${INITIALS('p')} as initials, 'pupils/' || p.id || '/timetable/' || t.id as path
     from timetable_reviews r join reduced_timetables t on t.id = r.timetable_id join pupils p on p.id = t.pupil_id
     where r.school_id = $1 and t.school_id = $1 and t.status = 'active' and t.lead_user_id = $2
       and r.held_on is null and r.due_on ${WINDOW}
     order by r.due_on`,
} as const;

export const KINDS = [
  ['meetings', CALENDAR_TITLES.meeting, false],
  ['planReviews', CALENDAR_TITLES.planReview, true],
  ['nextSteps', CALENDAR_TITLES.nextStep, true],
  ['concernActions', CALENDAR_TITLES.nextStep, true],
  ['timetableReviews', CALENDAR_TITLES.timetableReview, true],
] as const;

export interface EventRow {
  uid: string;
  /** Meetings only: when it starts. */
  held_at?: Date;
  start: string;
  end: string;
  initials: string | null;
  path: string;
}

/** A content line folded at 75 characters (the lines folded here are ASCII). */
const fold = (line: string) => {
  let out = line.slice(0, 75);
  for (let k = 75; k < line.length; k += 74) out += `\r\n ${line.slice(k, k + 74)}`;
  return out;
};
const DESCRIPTION = `${fold(`DESCRIPTION:${CALENDAR_EVENT_DESCRIPTION}`)}\r\n`;
const HEAD =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tandem//Calendar feed//EN\r\nNAME:Tandem\r\nX-WR-CALNAME:Tandem\r\n' +
  'BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST\r\n' +
  'DTSTART:19700329T010000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\n' +
  'TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\nDTSTART:19701025T020000\r\n' +
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nTIMEZONE-ID:Europe/London\r\nX-WR-TIMEZONE:Europe/London\r\n' +
  'REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n';

/** The feed's text as a calendar reads it, from the secret; null when the address answers 404. */
export async function rawCalendarFeed(
  q: Query,
  secret: string,
  o: { publicUrl: string; host: string },
): Promise<string | null> {
  const [feed] = await q<{ user_id: string }>(
    `select f.user_id from calendar_feeds f join users u on u.id = f.user_id
     where f.secret_hash = $1 and f.ended_at is null and u.disabled_at is null`,
    [calendarSecretHash(secret)],
  );
  if (!feed) return null;
  const roles = await q<{ role: string; school_id: string | null }>(
    'select role, school_id from role_assignments where user_id = $1 and revoked_at is null',
    [feed.user_id],
  );
  const stamp = `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  let text = HEAD;
  for (const schoolId of new Set(roles.flatMap((r) => (r.school_id ? [r.school_id] : [])))) {
    const dsl = roles.some((r) => r.school_id === schoolId && (r.role === 'dsl' || r.role === 'deputy_dsl'));
    const base = `${o.publicUrl}/schools/${schoolId}/`;
    for (const [kind, title, allDay] of KINDS) {
      const params: unknown[] = [schoolId, feed.user_id, CALENDAR_DAYS_BACK, CALENDAR_DAYS_AHEAD];
      if (kind === 'concernActions') params.push(dsl);
      const rows = await q<EventRow>(CALENDAR_SQL[kind], params);
      for (const r of rows) {
        const summary = r.initials ? `${title} — ${r.initials.replaceAll(',', '\\,')}` : title;
        text +=
          `BEGIN:VEVENT\r\nUID:${r.uid}@${o.host}\r\nSEQUENCE:0\r\nDTSTAMP:${stamp}\r\n` +
          (allDay
            ? `DTSTART;VALUE=DATE:${r.start}\r\nDTEND;VALUE=DATE:${r.end}\r\n`
            : `DTSTART;TZID=Europe/London:${r.start}\r\nDTEND;TZID=Europe/London:${r.end}\r\n`) +
          `SUMMARY:${summary}\r\n${DESCRIPTION}${fold(`URL;VALUE=URI:${base}${r.path}`)}\r\nEND:VEVENT\r\n`;
      }
    }
  }
  return `${text}END:VCALENDAR`;
}

/** The events of a feed's text as "uid | summary" lines, sorted (lines unfolded first). */
export function eventsOf(ics: string): string[] {
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  const out: string[] = [];
  let uid = '';
  for (const line of lines) {
    if (line.startsWith('UID:')) uid = line.slice(4);
    if (line.startsWith('SUMMARY:')) out.push(`${uid} | ${line.slice(8)}`);
  }
  return out.sort();
}
