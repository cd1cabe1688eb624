/**
 * Measurement 15: a calendar fetching a member of staff's private feed (GET /calendar/<secret>.ics,
 * no session; calendar services poll it hourly per person). The SMHL of one school, given concerns'
 * actions, reduced timetables and invitations on top of the trust's plans and meetings
 * (calendar.ts), against the raw SQL, one statement a kind, with the text written by hand
 * (calendar-sql.ts). The two answers are checked to hold the same events (uid and title) first.
 */
import type { FastifyInstance } from 'fastify';
import { CALENDAR_DAYS_AHEAD, CALENDAR_DAYS_BACK, type CalendarEvent } from '@tandem/core';
import { calendarFeedText } from '../src/calendar/calendar.ics';
import { getter } from './client';
import { CALENDAR_SECRET, generateCalendar } from './calendar';
import { CALENDAR_SQL, KINDS, eventsOf, rawCalendarFeed, type EventRow } from './calendar-sql';
import type { BenchDatabase, CapturedStatement } from './databases';
import { explainSelects } from './interventions-measure';
import { compare, type RunSpec } from './measure';
import type { Comparison } from './report';

export interface CalendarContext {
  schoolId: string;
  schoolIndex: number;
  smhlEmail: string;
  dslEmail: string;
  /** The app's public address (its config's publicUrl). */
  publicUrl: string;
}

const isSelect = (c: CapturedStatement) => /^\s*select/i.test(c.sql) && !/for update/i.test(c.sql);

async function person(db: BenchDatabase, email: string): Promise<{ id: string; name: string }> {
  const [row] = await db.raw.query<{ id: string; name: string }>(
    'select id, display_name as name from users where email = $1',
    [email],
  );
  if (!row) throw new Error(`no user ${email}`);
  return row;
}

