/**
 * The missing list's SQL. Who is on the list is decided in one place (`onListSql`): a pupil on roll
 * at MH4 or above, unless the DSL took them off after their level was set; or a pupil the DSL added
 * and has not taken off since. Every list is scoped to the school and to the viewer's case scope.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  UNEXPLAINED_CODES,
  CME_CONSECUTIVE_DAYS,
  type Actor,
  type LevelCode,
  type MissingActionTaken,
  type Session,
} from '@tandem/core';
import { attendanceMarks, missingAlerts, missingListChanges, pupils, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import { caseScopeSql, caseScopesOf } from '../platform/case-access';
import { sqlRows } from '../platform/report-figures';

const LEVELS_ON_LIST: readonly LevelCode[] = ['MH4', 'MH5'];
const unexplained = sql.raw(`(${UNEXPLAINED_CODES.map((c) => `'${c}'`).join(', ')})`);
const levelsOnList = sql.raw(`(${LEVELS_ON_LIST.map((c) => `'${c}'`).join(', ')})`);

export interface ListedPupil {
  pupil_id: string;
  given_name: string;
  preferred_name: string | null;
  family_name: string;
  year_group: number;
  form: string | null;
  current_level: LevelCode | null;
  level_changed_at: string | null;
  last_action: 'added' | 'removed' | null;
  last_reason: string | null;
  last_at: string | null;
  last_by_name: string | null;
}

/**
 * The pupils on the list in a school (optionally only these ids), with their latest change. The
 * rule: added by the DSL and not taken off since; or at MH4+ and not taken off since the level was set.
 */
function onListSql(schoolId: string, extra: SQL): SQL {
  return sql`
    with last_change as (
      select distinct on (c.pupil_id) c.pupil_id, c.action, c.reason, c.at, u.display_name as by_name
      from ${missingListChanges} c join ${users} u on u.id = c.by_user_id
      where c.school_id = ${schoolId}
      order by c.pupil_id, c.at desc
    )
    select p.id as pupil_id, p.given_name, p.preferred_name, p.family_name, p.year_group, p.form,
      p.current_level, p.level_changed_at, lc.action as last_action, lc.reason as last_reason,
      lc.at as last_at, lc.by_name as last_by_name
    from ${pupils} p left join last_change lc on lc.pupil_id = p.id
    where p.school_id = ${schoolId} and p.left_on is null and ${extra}
      and (lc.action = 'added'
        or (p.current_level in ${levelsOnList}
          and not (lc.action is not null and lc.action = 'removed'
            and lc.at >= coalesce(p.level_changed_at, '-infinity'::timestamptz))))
    order by p.family_name, p.given_name, p.id`;
}

export async function listedPupils(db: DbOrTx, schoolId: string, visible: SQL): Promise<ListedPupil[]> {
  return sqlRows<ListedPupil>(db, onListSql(schoolId, visible));
}

export async function isOnList(db: DbOrTx, schoolId: string, pupilId: string): Promise<ListedPupil | null> {
  const rows = await sqlRows<ListedPupil>(db, onListSql(schoolId, sql`p.id = ${pupilId}`));
  return rows[0] ?? null;
}

/** The latest session with marks in at the school (this morning's register, once imported). */
export async function latestSession(db: DbOrTx, schoolId: string): Promise<{ on: string; session: Session } | null> {
  const [row] = await db
    .select({ on: attendanceMarks.on, session: attendanceMarks.session })
    .from(attendanceMarks)
    .where(eq(attendanceMarks.schoolId, schoolId))
    .orderBy(desc(attendanceMarks.on), desc(attendanceMarks.session))
    .limit(1);
  return row ?? null;
}

