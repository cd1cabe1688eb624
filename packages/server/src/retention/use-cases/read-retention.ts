/**
 * The records retention page: the rules in force (with the school's longer periods and why), and
 * each former pupil's records of a kind reaching their review date (past, or within 90 days), with
 * how many items of each kind. Pupils are chosen by date of birth in SQL first; records are gathered
 * only for them. Child-protection files and their counts only for the DSL team. Audited once per view.
 */
import {
  addDaysToDay,
  effectiveYears,
  londonToday,
  RECORD_CLASS_LABELS,
  RECORD_CLASSES,
  RETENTION_LOOK_AHEAD_DAYS,
  RETENTION_RULES,
  type RetentionOverviewResponse,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { openProposals, settingsOf } from '../retention.queries';
import { recordsReachingReview } from '../retention.review';
import { seesChildProtection, visibleClasses } from '../retention.rules';

/** At most this many pupils are gathered for one view (the oldest first). */
export const RETENTION_PAGE_PUPILS = 200;

export async function readRetention(deps: AppDeps, at: SchoolRequest): Promise<RetentionOverviewResponse> {
  return inSchool(deps, at, 'records.retention', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const today = londonToday(now);
    const horizon = addDaysToDay(today, RETENTION_LOOK_AHEAD_DAYS);
    const cp = seesChildProtection(actor, schoolId);
    const classes = visibleClasses(actor, schoolId);
    const settings = await settingsOf(tx, schoolId);
    const yearsOf = (c: (typeof RECORD_CLASSES)[number]) => effectiveYears(c, settings.get(c)?.[0]?.years);

    const rules = RECORD_CLASSES.map((c) => {
      const rule = RETENTION_RULES[c];
      const history = (settings.get(c) ?? []).map((h) => ({ ...h, setAt: h.setAt.toISOString() }));
      const current = history[0] ?? null;
      return {
        recordClass: c,
        label: RECORD_CLASS_LABELS[c],
        defaultYears: rule.years,
        years: yearsOf(c),
        from: rule.from,
        source: rule.source,
        after: rule.after,
        school: current && current.years > rule.years ? current : null,
        history,
      };
    });

    const proposals = await openProposals(tx, schoolId, classes);
    const proposalOf = new Map(proposals.map(({ d }) => [`${d.pupilId}/${d.recordClass}`, d.id]));
    const found = await recordsReachingReview(deps.registries.pupilRecords, tx, {
      schoolId,
      classes,
      settings,
      today,
      horizon,
      limit: RETENTION_PAGE_PUPILS,
    });
    const truncated = found.truncated;
    const rows: RetentionOverviewResponse['rows'] = found.rows.map((r) => ({
      ...r,
      proposalId: proposalOf.get(`${r.pupilId}/${r.recordClass}`) ?? null,
    }));

    // Child-protection proposals wait for a second person with records.retention: they see the
    // proposal (whose, when, why) to confirm it, never the file's counts.
    const waiting = await openProposals(tx, schoolId, RECORD_CLASSES);
    await s.audit({
      action: 'retention.list_viewed',
      detail: { pupils: new Set(rows.map((r) => r.pupilId)).size, entries: rows.length },
    });
    return {
      today,
      horizon,
      rules,
      rows,
      proposals: waiting.map(({ d, proposedByName }) => ({
        id: d.id,
        pupilId: d.pupilId,
        name: d.pupilName,
        dateOfBirth: d.pupilDateOfBirth,
        recordClass: d.recordClass,
        reviewOn: d.reviewOn,
        reason: d.reason,
        proposedBy: { id: d.proposedBy, name: proposedByName },
        proposedAt: d.proposedAt.toISOString(),
        mine: d.proposedBy === actor.userId,
      })),
      seesChildProtection: cp,
      truncated,
    };
  });
}
