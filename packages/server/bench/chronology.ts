/**
 * Measurement 7: the chronology of a pupil with a long record. One pupil is given 500 entries,
 * set-based (INSERT ... SELECT FROM generate_series), spread between the day they joined and now:
 * - 150 of the pupil's own: 56 level changes (up to MH1, MH2, back to MH1, to Thriving, 14 times),
 *   84 level shares (parents and staff after each change to a level), 9 corrections of details,
 *   and the day they joined;
 * - 350 about 70 concerns, all ordinary (Mental Health Lead route, not restricted, so the SMHL sees
 *   them all): 70 logged, 70 acknowledged, 60 addenda, 70 actions agreed, 50 of them completed, 30
 *   concerns closed.
 * The raw side is one UNION ALL returning the same entries (same ids) with the columns the app turns
 * into text, newest first.
 */
import type { RawDb } from './databases';

export const CHRONOLOGY_ENTRIES = 500;

export interface ChronologyPlan {
  schoolId: string;
  pupilId: string;
  smhlId: string;
  /** Staff who log the concerns, in turn. */
  loggerIds: string[];
  now: Date;
}

/**
 * A version-4 UUID from an SQL text expression (md5 with the version and variant digits set: the API's
 * schemas accept only RFC 9562 UUIDs, so a bare md5 cast to uuid would fail the response check).
 */
const uuidOf = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

/** The pupil's time at the school, a week in from each end ($1 school, $2 pupil, $3 now). */
const SPAN = `with span as (
  select p.created_at + interval '7 days' as start,
         ($3::timestamptz - interval '7 days') - (p.created_at + interval '7 days') as len
  from pupils p where p.id = $2 and p.school_id = $1)`;

const LEVEL_FROM = `(array[null, 'MH1', 'MH2', 'MH1'])[(g - 1) % 4 + 1]`;
const LEVEL_TO = `(array['MH1', 'MH2', 'MH1', null])[(g - 1) % 4 + 1]`;
const CONCERN_ID = uuidOf(`'tandem-bench/chronology/concern/' || g`);
/** When concern g was logged: between the level changes. */
const LOGGED_AT = `(s.start + s.len * ((g - 0.5) / 70.0)::float8)`;

