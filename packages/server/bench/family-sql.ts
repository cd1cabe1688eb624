/**
 * The raw SQL of measurement 11: what a parent's page of their child reads, in the fewest selects
 * that return the same data as the app (checked in family-measure.ts, before timing). $1 the school,
 * $2 the pupil, $3 the parent's user id throughout.
 */
import {
  expectedStartDates,
  IN_PERSON_LEVELS,
  londonToday,
  parentFacingPlan,
  type LevelCode,
  type PlanContentShape,
  type PlanKind,
  type SessionDay,
} from '@tandem/core';
import { auditAppend } from './audit';
import type { Query } from './databases';

/**
 * The access check (family-access.ts: a contact of the pupil linked to this account, with parental
 * responsibility, not "no contact", the pupil on roll; refused if one link is flagged no-access),
 * with what the page shows of the child and the school (its name, and its trust for the audit).
 */
export const ACCESS_SQL = `
  select c.id, c.name, f.id as flag,
         p.given_name, p.preferred_name, p.family_name, p.year_group, p.current_level, p.level_changed_at, p.date_of_birth,
         s.name as school_name, s.trust_id
  from contacts c
  join pupils p on p.id = c.pupil_id and p.left_on is null
  join schools s on s.id = p.school_id
  left join family_no_access f on f.contact_id = c.id and f.lifted_at is null
  where c.school_id = $1 and c.pupil_id = $2 and c.user_id = $3 and c.parental_responsibility and not c.no_contact`;

/** Every version of the school's level wording: the current one for the level, the one in force then for each letter. */
export const DEFINITIONS_SQL = `
  select code, version, name, parent_summary, parent_at_home, created_at, superseded_at
  from level_definitions where school_id = $1 order by code, version`;

/** The termly letters shared with parents, with this parent's confirmation. */
export const LETTERS_SQL = `
  select l.id, l.level, l.shared_at, fc.confirmed_at
  from level_shares l
  left join family_confirmations fc on fc.user_id = $3 and fc.item = 'letter' and fc.item_id = l.id and fc.item_version = 0
  where l.school_id = $1 and l.pupil_id = $2 and l.audience = 'parents'
  order by l.shared_at desc, l.id desc`;

/** Plans in force marked shareable with parents: the agreed version's sections and contacts, with this parent's confirmation. */
export const PLANS_SQL = `
  select pl.id, pl.kind, pl.agreed_version, pl.review_due::text as review_due, pl.updated_at, v.agreed_at,
         v.content->'sections' as sections, v.content->'contacts' as contacts, fc.confirmed_at
  from plans pl
  join plan_versions v on v.plan_id = pl.id and v.version = pl.agreed_version
  left join family_confirmations fc
    on fc.user_id = $3 and fc.item = 'plan' and fc.item_id = pl.id and fc.item_version = pl.agreed_version
  where pl.school_id = $1 and pl.pupil_id = $2 and pl.ended_at is null and pl.parent_shareable
    and pl.kind in ('care', 'crisis', 'risk')
  order by v.agreed_at desc, pl.created_at desc`;

/** The child's meetings, newest first, each with its next steps (oldest due first). */
export const MEETINGS_SQL = `
  select m.id, m.kind, m.held_at, m.place, m.completed_at,
         coalesce((select json_agg(json_build_object('description', a.description, 'ownerUserId', a.owner_user_id,
                                                     'ownerName', a.owner_name, 'dueOn', a.due_on, 'done', a.completed_at is not null)
                                   order by a.due_on, a.created_at)
                   from meeting_actions a where a.school_id = $1 and a.meeting_id = m.id), '[]') as steps
  from meetings m where m.school_id = $1 and m.pupil_id = $2
  order by m.held_at desc`;

/**
 * The school's running interventions and any the child is in or waiting for: the child's place, its
 * position on the waiting list (core's rule: level, higher first and none last, then when asked
 * for, then id; no generated place was moved by hand) and the list's length, and the sessions used
 * by each pupil now in it (for the expected start, computed as core's expectedStartDates). A running
 * intervention without the child's place is a support offer.
 */
