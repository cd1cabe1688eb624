/**
 * Termly reports: a school's figures for a term that has ended (its days, every pupil, "now"
 * figures taken on its last day), kept as they were when prepared. Preparing is idempotent: the
 * unique (school, term) index decides which of several server processes keeps its copy, so no
 * lock is taken and nobody is told twice.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { daysWords, type Figure, type Term } from '@tandem/core';
import { schools, termlyReports } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import type { AppDeps } from '../platform/deps';
import { collectFigures, reportRequest } from './reports.figures';

/** Compute and keep a school's report for a term; null when it was already kept. */
export async function prepareTermlyReport(
  deps: AppDeps,
  db: DbOrTx,
  o: { schoolId: string; term: Term; now: Date },
): Promise<{ id: string } | null> {
  const scope = {
    period: 'custom' as const,
    from: o.term.from,
    to: o.term.to,
    asOf: o.term.to,
    label: `${o.term.label} (${daysWords(o.term.from, o.term.to)})`,
    yearGroup: null,
    characteristic: null,
  };
  const figures = (await collectFigures(deps, db, reportRequest([o.schoolId], scope, o.now), false)).get(o.schoolId);
  const [row] = await db
    .insert(termlyReports)
    .values({
      schoolId: o.schoolId,
      termKey: o.term.key,
      fromOn: o.term.from,
      toOn: o.term.to,
      figures: (figures ?? []).map((f) => ({ ...f, drillColumn: null })),
      preparedAt: o.now,
    })
    .onConflictDoNothing()
    .returning({ id: termlyReports.id });
  return row ?? null;
}

/** Schools that existed before the term ended and have no report for it yet. */
export async function schoolsAwaitingReport(db: DbOrTx, term: Term, limit: number) {
  return db
    .select({ id: schools.id, trustId: schools.trustId })
    .from(schools)
    .where(
      and(
        sql`${schools.createdAt}::date <= ${term.to}::date`,
        sql`not exists (select 1 from ${termlyReports} tr where tr.school_id = ${schools.id} and tr.term_key = ${term.key})`,
      ),
    )
    .orderBy(asc(schools.id))
    .limit(limit);
}

export async function termlyReportsOf(db: DbOrTx, schoolId: string) {
  return db
    .select({
      termKey: termlyReports.termKey,
      fromOn: termlyReports.fromOn,
      toOn: termlyReports.toOn,
      preparedAt: termlyReports.preparedAt,
    })
    .from(termlyReports)
    .where(eq(termlyReports.schoolId, schoolId))
    .orderBy(desc(termlyReports.fromOn));
}

export async function termlyReportOf(
  db: DbOrTx,
  schoolId: string,
  termKey: string,
): Promise<{ id: string; termKey: string; fromOn: string; toOn: string; figures: Figure[]; preparedAt: Date } | null> {
  const [row] = await db
    .select()
    .from(termlyReports)
    .where(and(eq(termlyReports.schoolId, schoolId), eq(termlyReports.termKey, termKey)));
  return row ?? null;
}