export async function marksAt(
  db: DbOrTx,
  schoolId: string,
  at: { on: string; session: Session },
  pupilIds: readonly string[],
): Promise<Map<string, string>> {
  if (pupilIds.length === 0) return new Map();
  const rows = await db
    .select({ pupilId: attendanceMarks.pupilId, code: attendanceMarks.code })
    .from(attendanceMarks)
    .where(
      and(
        eq(attendanceMarks.schoolId, schoolId),
        eq(attendanceMarks.on, at.on),
        eq(attendanceMarks.session, at.session),
        inArray(attendanceMarks.pupilId, [...pupilIds]),
      ),
    );
  return new Map(rows.map((r) => [r.pupilId, r.code]));
}

/** Pupils on the list marked absent without a reason at a session, with no alert raised for it yet. */
export async function unexplainedWithoutAlert(
  db: DbOrTx,
  schoolId: string,
  at: { on: string; session: Session },
  onlyPupil: string | null,
): Promise<{ pupil_id: string; code: string }[]> {
  const listed = onListSql(schoolId, onlyPupil === null ? sql`true` : sql`p.id = ${onlyPupil}`);
  return sqlRows(
    db,
    sql`with listed as (${listed})
      select m.pupil_id, m.code from ${attendanceMarks} m join listed l on l.pupil_id = m.pupil_id
      where m.school_id = ${schoolId} and m.day = ${at.on} and m.session = ${at.session} and m.code in ${unexplained}
        and not exists (select 1 from ${missingAlerts} a where a.school_id = ${schoolId} and a.pupil_id = m.pupil_id
          and a.day = ${at.on} and a.session = ${at.session})`,
  );
}

/** Records the alert once: another process (or import) that got there first wins, and this returns null. */
export async function insertAlert(
  db: DbOrTx,
  row: {
    schoolId: string;
    pupilId: string;
    on: string;
    session: Session;
    code: string;
    raisedAt: Date;
    alerted: string[];
  },
): Promise<string | null> {
  const [inserted] = await db
    .insert(missingAlerts)
    .values(row)
    .onConflictDoNothing({
      target: [missingAlerts.schoolId, missingAlerts.pupilId, missingAlerts.on, missingAlerts.session],
    })
    .returning({ id: missingAlerts.id });
  return inserted?.id ?? null;
}

export interface AlertRow {
  id: string;
  pupil_id: string;
  given_name: string;
  preferred_name: string | null;
  family_name: string;
  year_group: number;
  form: string | null;
  on: string;
  session: Session;
  code: string;
  raised_at: string;
  alerted_names: string[] | null;
  action_taken: MissingActionTaken | null;
  action_note: string | null;
  action_at: string | null;
  action_by_name: string | null;
}

/** Alerts not yet dealt with, and those dealt with since `since` (optionally of one pupil). */
export async function alertsOf(
  db: DbOrTx,
  schoolId: string,
  o: { visible: SQL; since: Date; pupilId: string | null },
): Promise<AlertRow[]> {
  return sqlRows<AlertRow>(
    db,
    sql`select a.id, a.pupil_id, p.given_name, p.preferred_name, p.family_name, p.year_group, p.form,
        a.day::text as on, a.session, a.code, a.raised_at, a.action_taken, a.action_note, a.action_at,
        ub.display_name as action_by_name,
        (select array_agg(u.display_name order by u.display_name) from ${users} u
          where u.id::text in (select jsonb_array_elements_text(a.alerted))) as alerted_names
      from ${missingAlerts} a join ${pupils} p on p.id = a.pupil_id
      left join ${users} ub on ub.id = a.action_by
      where a.school_id = ${schoolId} and ${o.visible}
        and ${o.pupilId === null ? sql`true` : sql`a.pupil_id = ${o.pupilId}`}
        and (a.action_at is null or a.raised_at >= ${o.since.toISOString()}::timestamptz)
      order by (a.action_at is null) desc, a.raised_at asc`,
  );
}

export async function lockAlert(db: DbOrTx, schoolId: string, alertId: string) {
  const [row] = await db
    .select()
    .from(missingAlerts)
    .where(and(eq(missingAlerts.schoolId, schoolId), eq(missingAlerts.id, alertId)))
    .for('update');
  return row ?? null;
}

