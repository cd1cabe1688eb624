/**
 * The surveys as each member of staff sees them: those who manage the survey see every survey with
 * its counts ("23 of 41 have answered"); anyone else sees only open surveys they were asked to
 * answer, and of themselves only whether they have answered.
 */
import { AppError, canInSchool, type SurveyDetail, type SurveyList } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { readInSchool, type SchoolRequest } from '../../platform/gate';
import { summaryOf, totalsBySurvey, type Counts } from '../staff-survey.mapping';
import { loadSurvey, participationCounts, participationOf, surveysOfSchool } from '../staff-survey.queries';

export async function listSurveys(deps: AppDeps, at: Omit<SchoolRequest, 'ip'>): Promise<SurveyList> {
  return readInSchool(deps, at, 'staff.wholeSchool', async ({ db, actor, schoolId }) => {
    const canManage = canInSchool(actor, 'survey.manage', schoolId);
    const rows = await surveysOfSchool(db, schoolId);
    const ids = rows.map((r) => r.id);
    const mine = new Map((await participationOf(db, schoolId, ids, actor.userId)).map((p) => [p.surveyId, p]));
    const totals = canManage ? totalsBySurvey(await participationCounts(db, schoolId, ids)) : new Map<string, Counts>();
    const visible = canManage ? rows : rows.filter((r) => r.status === 'open' && mine.has(r.id));
    return {
      canManage,
      surveys: visible.map((r) => {
        const m = mine.get(r.id);
        return summaryOf(r, {
          counts: canManage ? (totals.get(r.id) ?? { invited: 0, responded: 0 }) : null,
          mine: { invited: Boolean(m), answered: m?.responded ?? false },
        });
      }),
    };
  });
}

/** One survey: its statements for anyone asked to answer it (while open), everything for managers. */
export async function getSurvey(deps: AppDeps, at: Omit<SchoolRequest, 'ip'>, surveyId: string): Promise<SurveyDetail> {
  return readInSchool(deps, at, 'staff.wholeSchool', async ({ db, actor, schoolId }) => {
    const canManage = canInSchool(actor, 'survey.manage', schoolId);
    const row = await loadSurvey(db, schoolId, surveyId);
    const [m] = await participationOf(db, schoolId, [row.id], actor.userId);
    if (!canManage && (!m || row.status !== 'open')) throw new AppError('not_found', 'survey not open to this person');
    const totals = canManage ? totalsBySurvey(await participationCounts(db, schoolId, [row.id])) : null;
    return {
      canManage,
      survey: {
        ...summaryOf(row, {
          counts: totals ? (totals.get(row.id) ?? { invited: 0, responded: 0 }) : null,
          mine: { invited: Boolean(m), answered: m?.responded ?? false },
        }),
        statements: row.statements,
      },
    };
  });
}
