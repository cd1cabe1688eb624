/** Survey rows to API answers, in one place. Counts only, never names. */
import type { SurveySummary } from '@tandem/core';
import type { SurveyRow } from './staff-survey.queries';

export interface Counts {
  invited: number;
  responded: number;
}

export function summaryOf(
  row: SurveyRow,
  o: { counts: Counts | null; mine: { invited: boolean; answered: boolean } },
): SurveySummary {
  return {
    id: row.id,
    title: row.title,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    status: row.status,
    groups: row.groups,
    invited: o.counts ? o.counts.invited : null,
    responded: o.counts ? o.counts.responded : null,
    mine: o.mine,
  };
}

/** Totals per survey from the per-group counts. */
export function totalsBySurvey(rows: readonly { surveyId: string; invited: number; responded: number }[]) {
  const out = new Map<string, Counts>();
  for (const r of rows) {
    const c = out.get(r.surveyId) ?? { invited: 0, responded: 0 };
    c.invited += r.invited;
    c.responded += r.responded;
    out.set(r.surveyId, c);
  }
  return out;
}