export async function recordAction(
  db: DbOrTx,
  alertId: string,
  o: { action: MissingActionTaken; note: string; by: string; at: Date },
): Promise<void> {
  await db
    .update(missingAlerts)
    .set({ actionTaken: o.action, actionNote: o.note, actionBy: o.by, actionAt: o.at })
    .where(eq(missingAlerts.id, alertId));
}

export async function insertChange(
  db: DbOrTx,
  row: { schoolId: string; pupilId: string; action: 'added' | 'removed'; reason: string; byUserId: string; at: Date },
): Promise<void> {
  await db.insert(missingListChanges).values(row);
}

export async function changesOf(db: DbOrTx, schoolId: string, pupilId: string) {
  return db
    .select({
      id: missingListChanges.id,
      action: missingListChanges.action,
      reason: missingListChanges.reason,
      at: missingListChanges.at,
      byName: users.displayName,
    })
    .from(missingListChanges)
    .innerJoin(users, eq(users.id, missingListChanges.byUserId))
    .where(and(eq(missingListChanges.schoolId, schoolId), eq(missingListChanges.pupilId, pupilId)))
    .orderBy(desc(missingListChanges.at));
}

export interface MissingEducationRow {
  pupil_id: string;
  given_name: string;
  preferred_name: string | null;
  family_name: string;
  year_group: number;
  form: string | null;
  days: number;
  since: string;
}

/**
 * Pupils on roll whose every mark on each of the school's last school days (days with a register)
 * was an unexplained absence, for CME_CONSECUTIVE_DAYS days or more in a row up to `today`. The
 * run is counted back over at most 60 school days.
 */
export async function missingEducation(
  db: DbOrTx,
  schoolId: string,
  today: string,
  visible: SQL,
): Promise<MissingEducationRow[]> {
  return sqlRows<MissingEducationRow>(
    db,
    sql`with days as (
        select distinct m.day from ${attendanceMarks} m
        where m.school_id = ${schoolId} and m.day <= ${today} and m.day > ${today}::date - 120
        order by m.day desc limit 60
      ), ranked as (
        select d.day, row_number() over (order by d.day desc) as rn from days d
      ), pupil_days as (
        select m.pupil_id, m.day, bool_and(m.code in ${unexplained}) as unexplained
        from ${attendanceMarks} m
        where m.school_id = ${schoolId} and m.day in (select d.day from days d)
        group by m.pupil_id, m.day
      ), runs as (
        select p.id as pupil_id,
          coalesce(min(r.rn) filter (where pd.unexplained is not true), (select count(*) + 1 from ranked)) - 1 as days
        from ${pupils} p cross join ranked r
        left join pupil_days pd on pd.pupil_id = p.id and pd.day = r.day
        where p.school_id = ${schoolId} and p.left_on is null and ${visible}
        group by p.id
      )
      select p.id as pupil_id, p.given_name, p.preferred_name, p.family_name, p.year_group, p.form,
        runs.days::int as days, (select r.day::text from ranked r where r.rn = runs.days) as since
      from runs join ${pupils} p on p.id = runs.pupil_id
      where runs.days >= ${CME_CONSECUTIVE_DAYS}
      order by runs.days desc, p.family_name, p.given_name`,
  );
}

/** The viewer's case scope as a condition on the pupils row aliased `p` (true for whole-school roles). */
export async function visiblePupilsSql(db: DbOrTx, actor: Actor, schoolId: string): Promise<SQL> {
  const scopes = await caseScopesOf(db, actor, schoolId);
  if (scopes.some((s) => s.kind === 'school')) return sql`true`;
  return sql`p.id in (select ${pupils.id} from ${pupils} where ${pupils.schoolId} = ${schoolId}
    and ${caseScopeSql(scopes, actor.userId, schoolId, pupils.id)})`;
}
