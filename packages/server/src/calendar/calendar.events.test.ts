/**
 * What a calendar feed holds, read as a calendar reads it: each person's own meetings, plan
 * reviews, next steps and reduced timetable reviews in the schools where they hold a role now, only
 * what they could open in Tandem, with initials and never a pupil's name or the words of a case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_EVENT_DESCRIPTION } from '@tandem/core';
import { createTestEnv, type Person, type TestEnv } from '../../test/harness';
import { eventsOf, feedPath, setUpFeed, type FeedEvent } from './calendar.test-helpers';

let env: TestEnv;
const feeds = new Map<Person, string>();

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

async function sql<T = Record<string, string>>(text: string, params: unknown[] = []): Promise<T[]> {
  return env.deps.database.raw<T>(text, params);
}

/** The person's feed as their calendar fetches it (no session). */
async function feedOf(person: Person): Promise<{ text: string; events: FeedEvent[] }> {
  let address = feeds.get(person);
  if (address === undefined) {
    address = await setUpFeed(await env.as(person));
    feeds.set(person, address);
  }
  const res = await env.client().request('GET', feedPath(address));
  expect(res.status).toBe(200);
  return { text: res.text, events: eventsOf(res.text) };
}

const uids = (events: FeedEvent[]) => events.map((e) => e.uid.split('@')[0]);

/** A new meeting about a pupil, led by one person, with others invited; its id. */
async function meeting(o: { schoolId: string; pupilId: string; lead: string; invited?: string[]; inDays: number }) {
  const attendees = (o.invited ?? []).map((userId) => ({ kind: 'staff', userId, name: 'Invited', role: 'Staff' }));
  const [row] = await sql<{ id: string }>(
    `insert into meetings (school_id, pupil_id, kind, held_at, place, attendees, created_by, created_at, updated_at)
     values ($1, $2, 'mh_review', now() + make_interval(days => $3::int), 'Room 4', $4::jsonb, $5, now(), now())
     returning id`,
    [o.schoolId, o.pupilId, o.inDays, JSON.stringify(attendees), o.lead],
  );
  return row?.id ?? '';
}

/** A next step from a meeting, owned by one person; its id. */
async function nextStep(o: { schoolId: string; meetingId: string; owner: string; inDays: number }) {
  const [row] = await sql<{ id: string }>(
    `insert into meeting_actions (school_id, meeting_id, description, owner_user_id, owner_name, due_on, created_by, created_at)
     values ($1, $2, 'Speak to the family about the bereavement', $3, 'Owner', current_date + $4::int, $3, now())
     returning id`,
    [o.schoolId, o.meetingId, o.owner, o.inDays],
  );
  return row?.id ?? '';
}

async function pupilOf(schoolId: string, where = 'true'): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `select id from pupils where school_id = $1 and left_on is null and ${where} order by family_name limit 1`,
    [schoolId],
  );
  if (!row) throw new Error(`no pupil where ${where}`);
  return row.id;
}

