/**
 * Termly reports as the leads read them: the list (with when the next one will be prepared), one
 * report (the leads' figures as kept, or the governors' version made from them), and its PDF for
 * governors. Each view and print is audited.
 */
import {
  AppError,
  daysWords,
  londonToday,
  nextTerm,
  termByKey,
  termOf,
  type ReportVersion,
  type TermlyReportListResponse,
  type TermlyReportResponse,
} from '@tandem/core';
import { addDays } from '../../platform/dates';
import type { AppDeps } from '../../platform/deps';
import { schoolNameOf } from '../../platform/directory';
import { inSchool, readInSchool, type SchoolRequest } from '../../platform/gate';
import { reportFileName } from '../reports.csv';
import { forVersion } from '../reports.figures';
import { reportPdf } from '../reports.pdf';
import { termlyReportOf, termlyReportsOf } from '../reports.termly';

function labelOf(termKey: string): string {
  return termByKey(termKey)?.label ?? termKey;
}

export async function listTermlyReports(deps: AppDeps, at: SchoolRequest): Promise<TermlyReportListResponse> {
  return readInSchool(deps, at, 'reports.viewSchool', async (r) => {
    const rows = await termlyReportsOf(r.db, r.schoolId);
    const today = londonToday(r.now);
    let next = termOf(today);
    if (next.to < today) next = nextTerm(next);
    return {
      reports: rows.map((x) => ({
        termKey: x.termKey,
        label: labelOf(x.termKey),
        from: x.fromOn,
        to: x.toOn,
        preparedAt: x.preparedAt.toISOString(),
      })),
      next: { label: next.label, preparedOn: addDays(next.to, 1) },
    };
  });
}

async function loadReport(deps: AppDeps, at: SchoolRequest, termKey: string) {
  return readInSchool(deps, at, 'reports.viewSchool', async (r) => {
    const row = await termlyReportOf(r.db, r.schoolId, termKey);
    if (!row) {
      throw new AppError('not_found', 'no termly report', {
        userMessage: 'There is no report for that term: a term’s report is prepared the day after it ends.',
      });
    }
    return { row, name: await schoolNameOf(r.db, r.schoolId) };
  });
}

export async function viewTermlyReport(
  deps: AppDeps,
  at: SchoolRequest,
  termKey: string,
  version: ReportVersion,
): Promise<TermlyReportResponse> {
  const { row, name } = await loadReport(deps, at, termKey);
  return inSchool(deps, at, 'reports.viewSchool', async (s) => {
    await s.audit(
      {
        action: 'report.viewed',
        detail: { scope: 'termly', version, from: row.fromOn, to: row.toOn, filter: termKey },
      },
      { type: 'report', id: row.id },
    );
    return {
      termKey,
      label: labelOf(termKey),
      from: row.fromOn,
      to: row.toOn,
      preparedAt: row.preparedAt.toISOString(),
      school: { id: s.schoolId, name },
      version,
      figures: forVersion(row.figures, version),
    };
  });
}

export async function printTermlyReport(deps: AppDeps, at: SchoolRequest, termKey: string) {
  const { row, name } = await loadReport(deps, at, termKey);
  return inSchool(deps, at, 'reports.viewSchool', async (s) => {
    const pdf = await reportPdf({
      title: `Termly report: ${labelOf(termKey)}`,
      schoolName: name,
      scopeLabel: `${labelOf(termKey)} (${daysWords(row.fromOn, row.toOn)})`,
      groupLabel: '',
      figures: forVersion(row.figures, 'governors'),
      date: s.now,
    });
    await s.audit(
      {
        action: 'report.exported',
        detail: { scope: 'termly', format: 'pdf', figure: null, from: row.fromOn, to: row.toOn },
      },
      { type: 'report', id: row.id },
    );
    return { pdf, fileName: reportFileName(['termly-report', termKey], 'pdf') };
  });
}
