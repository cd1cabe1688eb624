/**
 * The referrals' figures for the school's and the trust's reports (platform ReportSource): per
 * service and for the whole school, referrals sent, open, how long they wait, how many wait longer
 * than the school's standard, and how many were declined; and why they were declined. Each figure is
 * one SQL statement grouped by school (and service) and, for the trust, by all the schools
 * together. Restricted referrals and drafts are never counted.
 *
 * The definitions are those of waits.ts, taken for the referrals sent in the days asked for: a wait
 * runs from sent to the first appointment, or to the day the figures are taken on (asOf) while the
 * referral is still open; it is over the standard when longer than the school's referral wait
 * (28 days by default). "Open" is a stock, on asOf, of every referral sent by then.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  REFERRAL_SERVICE_LABELS,
  REFERRAL_SERVICES,
  type CellValue,
  type Figure,
  type FigureColumn,
} from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { ReportRequest, ReportSource } from '../platform/registries';
import { pupilGroupSql, schoolIdsSql } from '../platform/report-filters';
import { daysWords, dayWords, fraction, numOrNull, reportGroups, sqlRows } from '../platform/report-figures';

const KEYS = ['referrals.byService', 'referrals.summary', 'referrals.declineReasons'] as const;

type SqlRow = Record<string, unknown>;

const col = (key: string, label: string, unit: FigureColumn['unit'], basis: string | null = null): FigureColumn => ({
  key,
  label,
  unit,
  basis,
});

const COLUMNS: FigureColumn[] = [
  col('sent', 'Sent', 'count'),
  col('open', 'Open', 'count'),
  col('waits', 'Waits', 'count'),
  col('medianWait', 'Median wait', 'days', 'waits'),
  col('overStandard', 'Over the standard', 'count'),
  col('declined', 'Declined', 'count'),
  col('decided', 'Decided', 'count'),
  col('declineRate', 'Decline rate', 'percent', 'decided'),
];

/** The referrals counted (as r, with the pupil p and the school s): not drafts, not restricted. */
function fromSql(r: ReportRequest): SQL {
  const ids = schoolIdsSql(r);
  // Without a pupil filter every referral counts: no need to read the pupils at all.
  const pupil =
    r.yearGroup === null && r.characteristic === null
      ? sql``
      : sql`join pupils p on p.id = r.pupil_id and p.school_id = any(${ids}) and ${pupilGroupSql('p', r)}`;
  return sql`from referrals r
    ${pupil}
    join schools s on s.id = r.school_id and s.id = any(${ids})
    where r.school_id = any(${ids}) and not r.restricted and r.status <> 'draft'`;
}

/** Sent in the days asked for. */
function sentInSql(r: ReportRequest): SQL {
  return sql`r.sent_on between ${r.from}::date and ${r.to}::date`;
}

/**
 * Open on asOf: sent by then, no first appointment by then, and either still open (waits.ts's
 * statuses) or its last step (declined, seen, closed) came after asOf.
 */
function openOnSql(r: ReportRequest): SQL {
  return sql`(r.sent_on <= ${r.asOf}::date
    and (r.first_appointment_on is null or r.first_appointment_on > ${r.asOf}::date)
    and (r.status in ('sent', 'acknowledged', 'accepted', 'waiting') or r.last_step_on > ${r.asOf}::date))`;
}

/** The wait in days (sent to first appointment, or to asOf while open), null when there is none. */
function waitSql(r: ReportRequest): SQL {
  return sql`(case
    when r.first_appointment_on is not null and r.first_appointment_on <= ${r.asOf}::date
      then r.first_appointment_on - r.sent_on
    when ${openOnSql(r)} then ${r.asOf}::date - r.sent_on
  end)`;
}

const DECLINED = sql.raw(`(r.status = 'declined' or (r.status = 'closed' and r.decline_reason is not null))`);
const DECIDED = sql.raw(
  `(r.status in ('accepted', 'declined', 'waiting', 'first_appointment') or (r.status = 'closed' and (r.decline_reason is not null or r.first_appointment_on is not null)))`,
);

function cells(v: SqlRow | undefined): CellValue[] {
  const n = (k: string) => numOrNull(v?.[k]) ?? 0;
  return [
    n('sent'),
    n('open'),
    n('waits'),
    numOrNull(v?.median_wait),
    n('over_standard'),
    n('declined'),
    n('decided'),
    fraction(n('declined'), n('decided')),
  ];
}

function describe(r: ReportRequest): string {
  return (
    `Referrals sent ${daysWords(r.from, r.to)}, outside the restricted safeguarding record, with those open on ` +
    `${dayWords(r.asOf)}. A wait runs from sent to the first appointment, or to ${dayWords(r.asOf)} for those ` +
    `still waiting, and is over the standard when longer than the school's standard wait (28 days unless the ` +
    `school has set another).`
  );
}