/** The statements that generate the entries, with their parameters. */
function statements(p: ChronologyPlan): [string, unknown[]][] {
  const pupil = [p.schoolId, p.pupilId, p.now, p.smhlId];
  return [
    [
      `${SPAN}
       insert into level_changes (id, school_id, pupil_id, from_level, to_level, definition_id, reason, evidence, changed_by, changed_at)
       select ${uuidOf(`'tandem-bench/chronology/change/' || g`)}, $1, $2, ${LEVEL_FROM}, ${LEVEL_TO}, d.id,
              case when ${LEVEL_TO} is null then 'Improvement sustained over the review period; support stepped down.'
                   else 'Worries reported by tutor and parent over several weeks; support stepped up.' end,
              '[{"kind":"meeting","description":"Review meeting with parent and pupil."}]'::jsonb,
              $4, s.start + s.len * (g / 57.0)::float8
       from generate_series(1, 56) g cross join span s
       left join level_definitions d on d.school_id = $1 and d.code = ${LEVEL_TO} and d.superseded_at is null`,
      pupil,
    ],
    [
      `${SPAN}
       insert into level_shares (id, school_id, pupil_id, audience, level, batch_id, shared_by, shared_at)
       select ${uuidOf(`'tandem-bench/chronology/share/' || g || '/' || a`)}, $1, $2, a, lvl,
              ${uuidOf(`'tandem-bench/chronology/share-batch/' || g || '/' || a`)}, $4, t + interval '1 day'
       from (select g, ${LEVEL_TO} as lvl, s.start + s.len * (g / 57.0)::float8 as t
             from generate_series(1, 56) g cross join span s) x
       cross join unnest(array['parents', 'staff']) as a
       where lvl is not null`,
      pupil,
    ],
    [
      `${SPAN}
       insert into pupil_detail_changes (id, school_id, pupil_id, changes, reason, changed_by, changed_at)
       select ${uuidOf(`'tandem-bench/chronology/detail/' || h`)}, $1, $2,
              case when h % 3 = 0 then '{"send":{"from":"none","to":"support"}}'::jsonb
                   when h % 3 = 1 then '{"form":{"from":"9A","to":"9B"}}'::jsonb
                   else '{"youngCarer":{"from":false,"to":true}}'::jsonb end,
              'Updated after the review meeting with the family.', $4,
              s.start + s.len * (h / 10.0)::float8 + interval '3 days'
       from generate_series(1, 9) h cross join span s`,
      pupil,
    ],
    [
      `${SPAN}
       insert into concerns (id, school_id, reference, logged_by, logged_at, submission_key, occurred_at, location, account,
         pupil_words, warning_signs, others_present, risk_of_immediate_harm, possible_child_protection, medical_emergency,
         category, route, urgent, restricted, is_disclosure, status, acknowledged_by, acknowledged_at, outcome, outcome_note,
         closed_by, closed_at, parents_status, updated_at)
       select ${CONCERN_ID}, $1,
              'C-' || extract(year from ${LOGGED_AT})::int || '-' || lpad(g::text, 4, '0'),
              ($5::uuid[])[g % cardinality($5::uuid[]) + 1], ${LOGGED_AT}, md5('tandem-bench/chronology/key/' || g),
              ${LOGGED_AT} - interval '2 hours', 'Corridor outside the library',
              'The pupil was upset after break and said they had been left out by their friends again. They were quiet ' ||
              'in the lesson that followed and did not eat lunch. I spoke to them at the end of the day and they said ' ||
              'they were tired of feeling like this and that it had been going on for weeks.',
              case when g % 3 = 0 then 'I just feel like nobody wants me around' end,
              '["withdrawal","isolation_friends_family"]'::jsonb, '', false, false, false,
              'mental_health', 'mental_health_lead', false, false, false,
              case when g <= 30 then 'closed' else 'acknowledged' end,
              $4, ${LOGGED_AT} + interval '2 hours',
              case when g <= 30 then 'monitor' end,
              case when g <= 30 then 'Support in place and working; tutor to keep an eye on things.' end,
              case when g <= 30 then $4::uuid end,
              case when g <= 30 then ${LOGGED_AT} + interval '20 days' end,
              'to_be_told', ${LOGGED_AT} + interval '20 days'
       from generate_series(1, 70) g cross join span s`,
      [...pupil, p.loggerIds],
    ],
    [
      `insert into concern_pupils (school_id, concern_id, pupil_id)
       select $1, ${CONCERN_ID}, $2 from generate_series(1, 70) g`,
      [p.schoolId, p.pupilId],
    ],
    [
      `insert into concern_addenda (id, school_id, concern_id, text, reason, added_by, added_at)
       select ${uuidOf(`'tandem-bench/chronology/addendum/' || g`)}, $1, c.id,
              'The pupil came to find me the next morning and said they felt a bit better after talking to their mum.',
              'Further information from the pupil', c.logged_by, c.logged_at + interval '1 day'
       from generate_series(1, 60) g join concerns c on c.id = ${CONCERN_ID}`,
      [p.schoolId],
    ],
    [
      `insert into concern_actions (id, school_id, concern_id, description, owner_user_id, due_on, created_by, created_at,
         completed_at, completed_by, completion_note)
       select ${uuidOf(`'tandem-bench/chronology/action/' || g`)}, $1, c.id,
              'Check in with the pupil at the start of each day this week', c.logged_by,
              (c.logged_at + interval '14 days')::date, $2, c.logged_at + interval '3 hours',
              case when g <= 50 then c.logged_at + interval '10 days' end,
              case when g <= 50 then c.logged_by end,
              case when g <= 50 then 'Done; the pupil is more settled.' end
       from generate_series(1, 70) g join concerns c on c.id = ${CONCERN_ID}`,
      [p.schoolId, p.smhlId],
    ],
  ];
}

/** Give the pupil 500 entries, in one transaction, and refresh the statistics of the tables touched. */
export async function generateChronology(raw: RawDb, plan: ChronologyPlan): Promise<void> {
  await raw.transaction(async (q) => {
    for (const [text, params] of statements(plan)) await q(text, params);
  });
  await raw.query(
    'analyze level_changes, level_shares, pupil_detail_changes, concerns, concern_pupils, concern_addenda, concern_actions',
  );
}

export interface RawEntry {
  id: string;
  kind: string;
  at: Date | string;
}