export const PLACES_SQL = `
  with mine as (
    select id, intervention_id, status, started_on from intervention_places
    where school_id = $1 and pupil_id = $2 and status in ('waiting', 'in')
  ), queue as (
    select w.id, w.intervention_id,
           row_number() over (partition by w.intervention_id order by pu.current_level desc nulls last, w.requested_at, w.id)::int as position,
           (count(*) over (partition by w.intervention_id))::int as queue_length
    from intervention_places w join pupils pu on pu.id = w.pupil_id
    where w.school_id = $1 and w.status = 'waiting'
      and w.intervention_id in (select intervention_id from mine where status = 'waiting')
  ), used as (
    select p.intervention_id,
           json_agg((select count(*) from intervention_attendance a
                     where a.school_id = $1 and a.place_id = p.id and a.attendance in ('attended', 'not_attended'))) as used
    from intervention_places p
    where p.school_id = $1 and p.status = 'in'
      and p.intervention_id in (select intervention_id from mine where status = 'waiting')
    group by p.intervention_id
  )
  select i.id, i.name, i.description, i.session_day, i.session_count, i.places, i.status as intervention_status,
         m.id as place_id, m.status, m.started_on::text as started_on, q.position, q.queue_length, coalesce(u.used, '[]') as used
  from interventions i
  left join mine m on m.intervention_id = i.id
  left join queue q on q.id = m.id
  left join used u on u.intervention_id = i.id
  where i.school_id = $1 and (m.id is not null or i.status = 'running')
  order by i.name, i.id`;

/** Referrals shared with parents (never a draft or a restricted one), with the directory entry's details. */
export const REFERRALS_SQL = `
  select r.id, r.service, r.status, r.sent_on::text as sent_on, r.first_appointment_on::text as first_appointment_on,
         r.service_id, sv.details
  from referrals r left join services sv on sv.id = r.service_id
  where r.school_id = $1 and r.pupil_id = $2 and not r.restricted and r.status <> 'draft'
    and r.shared_with_parents_at is not null
  order by r.sent_on desc, r.shared_with_parents_at desc`;

/** The directory the school sees, for support while a family waits ($1 the school, $2 its trust). */
export const DIRECTORY_SQL = `
  select id, school_id, details from services where trust_id = $2 and (school_id is null or school_id = $1)
  order by details->>'name'`;

/** Questionnaires about the child asked of a parent and not finished. */
export const QUESTIONNAIRES_SQL = `
  select id, measure_key, measure_version, status, due_on::text as due_on from questionnaires
  where school_id = $1 and pupil_id = $2 and respondent = 'parent' and status <> 'complete'
  order by due_on asc nulls last, created_at`;

/** What this parent sent the school about the child (50 newest), each with when the school first acted on it. */
export const MESSAGES_SQL = `
  select m.id, m.kind, m.text, m.sent_at, m.intervention_name,
         coalesce(least(c.acknowledged_at, c.escalated_to_dsl_at, c.closed_at),
                  least(ip.moved_at, ip.allocated_at, ip.ended_at)) as read_at
  from family_messages m
  left join concerns c on c.id = m.concern_id and c.school_id = $1
  left join intervention_places ip on ip.id = m.place_id and ip.school_id = $1
  where m.school_id = $1 and m.pupil_id = $2 and m.sent_by = $3
  order by m.sent_at desc limit 50`;

