/**
 * Gathers the figures of every registered report source (levels, concerns, interventions,
 * referrals, plans, actions) for some schools and days, in the dashboard's order. The sources run
 * side by side: on PostgreSQL each takes a connection of the pool; each is SQL aggregation.
 */
import { suppressFigure, type Figure, type ReportScope, type ReportVersion } from '@tandem/core';
import type { DbOrTx } from '../db/client';
import type { AppDeps } from '../platform/deps';
import type { ReportRequest } from '../platform/registries';

export function reportRequest(schoolIds: readonly string[], scope: ReportScope, now: Date): ReportRequest {
  return {
    schoolIds,
    from: scope.from,
    to: scope.to,
    asOf: scope.asOf,
    now,
    yearGroup: scope.yearGroup,
    characteristic: scope.characteristic,
  };
}

/** Each school's figures (and the schools' together under 'all' when `combined`), in order. */
export async function collectFigures(
  deps: AppDeps,
  db: DbOrTx,
  request: ReportRequest,
  combined: boolean,
): Promise<Map<string, Figure[]>> {
  const parts = await Promise.all(deps.registries.reportSources.map((s) => s.figures(db, request, { combined })));
  const out = new Map<string, Figure[]>();
  for (const group of [...request.schoolIds, ...(combined ? ['all'] : [])]) {
    out.set(
      group,
      parts.flatMap((p) => p.get(group) ?? []),
    );
  }
  return out;
}

/**
 * The leads' figures as they are; the governors' with small numbers hidden, no drill-down, and no
 * figure whose rows are words staff typed.
 */
export function forVersion(figures: readonly Figure[], version: ReportVersion): Figure[] {
  return version === 'governors' ? figures.filter((f) => f.freeTextRows !== true).map(suppressFigure) : [...figures];
}

/** A short, name-free summary of the filters for the audit trail. */
export function filterWords(scope: ReportScope): string {
  const parts: string[] = [scope.period];
  if (scope.yearGroup !== null) parts.push(`year ${scope.yearGroup}`);
  if (scope.characteristic !== null) parts.push(scope.characteristic);
  return parts.join(', ');
}