async function services(db: DbOrTx, r: ReportRequest, combined: boolean) {
  const sets = combined
    ? sql.raw('grouping sets ((r.school_id, r.service), (r.school_id), (r.service), ())')
    : sql.raw('grouping sets ((r.school_id, r.service), (r.school_id))');
  const sent = sentInSql(r);
  const wait = waitSql(r);
  const rows = await sqlRows<SqlRow>(
    db,
    sql`select grouping(r.school_id) as g_school, grouping(r.service) as g_row,
      r.school_id::text as school_id, r.service as row_key,
      (count(*) filter (where ${sent}))::int as sent,
      (count(*) filter (where ${openOnSql(r)}))::int as open,
      (count(*) filter (where ${sent} and ${wait} is not null))::int as waits,
      (percentile_cont(0.5) within group (order by ${wait}) filter (where ${sent}))::float8 as median_wait,
      (count(*) filter (where ${sent} and ${wait} > s.referral_wait_days))::int as over_standard,
      (count(*) filter (where ${sent} and ${DECLINED}))::int as declined,
      (count(*) filter (where ${sent} and ${DECIDED}))::int as decided
    ${fromSql(r)} and (${sent} or r.sent_on <= ${r.asOf}::date)
    group by ${sets}`,
  );
  const groups = new Map<string, Map<string, SqlRow>>();
  for (const row of rows) {
    const g = Number(row.g_school) === 1 ? 'all' : String(row.school_id);
    const m = groups.get(g) ?? new Map<string, SqlRow>();
    m.set(Number(row.g_row) === 1 ? '' : String(row.row_key), row);
    groups.set(g, m);
  }
  return groups;
}

async function declineReasons(db: DbOrTx, r: ReportRequest, combined: boolean) {
  const sets = combined
    ? sql.raw('grouping sets ((r.school_id, btrim(r.decline_reason)), (btrim(r.decline_reason)))')
    : sql.raw('grouping sets ((r.school_id, btrim(r.decline_reason)))');
  const rows = await sqlRows<SqlRow>(
    db,
    sql`select g_school, school_id, reason, declined from (
      select grouping(r.school_id) as g_school, r.school_id::text as school_id,
        btrim(r.decline_reason) as reason, count(*)::int as declined,
        row_number() over (partition by grouping(r.school_id), r.school_id
          order by count(*) desc, btrim(r.decline_reason) collate "C") as n
      ${fromSql(r)} and ${sentInSql(r)} and ${DECLINED} and btrim(coalesce(r.decline_reason, '')) <> ''
      group by ${sets}
    ) ranked
    where n <= 10
    order by g_school, school_id, n`,
  );
  const groups = new Map<string, SqlRow[]>();
  for (const row of rows) {
    const g = Number(row.g_school) === 1 ? 'all' : String(row.school_id);
    groups.set(g, [...(groups.get(g) ?? []), row]);
  }
  return groups;
}

/** A short key for a reason, stable from one request to the next. */
function reasonKey(reason: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < reason.length; i++) h = Math.imul(h ^ reason.charCodeAt(i), 0x01000193) >>> 0;
  return `r${h.toString(16).padStart(8, '0')}`;
}

export const referralReport: ReportSource = {
  keys: KEYS,
  async figures(db, r, { combined }) {
    const byService = await services(db, r, combined);
    const reasons = await declineReasons(db, r, combined);
    const base = {
      section: 'referrals' as const,
      description: describe(r),
      rowHeading: 'Service',
      columns: COLUMNS,
      highlight: null,
    };
    const out = new Map<string, Figure[]>();
    for (const g of reportGroups(r, { combined })) {
      const v = byService.get(g) ?? new Map<string, SqlRow>();
      const figures: Figure[] = [
        {
          key: 'referrals.byService',
          section: base.section,
          title: 'Referrals by service',
          description: base.description,
          rowHeading: base.rowHeading,
          columns: COLUMNS,
          rows: REFERRAL_SERVICES.map((k) => ({
            key: k,
            label: REFERRAL_SERVICE_LABELS[k],
            values: cells(v.get(k)),
            highlight: null,
          })),
          total: { key: 'total', label: 'Whole school', values: cells(v.get('')), highlight: null },
          partition: true,
          chart: { kind: 'bar', columns: ['medianWait'] },
          drillColumn: 'overStandard',
          trustColumns: null,
        },
        {
          key: 'referrals.summary',
          section: base.section,
          title: 'Referrals: the whole picture',
          description: base.description,
          rowHeading: 'Referrals',
          columns: COLUMNS,
          rows: [{ key: 'all', label: 'All referrals', values: cells(v.get('')), highlight: null }],
          total: null,
          partition: false,
          chart: null,
          drillColumn: 'overStandard',
          trustColumns: ['sent', 'medianWait', 'overStandard', 'declined'],
        },
        {
          key: 'referrals.declineReasons',
          section: base.section,
          title: 'Why referrals were declined',
          description:
            `The reasons services gave for declining referrals sent ${daysWords(r.from, r.to)}, ` +
            `outside the restricted safeguarding record: the ten most common.`,
          rowHeading: 'Reason given',
          columns: [col('declined', 'Declined', 'count')],
          rows: (reasons.get(g) ?? []).map((x) => ({
            key: reasonKey(String(x.reason)),
            label: String(x.reason),
            values: [numOrNull(x.declined) ?? 0],
            highlight: null,
          })),
          total: null,
          partition: false,
          chart: { kind: 'bar', columns: ['declined'] },
          drillColumn: null,
          trustColumns: null,
        },
      ];
      out.set(g, figures);
    }
    return out;
  },
  async drill(db, r, figure, row) {
    if (!(KEYS as readonly string[]).includes(figure)) return null;
    if (figure === 'referrals.declineReasons') return [];
    const one = { ...r, schoolIds: [r.schoolId] };
    let which: SQL;
    if (row === 'all' || row === 'total') which = sql`true`;
    else if (figure === 'referrals.byService' && (REFERRAL_SERVICES as readonly string[]).includes(row))
      which = sql`r.service = ${row}`;
    else return [];
    const rows = await sqlRows<{ id: string }>(
      db,
      sql`select distinct r.pupil_id::text as id
      ${fromSql(one)} and ${sentInSql(one)} and ${waitSql(one)} > s.referral_wait_days and ${which}`,
    );
    return rows.map((x) => x.id);
  },
};
