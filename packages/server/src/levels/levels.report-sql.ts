/**
 * The SQL behind the levels figures: pupils on roll on a day with their level then (as a rank, 0
 * for no level, 1..5 for MH1..MH5), and each pupil's level at the start and end of each term.
 *
 * A pupil's level on a day is read without going through their whole history. The pupils row holds
 * the level and the moment of the last change, and every change records the level it was made from
 * (set under the pupil's lock). So a pupil whose last change came before the day still has the
 * level the row holds; for one changed since, it is the level the first change after the day was
 * made from. Only changes after the first day asked about are read.
 */
import { sql, type SQL } from 'drizzle-orm';
import { CHARACTERISTICS, LEVEL_CODES, londonToday, type Term } from '@tandem/core';
import { addDays } from '../platform/dates';
import { characteristicSql, pupilGroupSql, schoolIdsSql } from '../platform/report-filters';
import type { ReportRequest } from '../platform/registries';

const LEVELS_ARRAY = sql.raw(`'{${LEVEL_CODES.join(',')}}'::text[]`);

/** The rank of a level column: 0 for no level, 1..5 for MH1..MH5. */
export function rankSql(level: SQL): SQL {
  return sql`coalesce(array_position(${LEVELS_ARRAY}, ${level}::text), 0)`;
}

/**
 * The moment of a change of `lc` (in microseconds) × 10 plus the rank of one of its levels: the
 * largest (smallest) over a pupil's changes holds the last (first) change's rank in its last digit.
 */
function stampSql(level: SQL): SQL {
  return sql`((date_part('epoch', lc.changed_at) * 1000000)::bigint * 10 + ${rankSql(level)})`;
}

/** Whether the pupils row `p` was on roll on the day (joined by then, not left by then). */
function onRollSql(p: string, day: string | SQL): SQL {
  const d = typeof day === 'string' ? sql`${day}::date` : day;
  return sql`${sql.raw(p)}.created_at < (${d} + 1) and (${sql.raw(p)}.left_on is null or ${sql.raw(p)}.left_on > ${d})`;
}

/**
 * The pupils of the request on roll on r.asOf, with `rank`, their level's rank at the end of that
 * day. Today that is the level the pupils row holds.
 */
function pupilsAtSql(r: ReportRequest, schoolIds: SQL, names = false): SQL {
  const next = addDays(r.asOf, 1);
  const columns = sql`p.id, p.school_id, p.year_group, p.form, p.send, p.pupil_premium, p.looked_after,
    p.child_in_need, p.young_carer, p.eal, p.sex${names ? sql`, p.family_name, p.given_name` : sql``}`;
  const where = sql`p.school_id = any(${schoolIds}) and ${onRollSql('p', r.asOf)} and ${pupilGroupSql('p', r)}`;
  if (r.asOf >= londonToday(r.now)) {
    return sql`select ${columns}, ${rankSql(sql`p.current_level`)} as rank from pupils p where ${where}`;
  }
  return sql`select ${columns},
      case when p.level_changed_at >= ${next}::date then coalesce(l.rank, 0) else ${rankSql(sql`p.current_level`)} end as rank
    from pupils p
    left join (
      select lc.pupil_id, (min(${stampSql(sql`lc.from_level`)}) % 10)::int as rank
      from level_changes lc
      where lc.school_id = any(${schoolIds}) and lc.changed_at >= ${next}::date
      group by lc.pupil_id
    ) l on l.pupil_id = p.id
    where ${where}`;
}

export interface LevelRow {
  fig: 'level' | 'thrive' | 'year' | 'form' | 'char';
  school_id: string | null;
  /** The row key, or null for the whole school (year only). */
  row_key: string | null;
  pupils: number;
  mh3: number;
}

/**
 * Every figure of the levels on r.asOf in one statement. The pupils are counted once, by school,
 * year group, form and level (with each characteristic's count alongside); the figures' rows, per
 * school and for all of them, are sums over those few thousand counts.
 */
