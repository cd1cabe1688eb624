/**
 * Measurement 12's raw side: the exact aggregate statements the report sources send for one
 * dashboard, captured by running every registered `ReportSource` once through a recording
 * wrapper of `db.execute` (each statement's SQL and parameters as Drizzle's dialect builds them,
 * and the rows it returned), then replayed straight through the driver (the node-postgres pool or
 * the PGlite instance): one after another, or side by side as the app sends them (the sources all
 * at once, as `collectFigures` runs them with Promise.all; within a source, statements it sends
 * together at once and the rest one after another, as it awaits them).
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Figure } from '@tandem/core';
import type { Db } from '../src/db/client';
import type { ReportRequest, ReportSource } from '../src/platform/registries';
import type { Query } from './databases';

export interface ReportStatement {
  /** The source's name (the first part of its figure keys: levels, concerns...). */
  source: string;
  /** Its place among the source's statements (1, 2...). */
  n: number;
  /** Statements of one source with the same wave were in flight together. */
  wave: number;
  sql: string;
  params: unknown[];
  rows: unknown[];
}

export interface CapturedReport {
  statements: ReportStatement[];
  /** Each group's figures (each school, and 'all' when combined), in the dashboard's order. */
  figures: Map<string, Figure[]>;
}

const dialect = new PgDialect();

export const sourceName = (s: ReportSource) => (s.keys[0] ?? '?').split('.')[0] ?? '?';

/** The database, with `execute` recording each statement (the sources send all theirs through it). */
function recording(db: Db, source: string, out: ReportStatement[]): Db {
  let inFlight = 0;
  let wave = 0;
  let n = 0;
  const execute = async (query: SQL | string) => {
    const built =
      typeof query === 'string' ? { sql: query, params: [] as unknown[] } : dialect.sqlToQuery(query.getSQL());
    if (inFlight === 0) wave++;
    const entry: ReportStatement = { source, n: ++n, wave, sql: built.sql, params: built.params, rows: [] };
    out.push(entry);
    inFlight++;
    try {
      const result: unknown = await db.execute(query);
      entry.rows = (result as { rows: unknown[] }).rows;
      return result;
    } finally {
      inFlight--;
    }
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'execute') return execute;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * Run every source once, one source at a time (so each statement is known to be its source's), and
 * record its statements; the figures are merged as `collectFigures` merges them.
 */
export async function captureReport(
  db: Db,
  sources: readonly ReportSource[],
  request: ReportRequest,
  combined: boolean,
): Promise<CapturedReport> {
  const statements: ReportStatement[] = [];
  const parts: Map<string, Figure[]>[] = [];
  for (const s of sources) parts.push(await s.figures(recording(db, sourceName(s), statements), request, { combined }));
  const figures = new Map<string, Figure[]>();
  for (const group of [...request.schoolIds, ...(combined ? ['all'] : [])])
    figures.set(
      group,
      parts.flatMap((p) => p.get(group) ?? []),
    );
  return { statements, figures };
}

/** Every statement, one after another. */
export async function replayOneByOne(q: Query, statements: readonly ReportStatement[]): Promise<number> {
  let rows = 0;
  for (const s of statements) rows += (await q(s.sql, s.params)).length;
  return rows;
}

/** The statements grouped as the app sends them: by source, then by wave. */
export function wavesOf(statements: readonly ReportStatement[]): ReportStatement[][][] {
  const bySource = new Map<string, Map<number, ReportStatement[]>>();
  for (const s of statements) {
    const waves = bySource.get(s.source) ?? new Map<number, ReportStatement[]>();
    waves.set(s.wave, [...(waves.get(s.wave) ?? []), s]);
    bySource.set(s.source, waves);
  }
  return [...bySource.values()].map((w) => [...w.values()]);
}

/** Side by side as the app: every source at once; in a source, each wave's statements at once, wave after wave. */
export async function replaySideBySide(q: Query, sources: readonly ReportStatement[][][]): Promise<number> {
  const counts = await Promise.all(
    sources.map(async (waves) => {
      let rows = 0;
      for (const wave of waves) {
        const results = await Promise.all(wave.map((s) => q(s.sql, s.params)));
        for (const r of results) rows += r.length;
      }
      return rows;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** Every statement at once (as if each source sent all of its statements together). */
export async function replayAllAtOnce(q: Query, statements: readonly ReportStatement[]): Promise<number> {
  const results = await Promise.all(statements.map((s) => q(s.sql, s.params)));
  return results.reduce((a, r) => a + r.length, 0);
}

/** A value as the two drivers' paths may give it (Drizzle keeps dates as text), for comparing. */
function normal(v: unknown): unknown {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}.*)?$/.test(v)) {
    const t = Date.parse(v.length === 10 ? `${v}T00:00:00` : v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
    return Number.isNaN(t) ? v : t;
  }
  if (Array.isArray(v)) return v.map(normal);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, normal(x)]));
  return v;
}

/** Replay each statement once and check it returns what it returned to the source (throws if not). */
export async function checkReplay(q: Query, statements: readonly ReportStatement[]): Promise<void> {
  for (const s of statements) {
    const rows = await q(s.sql, s.params);
    const a = JSON.stringify(normal(s.rows));
    const b = JSON.stringify(normal(rows));
    if (a !== b) {
      throw new Error(
        `12: ${s.source} statement ${s.n} replayed gives other rows:\n  app ${a.slice(0, 400)}\n  raw ${b.slice(0, 400)}`,
      );
    }
  }
}

/** A short name of a statement for the report lines: source, number, the table it reads first. */
export function statementLabel(s: ReportStatement): string {
  const table = /\bfrom\s+"?([a-z_]+)"?\s+[a-z]{1,3}\b/i.exec(s.sql.replace(/\(\s*select/gi, '( select'))?.[1] ?? '?';
  return `${s.source}#${s.n} (${table})`;
}