interface AccessRow {
  id: string;
  name: string;
  flag: string | null;
  given_name: string;
  preferred_name: string | null;
  family_name: string;
  year_group: number;
  current_level: LevelCode | null;
  level_changed_at: Date | string | null;
  date_of_birth: string;
  school_name: string;
  trust_id: string;
}
interface DefinitionRow {
  code: LevelCode;
  version: number;
  name: string;
  created_at: Date | string;
  superseded_at: Date | string | null;
}
interface LetterRow {
  id: string;
  level: LevelCode | null;
  shared_at: Date | string;
  confirmed_at: Date | string | null;
}
interface PlanRow {
  id: string;
  kind: PlanKind;
  agreed_version: number;
  sections: PlanContentShape['sections'];
  contacts: PlanContentShape['contacts'];
  confirmed_at: Date | string | null;
}
interface MeetingRow {
  id: string;
  steps: unknown[];
}
interface PlaceRow {
  id: string;
  name: string;
  session_day: SessionDay;
  session_count: number;
  places: number;
  intervention_status: string;
  place_id: string | null;
  status: 'waiting' | 'in' | null;
  position: number | null;
  queue_length: number | null;
  used: (number | string)[];
}
interface MessageRow {
  id: string;
  read_at: Date | string | null;
}

/** The raw answer, in the shape of the digest both sides are compared by. */
export interface RawPage {
  access: AccessRow[];
  definitions: DefinitionRow[];
  letters: LetterRow[];
  plans: PlanRow[];
  meetings: MeetingRow[];
  places: PlaceRow[];
  referrals: { id: string; status: string }[];
  directory: unknown[];
  questionnaires: { id: string }[];
  messages: MessageRow[];
}

/** The selects, one after another (one connection, as the app's transaction). Throws if access is refused. */
export async function rawFamilyPage(q: Query, schoolId: string, pupilId: string, userId: string): Promise<RawPage> {
  const p = [schoolId, pupilId, userId];
  const access = await q<AccessRow>(ACCESS_SQL, p);
  if (access.length === 0 || access.some((a) => a.flag !== null)) throw new Error('raw: access refused');
  const definitions = await q<DefinitionRow>(DEFINITIONS_SQL, [schoolId]);
  const letters = await q<LetterRow>(LETTERS_SQL, p);
  const plans = await q<PlanRow>(PLANS_SQL, p);
  const meetings = await q<MeetingRow>(MEETINGS_SQL, [schoolId, pupilId]);
  const places = await q<PlaceRow>(PLACES_SQL, [schoolId, pupilId]);
  const referrals = await q<{ id: string; status: string }>(REFERRALS_SQL, [schoolId, pupilId]);
  const open = referrals.some((r) => r.status !== 'first_appointment' && r.status !== 'closed');
  const directory = open ? await q(DIRECTORY_SQL, [schoolId, access[0]?.trust_id]) : [];
  const questionnaires = await q<{ id: string }>(QUESTIONNAIRES_SQL, [schoolId, pupilId]);
  const messages = await q<MessageRow>(MESSAGES_SQL, p);
  return { access, definitions, letters, plans, meetings, places, referrals, directory, questionnaires, messages };
}

/** The selects and the audit append the app makes ("family.child_viewed"), in one transaction, the append last. */
export async function rawFamilyPageAudited(
  q: Query,
  schoolId: string,
  pupilId: string,
  userId: string,
): Promise<RawPage> {
  const page = await rawFamilyPage(q, schoolId, pupilId, userId);
  await auditAppend(q, {
    actorUserId: userId,
    trustId: page.access[0]?.trust_id ?? '',
    schoolId,
    action: 'family.child_viewed',
    subjectType: 'pupil',
    subjectId: pupilId,
    detail: { as: 'parent', part: 'child' },
  });
  return page;
}

const time = (d: Date | string) => new Date(d).getTime();

/** What both sides are compared by: every part's ids, states, positions and read confirmations. */
export interface PageDigest {
  child: string;
  level: string;
  plans: string[];
  meetings: string[];
  interventions: string[];
  referrals: string[];
  questionnaires: string[];
  letters: string[];
  supportOffers: string[];
  messages: string[];
}

