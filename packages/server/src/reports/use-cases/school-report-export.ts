/**
 * The school's figures to take away: a CSV (one figure, or all of them) of the version asked for,
 * and the governors' PDF (always the governors' version: counts only, small numbers hidden).
 * Each export is one audit entry.
 */
import { AppError, type ReportQuery } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { figureCsv, figuresCsv, reportFileName } from '../reports.csv';
import { reportPdf } from '../reports.pdf';
import { groupWords } from '../reports.words';
import { schoolFigures } from './school-report';

export async function schoolReportCsv(deps: AppDeps, at: SchoolRequest, q: ReportQuery) {
  const f = await schoolFigures(deps, at, q);
  const one = q.figure === undefined ? null : f.figures.find((x) => x.key === q.figure);
  if (one === undefined) {
    throw new AppError('not_found', 'no such figure', { userMessage: 'That figure is not part of the report.' });
  }
  return inSchool(deps, at, 'reports.viewSchool', async (s) => {
    await s.audit(
      {
        action: 'report.exported',
        detail: { scope: 'school', format: 'csv', figure: one?.key ?? null, from: f.scope.from, to: f.scope.to },
      },
      { type: 'report', id: null },
    );
    return {
      csv: one ? figureCsv(one) : figuresCsv(f.figures, f.scope),
      fileName: reportFileName([one?.key ?? 'report', f.scope.from, f.scope.to], 'csv'),
    };
  });
}

export async function schoolReportPdf(deps: AppDeps, at: SchoolRequest, q: ReportQuery) {
  const f = await schoolFigures(deps, at, { ...q, version: 'governors' });
  const pdf = await reportPdf({
    title: 'Mental health and wellbeing: the school’s figures',
    schoolName: f.name,
    scopeLabel: f.scope.label,
    groupLabel: groupWords(f.scope),
    figures: f.figures,
    date: f.now,
  });
  return inSchool(deps, at, 'reports.viewSchool', async (s) => {
    await s.audit(
      {
        action: 'report.exported',
        detail: { scope: 'school', format: 'pdf', figure: null, from: f.scope.from, to: f.scope.to },
      },
      { type: 'report', id: null },
    );
    return { pdf, fileName: reportFileName(['governors-report', f.scope.from, f.scope.to], 'pdf') };
  });
}
