/**
 * The results of a closed survey for those who manage it: counts and sums through the one
 * small-number rule (core privacy/), the change since the previous closed survey, a CSV of the
 * same (suppressed) table, and free text from groups of at least five after the viewer confirms
 * they will not try to identify anyone. Each read is audited; none names or counts a person.
 */
import {
  AppError,
  HIDDEN_LABELS,
  STAFF_GROUP_LABELS,
  buildSurveyResults,
  type DifferenceFigure,
  type FreeTextAnswers,
  type StatFigure,
  type SurveyResults,
} from '@tandem/core';
import type { DbOrTx } from '../../db/client';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { toCsv } from '../../http/csv';
import {
  answerSums,
  freeText,
  freeTextCount,
  loadSurvey,
  participationCounts,
  previousClosed,
  type SurveyRow,
} from '../staff-survey.queries';

function requireClosed(row: SurveyRow): void {
  if (row.status !== 'closed') {
    throw new AppError('conflict', 'survey not closed', {
      userMessage: 'Results are shown once the survey has closed.',
    });
  }
}

async function resultsOf(db: DbOrTx, row: SurveyRow, withPrevious: boolean): Promise<SurveyResults> {
  const counts = await participationCounts(db, row.schoolId, [row.id]);
  const participation = row.groups.map((group) => {
    const c = counts.find((x) => x.group === group);
    return { group, invited: c?.invited ?? 0, responded: c?.responded ?? 0 };
  });
  const sums = await answerSums(
    db,
    row.schoolId,
    row.id,
    row.statements.map((s) => s.key),
  );
  const prevRow = withPrevious ? await previousClosed(db, row) : null;
  const previous = prevRow
    ? { id: prevRow.id, title: prevRow.title, results: await resultsOf(db, prevRow, false) }
    : null;
  return buildSurveyResults({
    surveyId: row.id,
    title: row.title,
    statements: row.statements,
    participation,
    sums,
    previous,
    freeTextCount: await freeTextCount(db, row.schoolId, row.id),
  });
}

export async function surveyResults(deps: AppDeps, at: SchoolRequest, surveyId: string): Promise<SurveyResults> {
  return inSchool(deps, at, 'survey.manage', async (s) => {
    const row = await loadSurvey(s.tx, s.schoolId, surveyId);
    requireClosed(row);
    const results = await resultsOf(s.tx, row, true);
    await s.audit(
      { action: 'survey.results_viewed', detail: { freeText: false } },
      { type: 'staff_survey', id: row.id },
    );
    return results;
  });
}

export async function surveyFreeText(deps: AppDeps, at: SchoolRequest, surveyId: string): Promise<FreeTextAnswers> {
  return inSchool(deps, at, 'survey.manage', async (s) => {
    const row = await loadSurvey(s.tx, s.schoolId, surveyId);
    requireClosed(row);
    const comments = await freeText(s.tx, s.schoolId, row.id);
    await s.audit(
      { action: 'survey.results_viewed', detail: { freeText: true } },
      { type: 'staff_survey', id: row.id },
    );
    // Only groups of at least five answer here (the query), so each may carry its group.
    return { comments: comments.map((c) => ({ text: c.text, group: c.group })) };
  });
}

const statText = (f: StatFigure, part: 'agree' | 'mean') =>
  f.shown ? (part === 'agree' ? `${f.agreePercent}%` : f.mean.toFixed(1)) : HIDDEN_LABELS[f.reason];
const diffText = (f: DifferenceFigure | null) =>
  f === null ? '' : f.shown ? `${f.agreePoints > 0 ? '+' : ''}${f.agreePoints} points` : HIDDEN_LABELS[f.reason];

export async function surveyResultsCsv(deps: AppDeps, at: SchoolRequest, surveyId: string): Promise<string> {
  return inSchool(deps, at, 'survey.manage', async (s) => {
    const row = await loadSurvey(s.tx, s.schoolId, surveyId);
    requireClosed(row);
    const r = await resultsOf(s.tx, row, true);
    await s.audit(
      { action: 'survey.results_viewed', detail: { freeText: false } },
      { type: 'staff_survey', id: row.id },
    );
    const lines: unknown[][] = [];
    for (const st of r.statements) {
      lines.push([
        st.text,
        'All staff',
        statText(st.overall, 'agree'),
        statText(st.overall, 'mean'),
        '',
        diffText(st.overallChange),
      ]);
      for (const g of st.groups) {
        lines.push([
          st.text,
          STAFF_GROUP_LABELS[g.group],
          statText(g.stat, 'agree'),
          statText(g.stat, 'mean'),
          diffText(g.vsRest),
          diffText(g.change),
        ]);
      }
    }
    return toCsv(
      [
        'Statement',
        'Group',
        'Share agreeing',
        'Mean (1 to 5)',
        'Difference from the rest of the staff',
        'Change since the previous survey',
      ],
      lines,
    );
  });
}