describe('a member of staff’s feed', () => {
  it('holds the SMHL’s meetings, plan reviews they lead, next steps and reduced timetable reviews', async () => {
    const { events } = await feedOf('smhl');
    const kinds = new Set(events.map((e) => e.summary.split(' — ')[0]));
    expect(kinds).toEqual(new Set(['Meeting', 'Plan review', 'Next step due', 'Reduced timetable review']));
    for (const e of events) {
      expect(e.summary).toMatch(
        /^(Meeting|Plan review|Next step due|Reduced timetable review) — \p{Lu}\.\p{Lu}\.(, \p{Lu}\.\p{Lu}\.)*$/u,
      );
      expect(e.description).toBe(CALENDAR_EVENT_DESCRIPTION.replace(/,/g, '\\,'));
      expect(e.url).toMatch(/^http:\/\/tandem\.test\/schools\/[0-9a-f-]{36}\//);
    }
    // Meetings at their time in London; the rest on their day.
    const meetings = events.filter((e) => e.summary.startsWith('Meeting'));
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings.every((e) => /^\d{8}T\d{6}Z$/.test(e.start))).toBe(true);
  });

  it('never carries a pupil’s name or the words of a case', async () => {
    const pupils = await sql<{ given_name: string; family_name: string; preferred_name: string | null }>(
      `select given_name, family_name, preferred_name from pupils`,
    );
    const words = await sql<{ text: string }>(
      `select description as text from meeting_actions union all select description from concern_actions
       union all select place from meetings`,
    );
    for (const person of ['smhl', 'dsl', 'pastoral', 'otherHead'] as const) {
      const { text } = await feedOf(person);
      for (const p of pupils) {
        expect(text).not.toContain(`${p.given_name} ${p.family_name}`);
        expect(text).not.toMatch(new RegExp(`\\b${p.family_name}\\b`));
        if (p.preferred_name) expect(text).not.toContain(p.preferred_name);
      }
      for (const w of words) if (w.text.length > 8) expect(text).not.toContain(w.text);
    }
  });

  it('leaves out another person’s next steps, and shows a meeting to those invited to it', async () => {
    const K = env.world.kingsmead;
    const pupilId = await pupilOf(K);
    const meetingId = await meeting({
      schoolId: K,
      pupilId,
      lead: env.world.userId('smhl'),
      invited: [env.world.userId('dsl')],
      inDays: 9,
    });
    const dslStep = await nextStep({ schoolId: K, meetingId, owner: env.world.userId('dsl'), inDays: 10 });
    const smhl = uids((await feedOf('smhl')).events);
    const dsl = uids((await feedOf('dsl')).events);
    expect(smhl).toContain(`meeting-${meetingId}`);
    expect(dsl).toContain(`meeting-${meetingId}`);
    expect(dsl).toContain(`next-step-${dslStep}`);
    expect(smhl).not.toContain(`next-step-${dslStep}`);
    // The head was not invited: the meeting is not in their calendar.
    expect(uids((await feedOf('head')).events)).not.toContain(`meeting-${meetingId}`);
  });

  it('leaves out another school’s items, even one naming the person', async () => {
    const W = env.world.willow;
    const pupilId = await pupilOf(W);
    const meetingId = await meeting({ schoolId: W, pupilId, lead: env.world.userId('otherHead'), inDays: 4 });
    const step = await nextStep({ schoolId: W, meetingId, owner: env.world.userId('smhl'), inDays: 5 });
    const smhl = uids((await feedOf('smhl')).events);
    expect(smhl).not.toContain(`next-step-${step}`);
    expect(smhl).not.toContain(`meeting-${meetingId}`);
    expect(uids((await feedOf('otherHead')).events)).toContain(`meeting-${meetingId}`);
    // Nothing of Kingsmead reaches Willow Brook's head.
    const urls = (await feedOf('otherHead')).events.map((e) => e.url);
    expect(urls.some((u) => u.includes(env.world.kingsmead))).toBe(false);
  });

  it('leaves out an action on a restricted concern for someone outside the DSL team', async () => {
    const K = env.world.kingsmead;
    const [restricted] = await sql<{ id: string }>(
      `select id from concerns where school_id = $1 and restricted and status <> 'closed' limit 1`,
      [K],
    );
    expect(restricted).toBeDefined();
    const add = async (owner: string) => {
      const [row] = await sql<{ id: string }>(
        `insert into concern_actions (school_id, concern_id, description, owner_user_id, due_on, created_by, created_at)
         values ($1, $2, 'Call the social worker', $3, current_date + 6, $3, now()) returning id`,
        [K, restricted?.id, owner],
      );
      return row?.id ?? '';
    };
    const forSmhl = await add(env.world.userId('smhl'));
    const forDsl = await add(env.world.userId('dsl'));
    expect(uids((await feedOf('smhl')).events)).not.toContain(`concern-action-${forSmhl}`);
    expect(uids((await feedOf('dsl')).events)).toContain(`concern-action-${forDsl}`);
  });

  it('leaves out a case outside a pastoral lead’s year groups', async () => {
    const K = env.world.kingsmead;
    const pastoral = env.world.userId('pastoral');
    const [scope] = await sql<{ years: number[] }>(
      `select scope_year_groups as years from role_assignments where user_id = $1 and role = 'pastoral_lead'`,
      [pastoral],
    );
    const years = (scope?.years ?? []).join(',');
    expect(years).not.toBe('');
    const inside = await pupilOf(K, `year_group in (${years}) and send = 'none'`);
    const outside = await pupilOf(
      K,
      `year_group not in (${years}) and id not in (select pupil_id from case_team_members where user_id = '${pastoral}')`,
    );
    const lead = env.world.userId('smhl');
    const mIn = await meeting({ schoolId: K, pupilId: inside, lead, invited: [pastoral], inDays: 3 });
    const mOut = await meeting({ schoolId: K, pupilId: outside, lead, invited: [pastoral], inDays: 3 });
    const stepOut = await nextStep({ schoolId: K, meetingId: mOut, owner: pastoral, inDays: 4 });
    const mine = uids((await feedOf('pastoral')).events);
    expect(mine).toContain(`meeting-${mIn}`);
    expect(mine).not.toContain(`meeting-${mOut}`);
    expect(mine).not.toContain(`next-step-${stepOut}`);
  });

  it('covers thirty days back to 180 ahead', async () => {
    const K = env.world.kingsmead;
    const pupilId = await pupilOf(K);
    const lead = env.world.userId('smhl');
    const old = await meeting({ schoolId: K, pupilId, lead, inDays: -40 });
    const far = await meeting({ schoolId: K, pupilId, lead, inDays: 200 });
    const near = await meeting({ schoolId: K, pupilId, lead, inDays: 170 });
    const mine = uids((await feedOf('smhl')).events);
    expect(mine).not.toContain(`meeting-${old}`);
    expect(mine).not.toContain(`meeting-${far}`);
    expect(mine).toContain(`meeting-${near}`);
  });

  it('gives a teacher with no case role an empty calendar rather than what they could not open', async () => {
    const K = env.world.kingsmead;
    const tutor = env.world.userId('tutor');
    const pupilId = await pupilOf(K);
    const meetingId = await meeting({
      schoolId: K,
      pupilId,
      lead: env.world.userId('smhl'),
      invited: [tutor],
      inDays: 2,
    });
    await nextStep({ schoolId: K, meetingId, owner: tutor, inDays: 3 });
    expect((await feedOf('tutor')).events).toEqual([]);
  });
});