/** Measurement 15. */
export async function measureCalendar(
  db: BenchDatabase,
  app: FastifyInstance,
  ctx: CalendarContext,
  spec: RunSpec,
  log: (line: string) => void,
): Promise<{ comparisons: Comparison[]; data: Record<string, number>; explains: string[] }> {
  const q = db.raw.query;
  const smhl = await person(db, ctx.smhlEmail);
  const dsl = await person(db, ctx.dslEmail);
  const [logger] = await q<{ id: string }>(
    `select u.id from users u join role_assignments ra on ra.user_id = u.id
     where ra.school_id = $1 and ra.role = 'teacher' order by u.email limit 1`,
    [ctx.schoolId],
  );
  if (!logger) throw new Error('no teacher to log the concerns');
  const t = performance.now();
  await generateCalendar(db.raw, {
    schoolId: ctx.schoolId,
    smhlId: smhl.id,
    smhlName: smhl.name,
    dslId: dsl.id,
    dslName: dsl.name,
    loggerId: logger.id,
    now: new Date(),
  });
  log(
    `  (gave the SMHL of school ${ctx.schoolIndex} calendar items and a feed in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );

  // What the feed holds, kind by kind (the raw statements, as the SMHL: no restricted concerns), and
  // the same events as the app's sources give them, for its .ics writer alone.
  const data: Record<string, number> = {};
  const events: CalendarEvent[] = [];
  for (const [kind, title, allDay] of KINDS) {
    const params: unknown[] = [ctx.schoolId, smhl.id, CALENDAR_DAYS_BACK, CALENDAR_DAYS_AHEAD];
    if (kind === 'concernActions') params.push(false);
    const rows = await q<EventRow>(CALENDAR_SQL[kind], params);
    data[kind] = rows.length;
    if (rows.length === 0) throw new Error(`calendar feed: no ${kind} in the SMHL's window`);
    for (const r of rows) {
      const common = {
        uid: r.uid,
        title: r.initials ? `${title} — ${r.initials}` : title,
        path: `/schools/${ctx.schoolId}/${r.path}`,
      };
      if (allDay) {
        events.push({
          ...common,
          allDay,
          start: `${r.start.slice(0, 4)}-${r.start.slice(4, 6)}-${r.start.slice(6, 8)}`,
        });
      } else {
        const start = new Date(r.held_at ?? Number.NaN);
        events.push({ ...common, allDay, start, end: new Date(start.getTime() + 60 * 60 * 1000) });
      }
    }
  }
  const writer = () => calendarFeedText(events, { publicUrl: ctx.publicUrl, stamp: new Date() });

  const url = `/calendar/${CALENDAR_SECRET}.ics`;
  const host = new URL(ctx.publicUrl).host;
  const raw = async () => {
    const text = await rawCalendarFeed(q, CALENDAR_SECRET, { publicUrl: ctx.publicUrl, host });
    if (text === null) throw new Error('raw calendar feed: no feed for the secret');
    return text;
  };
  // The app's answer and the raw one: the same events, uid by uid, with the same titles.
  const probe = await app.inject({ method: 'GET', url, remoteAddress: '127.0.0.1' });
  if (probe.statusCode !== 200) throw new Error(`GET ${url}: ${probe.statusCode} ${probe.body.slice(0, 200)}`);
  const appEvents = eventsOf(probe.body);
  const rawEvents = eventsOf(await raw());
  const writerEvents = eventsOf(writer());
  const expected = Object.values(data).reduce((a, b) => a + b, 0);
  if (appEvents.length !== rawEvents.length || appEvents.length !== expected) {
    throw new Error(`calendar feed: app ${appEvents.length} events, raw ${rawEvents.length}, expected ${expected}`);
  }
  appEvents.forEach((e, n) => {
    if (e !== rawEvents[n]) throw new Error(`calendar feed event ${n}: app ${e}\n  raw ${rawEvents[n] ?? 'missing'}`);
    if (e !== writerEvents[n])
      throw new Error(`calendar feed event ${n}: app ${e}\n  writer ${writerEvents[n] ?? 'missing'}`);
  });
  data.events = appEvents.length;

  const count = appEvents.length;
  const appCall = getter(app, url, '', (body) => {
    const n = body.split('BEGIN:VEVENT').length - 1;
    if (n !== count) throw new Error(`calendar feed: ${n} events, expected ${count}`);
  });
  const captured = await db.capture.during(appCall);
  const selects = captured.filter(isSelect);
  const replay = async () => {
    for (const c of selects) await q(c.sql, c.params);
  };
  // Each distinct statement once (the per-pupil case checks are one statement many times).
  const distinct = [...new Map(selects.map((c) => [c.sql, c])).values()];
  const explains = await explainSelects(q, '15', distinct);
  const perSql = new Map<string, number>();
  for (const c of selects) perSql.set(c.sql, (perSql.get(c.sql) ?? 0) + 1);
  const repeated = [...perSql.values()].filter((n) => n > 1).reduce((a, b) => a + b, 0);
  explains.push(
    `15 the app sent ${captured.length} statements, ${selects.length} selects (${distinct.length} distinct; ` +
      `${repeated} of them the same statement again, once a row: the per-pupil case checks)`,
  );

  log('  15 calendar feed');
  const [a15, ...b15] = await compare(
    [
      { label: 'GET /calendar/:secret.ics (no session)', fn: appCall },
      { label: 'raw SQL: feed, roles, one select a kind + .ics by hand', fn: raw },
      { label: `raw SQL: the app's ${selects.length} selects, replayed`, fn: replay },
      { label: "app's .ics writer alone (ical-generator), same events", fn: async () => writer() },
    ],
    spec,
  );
  if (!a15) throw new Error('15 not measured');
  const c15: Comparison = {
    id: '15',
    title: `Calendar feed of a busy SMHL (school ${ctx.schoolIndex}; ${count} events)`,
    app: a15,
    baselines: b15,
    statements: captured.length,
    note:
      `${Object.entries(data)
        .filter(([k]) => k !== 'events')
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; answer ${(probe.body.length / 1024).toFixed(1)} KiB; ` +
      'the app records the fetch at most once a minute (an update the raw side leaves out)',
  };
  return { comparisons: [c15], data, explains };
}
