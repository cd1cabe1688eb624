/**
 * The pupils behind one number of the school's picture (the leads' version only): the figure's
 * source says which pupils its row counts, and only those whose case record the viewer may open
 * are listed (need-to-know by caseload). Each listing is audited with how many were shown.
 */
import { AppError, londonToday, resolveReportScope, type DrillQuery, type DrillResponse } from '@tandem/core';
import { pupils } from '@tandem/core/schema';
import { caseScopesOf, caseScopeSql } from '../../platform/case-access';
import type { AppDeps } from '../../platform/deps';
import { pupilsForList } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { reportRequest } from '../reports.figures';

export async function drillReport(deps: AppDeps, at: SchoolRequest, q: DrillQuery): Promise<DrillResponse> {
  return inSchool(deps, at, 'reports.viewSchool', async (s) => {
    const scope = resolveReportScope(q, londonToday(s.now));
    const request = reportRequest([s.schoolId], scope, s.now);
    const source = deps.registries.reportSources.find((x) => x.keys.includes(q.figure));
    const figures = source ? ((await source.figures(s.tx, request, { combined: false })).get(s.schoolId) ?? []) : [];
    const figure = figures.find((f) => f.key === q.figure && f.drillColumn !== null);
    const row = figure?.rows.find((r) => r.key === q.row) ?? (figure?.total?.key === q.row ? figure.total : undefined);
    if (!figure || !row) {
      throw new AppError('not_found', 'no such figure row', {
        userMessage: 'That number cannot be opened: the report has changed or it does not list pupils.',
      });
    }
    const ids = (await source?.drill(s.tx, { ...request, schoolId: s.schoolId }, figure.key, row.key)) ?? [];
    const scopes = await caseScopesOf(s.tx, s.actor, s.schoolId);
    const list = await pupilsForList(
      s.tx,
      s.schoolId,
      ids,
      caseScopeSql(scopes, s.actor.userId, s.schoolId, pupils.id),
    );
    await s.audit(
      {
        action: 'report.drilled',
        detail: { figure: figure.key, row: row.key, pupils: list.length, from: scope.from, to: scope.to },
      },
      { type: 'report', id: null },
    );
    return {
      figure: { key: figure.key, title: figure.title },
      row: { key: row.key, label: row.label },
      scope,
      pupils: list,
    };
  });
}