/** The digest of the raw answer (the same rules as the app: the in-person levels, the parent sections, the queue). */
export function rawDigest(page: RawPage, pupilId: string, now: Date): PageDigest {
  const a = page.access[0];
  if (!a) throw new Error('raw: no access row');
  const level = (() => {
    const code = a.current_level;
    if (code && (IN_PERSON_LEVELS as readonly string[]).includes(code)) {
      const since = a.level_changed_at === null ? null : time(a.level_changed_at);
      const told = page.letters.some((l) => l.level === code && (since === null || time(l.shared_at) >= since));
      if (!told) return 'none';
    }
    if (!code) return 'Thriving';
    const current = page.definitions.find((d) => d.code === code && d.superseded_at === null);
    return `${code}:${current?.name ?? '(default)'}`;
  })();
  const today = londonToday(now);
  const interventions: string[] = [];
  const supportOffers: string[] = [];
  for (const r of page.places) {
    if (!r.place_id) {
      supportOffers.push(r.id);
      continue;
    }
    let expected: string | null = null;
    if (r.status === 'waiting' && r.position !== null) {
      const starts = expectedStartDates({
        today,
        sessionDay: r.session_day,
        sessionCount: r.session_count,
        places: r.places,
        sessionsLeft: r.used.map((u) => Math.max(r.session_count - Number(u), 0)),
        queueLength: r.queue_length ?? 0,
        running: r.intervention_status === 'running',
      });
      expected = starts[r.position - 1] ?? null;
    }
    interventions.push(`${r.status === 'in' ? 0 : 1}|${r.name}|${r.status}|${r.position ?? '-'}|${expected ?? '-'}`);
  }
  interventions.sort();
  return {
    child: pupilId,
    level,
    plans: page.plans
      .filter((p) => {
        const shown = parentFacingPlan({
          kind: p.kind,
          parentShareable: true,
          endedAt: null,
          agreedContent: { sections: p.sections, contacts: p.contacts } as PlanContentShape,
        });
        return shown !== null && (shown.sections.length > 0 || shown.contacts.length > 0);
      })
      .map((p) => `${p.id}:${p.agreed_version}:${p.confirmed_at ? 'read' : '-'}`),
    meetings: page.meetings.map((m) => `${m.id}:${m.steps.length}`),
    interventions: interventions.map((s) => s.slice(2)),
    referrals: page.referrals.map((r) => r.id),
    questionnaires: page.questionnaires.map((x) => x.id),
    letters: page.letters.map((l) => `${l.id}:${l.confirmed_at ? 'read' : '-'}`),
    supportOffers,
    messages: page.messages.map((m) => `${m.id}:${m.read_at ? 'read' : 'received'}`),
  };
}

/** The same digest of the app's answer. */
export function appDigest(body: AppPage, pupilId: string): PageDigest {
  const queue = body.interventions.map(
    (i) => `${i.state === 'in' ? 0 : 1}|${i.name}|${i.state}|${i.position ?? '-'}|${i.expectedStart ?? '-'}`,
  );
  queue.sort();
  return {
    child: body.child.pupilId === pupilId ? pupilId : `other:${body.child.pupilId}`,
    level:
      body.level === null
        ? 'none'
        : body.level.code === null
          ? body.level.name
          : `${body.level.code}:${body.level.name}`,
    plans: body.plans.map((p) => `${p.id}:${p.version}:${p.readAt ? 'read' : '-'}`),
    meetings: body.meetings.map((m) => `${m.id}:${m.nextSteps.length}`),
    interventions: queue.map((s) => s.slice(2)),
    referrals: body.referrals.map((r) => r.id),
    questionnaires: body.questionnaires.map((x) => x.id),
    letters: body.letters.map((l) => `${l.id}:${l.readAt ? 'read' : '-'}`),
    supportOffers: body.supportOffers.map((s) => s.interventionId),
    messages: body.messages.map((m) => `${m.id}:${m.state}`),
  };
}

/** The parts of ParentChildView the digest reads. */
export interface AppPage {
  child: { pupilId: string };
  level: { code: string | null; name: string } | null;
  plans: { id: string; version: number; readAt: string | null }[];
  meetings: { id: string; nextSteps: unknown[] }[];
  interventions: { name: string; state: string; position: number | null; expectedStart: string | null }[];
  referrals: { id: string }[];
  questionnaires: { id: string }[];
  letters: { id: string; readAt: string | null }[];
  supportOffers: { interventionId: string }[];
  messages: { id: string; state: string }[];
}