/** Every entry the SMHL may see, in one statement, newest first ($1 school, $2 pupil). */
export const CHRONOLOGY_SQL = `
with visible as (
  select c.* from concerns c join concern_pupils cp on cp.concern_id = c.id
  where c.school_id = $1 and cp.school_id = $1 and cp.pupil_id = $2 and not c.restricted
)
select * from (
  select lc.id::text as id, 'level_change' as kind, lc.changed_at as at, null::uuid as concern_id, null::text as reference,
         null::boolean as urgent, lc.from_level as a, lc.to_level as b, lc.reason as detail,
         u.display_name as by_name, null::text as other
    from level_changes lc join users u on u.id = lc.changed_by
   where lc.school_id = $1 and lc.pupil_id = $2
  union all
  select s.id::text, case s.audience when 'parents' then 'shared_with_parents' else 'shared_with_staff' end, s.shared_at,
         null, null, null, s.level, null, null, u.display_name, null
    from level_shares s join users u on u.id = s.shared_by
   where s.school_id = $1 and s.pupil_id = $2 and s.audience in ('parents', 'staff')
  union all
  select d.id::text, 'details_corrected', d.changed_at, null, null, null, d.changes::text, null, d.reason, u.display_name, null
    from pupil_detail_changes d join users u on u.id = d.changed_by
   where d.school_id = $1 and d.pupil_id = $2
  union all
  select 'joined-' || p.id, 'pupil_joined', p.created_at, null, null, null, null, null, null, null, null
    from pupils p where p.id = $2 and p.school_id = $1
  union all
  select 'left-' || p.id, 'pupil_left', p.left_on::timestamp at time zone 'UTC', null, null, null, null, null, null, null, null
    from pupils p where p.id = $2 and p.school_id = $1 and p.left_on is not null
  union all
  select v.id::text, 'concern_logged', v.logged_at, v.id, v.reference, v.urgent, v.location, v.pupil_words, v.account,
         u.display_name, v.occurred_at::text
    from visible v join users u on u.id = v.logged_by
  union all
  select v.id || '-acknowledged', 'concern_acknowledged', v.acknowledged_at, v.id, v.reference, v.urgent, null, null, null,
         u.display_name, null
    from visible v left join users u on u.id = v.acknowledged_by where v.acknowledged_at is not null
  union all
  select v.id || '-escalated', 'concern_escalated', v.escalated_to_dsl_at, v.id, v.reference, v.urgent, null, null, null,
         u.display_name, null
    from visible v left join users u on u.id = v.escalated_to_dsl_by where v.escalated_to_dsl_at is not null
  union all
  select v.id || '-closed', 'concern_closed', v.closed_at, v.id, v.reference, v.urgent, v.outcome, null, v.outcome_note,
         u.display_name, null
    from visible v left join users u on u.id = v.closed_by where v.closed_at is not null
  union all
  select v.id || '-parents-told', 'parents_told', v.parents_told_at, v.id, v.reference, v.urgent, v.parents_told_how, null,
         null, u.display_name, null
    from visible v left join users u on u.id = v.parents_told_by where v.parents_told_at is not null
  union all
  select a.id::text, 'concern_addendum', a.added_at, v.id, v.reference, v.urgent, a.reason, null, a.text, u.display_name, null
    from concern_addenda a join visible v on v.id = a.concern_id join users u on u.id = a.added_by
   where a.school_id = $1
  union all
  select a.id || '-added', 'concern_action_added', a.created_at, v.id, v.reference, v.urgent, a.description, a.due_on::text,
         null, creator.display_name, owner.display_name
    from concern_actions a join visible v on v.id = a.concern_id
    join users owner on owner.id = a.owner_user_id join users creator on creator.id = a.created_by
   where a.school_id = $1
  union all
  select a.id || '-completed', 'concern_action_completed', a.completed_at, v.id, v.reference, v.urgent, a.description, null,
         a.completion_note, completer.display_name, null
    from concern_actions a join visible v on v.id = a.concern_id left join users completer on completer.id = a.completed_by
   where a.school_id = $1 and a.completed_at is not null
  union all
  select k.id::text, 'concern_corrected', k.changed_at, v.id, v.reference, v.urgent, k.field, null, k.reason,
         u.display_name, null
    from concern_corrections k join visible v on v.id = k.concern_id join users u on u.id = k.changed_by
   where k.school_id = $1
) entries
order by at desc, id`;
