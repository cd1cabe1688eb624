/**
 * Small builders the report sources share: running one aggregate statement and reading its rows
 * (PGlite and node-postgres alike), sorting grouped rows (GROUP BY GROUPING SETS, where a null
 * school is all the schools together) into each school and 'all', and the days a figure covers in
 * British words for its description.
 */
import type { SQL } from 'drizzle-orm';
import { dayWords, daysWords as rangeWords, type Figure } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { ReportRequest } from './registries';

/** The key of the schools-together group in a source's answer. */
export const ALL_SCHOOLS = 'all';

/** The rows of one SQL statement. Counts should be cast to int in the SQL (`count(*)::int`). */
export async function sqlRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}

/** A number from a database value (an int8 may come back as a string or a bigint), 0 for null. */
export function num(v: unknown): number {
  if (v === null || v === undefined) return 0;
  return Number(v);
}

/** A number, or null for a database null (a median of nothing). */
export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/** part ÷ whole, or null when whole is 0 (nothing to work it out from). */
export function fraction(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The groups figures are built for: each school of the request, then 'all' when combined. */
export function reportGroups(r: Pick<ReportRequest, 'schoolIds'>, o: { combined: boolean }): string[] {
  return o.combined ? [...r.schoolIds, ALL_SCHOOLS] : [...r.schoolIds];
}

/**
 * Grouped SQL rows sorted by group, then by row key: a row whose `school_id` is null is the
 * schools-together group ('all'). A group with no rows is absent; `rowsOf` answers an empty map.
 */
export class GroupedRows<T extends { school_id: string | null }> {
  private readonly groups = new Map<string, Map<string, T>>();

  constructor(rows: readonly T[], rowKey: (row: T) => string) {
    for (const row of rows) {
      const group = row.school_id ?? ALL_SCHOOLS;
      let m = this.groups.get(group);
      if (!m) this.groups.set(group, (m = new Map<string, T>()));
      m.set(rowKey(row), row);
    }
  }

  /** The rows of one group (a school id or 'all'), by row key. */
  rowsOf(group: string): Map<string, T> {
    return this.groups.get(group) ?? new Map<string, T>();
  }

  /** One row of one group, or undefined. */
  get(group: string, key: string): T | undefined {
    return this.groups.get(group)?.get(key);
  }
}

/**
 * A source's answer: for each group (each school, then 'all' when combined) its figures, one per
 * builder, in the builders' order.
 */
export function figureMap(
  r: Pick<ReportRequest, 'schoolIds'>,
  o: { combined: boolean },
  builders: readonly ((group: string) => Figure)[],
): Map<string, Figure[]> {
  const out = new Map<string, Figure[]>();
  for (const group of reportGroups(r, o))
    out.set(
      group,
      builders.map((build) => build(group)),
    );
  return out;
}

/** "6 December 2026" for a YYYY-MM-DD date (core's, for the figures' descriptions). */
export { dayWords };

/**
 * The days from..to in words: "from 1 September to 6 December 2026", "from 1 September 2025 to
 * 31 August 2026", or "on 6 December 2026" for one day.
 */
export function daysWords(from: string, to: string): string {
  return from === to ? `on ${dayWords(to)}` : `from ${rangeWords(from, to)}`;
}
