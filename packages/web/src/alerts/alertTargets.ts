/**
 * Where an alert leads and what its link says. An alert about a concern opens the concern; the
 * others open the page that lists what needs doing (never a pupil: alerts name none).
 */
import type { Alert, AlertKind } from '@tandem/core';
import { concernPage } from '../concerns/concernsApi';
import { schoolPage } from '../pupils/pupilsApi';

const enc = encodeURIComponent;

const PAGES: Partial<Record<AlertKind, { path: (schoolId: string) => string; label: string }>> = {
  plan_reviews_overdue: { path: schoolPage, label: 'See the plan reviews' },
  action_overdue: { path: schoolPage, label: 'See what needs you' },
  policy_review_overdue: { path: schoolPage, label: 'See what needs you' },
  emergency_referral_started: { path: schoolPage, label: 'See what needs you' },
  pupil_wants_to_talk: { path: (s) => `/schools/${enc(s)}/talk-requests`, label: 'See who asked to talk' },
  talk_unacknowledged: { path: (s) => `/schools/${enc(s)}/talk-requests`, label: 'See who asked to talk' },
  termly_report_ready: { path: (s) => `/schools/${enc(s)}/reports/termly`, label: 'Read the termly report' },
  missing_pupil_absent: { path: (s) => `/schools/${enc(s)}/missing`, label: 'Open the missing list' },
  timetable_review_due: { path: (s) => `/schools/${enc(s)}/provision`, label: 'See the reduced timetables' },
  timetable_end_due: { path: (s) => `/schools/${enc(s)}/provision`, label: 'See the reduced timetables' },
  timetable_overdue: { path: (s) => `/schools/${enc(s)}/provision`, label: 'See the reduced timetables' },
  visit_missed: { path: schoolPage, label: 'See what needs you' },
  transfer_overdue: { path: (s) => `/schools/${enc(s)}/transfers`, label: 'See the transfers' },
};

/** The page an alert opens and the words of its link, or null when its concern may no longer be opened. */
export function alertTarget(
  alert: Pick<Alert, 'kind' | 'concernId'>,
  schoolId: string,
): { to: string; label: string } | null {
  if (alert.concernId !== null) return { to: concernPage(schoolId, alert.concernId), label: 'Open the concern' };
  const page = PAGES[alert.kind];
  return page === undefined ? null : { to: page.path(schoolId), label: page.label };
}
