/**
 * The trust's view (trust lead, trust admin): every figure that has a trust form, a row for each
 * school and one for the trust, made safe by core's one suppression function before it leaves the
 * server (nothing from 1 to 4 shown, no hidden cell recoverable from the totals). Never a pupil's
 * name, never a drill-down. One audit entry per view or export.
 */
import {
  AppError,
  londonToday,
  resolveReportScope,
  trustFigure,
  type ReportQuery,
  type TrustReportResponse,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { schoolsOfTrust, trustNameOf, yearGroupsOnRoll } from '../../platform/directory';
import { checkTrust, inTrust, type TrustRequest } from '../../platform/gate';
import { collectFigures, filterWords, reportRequest } from '../reports.figures';
import { reportFileName, trustFigureCsv, trustFiguresCsv } from '../reports.csv';

async function trustFigures(deps: AppDeps, at: TrustRequest, q: ReportQuery) {
  checkTrust(at.actor, at.trustId, 'trust.viewReports');
  const db = deps.database.db;
  const now = deps.clock.now();
  const scope = resolveReportScope(q, londonToday(now));
  const [schools, name] = await Promise.all([schoolsOfTrust(db, at.trustId), trustNameOf(db, at.trustId)]);
  const ids = schools.map((s) => s.id);
  const [groups, yearGroups] = await Promise.all([
    collectFigures(deps, db, reportRequest(ids, scope, now), true),
    yearGroupsOnRoll(db, ids),
  ]);
  const combined = (groups.get('all') ?? []).filter(
    (f) => f.trustColumns !== null && f.trustColumns.length > 0 && f.freeTextRows !== true,
  );
  const figures = combined.map((all) =>
    trustFigure(
      schools.map((s) => ({
        schoolId: s.id,
        schoolName: s.name,
        figure: (groups.get(s.id) ?? []).find((f) => f.key === all.key) ?? { ...all, rows: [], total: null },
      })),
      all,
    ),
  );
  return { scope, schools, name, figures, now, yearGroups };
}

export async function viewTrustReport(deps: AppDeps, at: TrustRequest, q: ReportQuery): Promise<TrustReportResponse> {
  const f = await trustFigures(deps, at, q);
  return inTrust(deps, at, 'trust.viewReports', async (t) => {
    await t.audit(
      {
        action: 'report.viewed',
        detail: {
          scope: 'trust',
          version: 'governors',
          from: f.scope.from,
          to: f.scope.to,
          filter: filterWords(f.scope),
        },
      },
      { type: 'report', id: null },
    );
    return {
      trust: { id: at.trustId, name: f.name },
      scope: f.scope,
      generatedAt: f.now.toISOString(),
      schools: f.schools,
      figures: f.figures,
      yearGroups: f.yearGroups,
    };
  });
}

export async function trustReportCsv(deps: AppDeps, at: TrustRequest, q: ReportQuery) {
  const f = await trustFigures(deps, at, q);
  const one = q.figure === undefined ? null : f.figures.find((x) => x.key === q.figure);
  if (one === undefined) {
    throw new AppError('not_found', 'no such figure', {
      userMessage: 'That figure is not part of the trust’s report.',
    });
  }
  return inTrust(deps, at, 'trust.viewReports', async (t) => {
    await t.audit(
      {
        action: 'report.exported',
        detail: { scope: 'trust', format: 'csv', figure: one?.key ?? null, from: f.scope.from, to: f.scope.to },
      },
      { type: 'report', id: null },
    );
    return {
      csv: one ? trustFigureCsv(one) : trustFiguresCsv(f.figures, f.scope),
      fileName: reportFileName(['trust', one?.key ?? 'report', f.scope.from, f.scope.to], 'csv'),
    };
  });
}