export function levelsAtSql(r: ReportRequest): SQL {
  const charCounts = sql.join(
    CHARACTERISTICS.map(
      (c, i) => sql`(count(*) filter (where ${characteristicSql('p', c)}))::int as ${sql.raw(`c${i}`)}`,
    ),
    sql`, `,
  );
  const charSums = sql.join(
    CHARACTERISTICS.map((_c, i) =>
      sql.raw(`sum(g.c${i})::int as c${i}, coalesce(sum(g.c${i}) filter (where g.rank >= 3), 0)::int as m${i}`),
    ),
    sql`, `,
  );
  const charRows = sql.join(
    CHARACTERISTICS.map((c, i) => sql`(${c}::text, ${sql.raw(`c.c${i}`)}, ${sql.raw(`c.m${i}`)})`),
    sql`, `,
  );
  // grouping(level_key, thrive_key, year_group, form): a bit is set for each column not grouped by.
  return sql`with g as materialized (
      select p.school_id, p.year_group, p.form, p.rank, count(*)::int as n, ${charCounts}
      from (${pupilsAtSql(r, schoolIdsSql(r))}) p
      group by p.school_id, p.year_group, p.form, p.rank
    )
    select (case grouping(k.level_key, k.thrive_key, k.year_group, k.form)
          when 7 then 'level' when 11 then 'thrive' when 14 then 'form' else 'year' end) as fig,
        k.school_id,
        (case grouping(k.level_key, k.thrive_key, k.year_group, k.form)
          when 7 then k.level_key when 11 then k.thrive_key when 13 then 'y' || k.year_group
          when 14 then 'f:' || k.form end) as row_key,
        sum(k.n)::int as pupils, coalesce(sum(k.n) filter (where k.rank >= 3), 0)::int as mh3
      from (
        select g.school_id, g.year_group, g.form, g.rank, g.n,
          coalesce((${LEVELS_ARRAY})[nullif(g.rank, 0)], 'none') as level_key,
          (case g.rank when 0 then 'thriving' when 1 then 'getting_advice' when 2 then 'getting_help'
            when 3 then 'getting_more_help' else 'getting_risk_support' end) as thrive_key
        from g
      ) k
      group by grouping sets ((k.school_id, k.level_key), (k.level_key), (k.school_id, k.thrive_key), (k.thrive_key),
        (k.school_id, k.year_group), (k.year_group), (k.school_id), (), (k.school_id, k.form), (k.form))
    union all
    select 'char', c.school_id, v.key, v.pupils, v.mh3
      from (select g.school_id, ${charSums} from g group by grouping sets ((g.school_id), ())) c
      cross join lateral (values ${charRows}) as v(key, pupils, mh3)`;
}

/** The pupils of one school on roll on r.asOf, in the request's group, matching `where` (on `p`, with `p.rank`). */
export function drillLevelsSql(r: ReportRequest & { schoolId: string }, where: SQL): SQL {
  const one = sql`${`{${r.schoolId}}`}::uuid[]`;
  return sql`select p.id from (${pupilsAtSql(r, one, true)}) p where ${where} order by p.family_name, p.given_name, p.id`;
}

/** The terms of the movement figure, each up to its last day counted (term end or r.asOf). */
export interface CountedTerm {
  term: Term;
  last: string;
}

export interface MovementRow {
  school_id: string | null;
  row_key: string;
  up: number;
  down: number;
  same: number;
}

/**
 * Moves between levels in each term: each pupil's rank at the start of each term and at its last
 * day counted (`at`, two places a term). A pupil changed since the first term began has them from
 * those changes: the last change before the day, or else the level the first change was made from;
 * any other pupil has held the level of the pupils row throughout. Pupils never given a level neither move nor
 * stay at a level, so are left out.
 */
export function movementSql(r: ReportRequest, terms: readonly CountedTerm[]): SQL {
  const bounds = terms.flatMap((t) => [t.term.from, addDays(t.last, 1)]);
  const first = terms[0]!.term.from;
  const at = sql.join(
    bounds.map((b) => sql`coalesce((max(c.t) filter (where c.changed_at < ${b}::date)) % 10, min(c.f) % 10)::int`),
    sql`, `,
  );
  const termValues = sql.join(
    terms.map((t, i) => sql`(${t.term.key}::text, ${2 * i + 1}::int, ${2 * i + 2}::int, ${t.last}::date)`),
    sql`, `,
  );
  return sql`with x as (
      select c.pupil_id, array[${at}] as at
      from (
        select lc.pupil_id, lc.changed_at, ${stampSql(sql`lc.to_level`)} as t, ${stampSql(sql`lc.from_level`)} as f
        from level_changes lc
        where lc.school_id = any(${schoolIdsSql(r)}) and lc.changed_at >= ${first}::date
      ) c
      group by c.pupil_id
    )
    select p.school_id, t.key as row_key,
      (count(*) filter (where y.at[t.e] > y.at[t.s]))::int as up,
      (count(*) filter (where y.at[t.e] < y.at[t.s]))::int as down,
      (count(*) filter (where y.at[t.s] > 0 and y.at[t.e] = y.at[t.s]))::int as same
    from pupils p
    left join x on x.pupil_id = p.id
    cross join lateral (
      select coalesce(x.at, array_fill(${rankSql(sql`p.current_level`)}, array[${bounds.length}::int])) as at
    ) y
    cross join (values ${termValues}) as t(key, s, e, last_day)
    where p.school_id = any(${schoolIdsSql(r)}) and (x.pupil_id is not null or p.current_level is not null)
      and ${onRollSql('p', sql`t.last_day`)} and ${pupilGroupSql('p', r)}
    group by grouping sets ((p.school_id, t.key), (t.key))`;
}
