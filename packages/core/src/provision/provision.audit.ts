/**
 * What reduced timetables, education elsewhere and safeguarding visits write to the audit trail;
 * identifiers and dates only, never the reasons or how a pupil seemed. Gathered in audit/events.ts.
 */
import type { ProvisionKind, TimetableEnding, VisitKind } from './provision.values';

export type ProvisionAuditEvent =
  | { action: 'timetable.recorded'; detail: { startOn: string; endOn: string; sessionsPerWeek: number } }
  | { action: 'timetable.changed'; detail: { fields: string[] } }
  | { action: 'timetable.reviewed'; detail: { reviewId: string } }
  | { action: 'timetable.ended'; detail: { ending: TimetableEnding } }
  | { action: 'timetable.reminder_sent'; detail: { about: 'review' | 'end'; dueOn: string } }
  | { action: 'timetable.overdue_flagged'; detail: { endOn: string } }
  | { action: 'timetable.list_viewed'; detail: { pupils: number } }
  | { action: 'provision.recorded'; detail: { kind: ProvisionKind } }
  | { action: 'provision.changed'; detail: { fields: string[] } }
  | { action: 'provision.ended'; detail: { endOn: string } }
  | { action: 'provision.viewed'; detail: { timetables: number; provisions: number; visits: number } }
  | { action: 'visit.scheduled'; detail: { everyDays: number } }
  | { action: 'visit.schedule_ended'; detail: Record<string, never> }
  | { action: 'visit.recorded'; detail: { kind: VisitKind; seen: boolean } }
  | { action: 'visit.missed_flagged'; detail: { dueOn: string } };

export const PROVISION_AUDIT_LABELS: Record<ProvisionAuditEvent['action'], string> = {
  'timetable.recorded': 'Recorded a reduced timetable',
  'timetable.changed': 'Changed a reduced timetable',
  'timetable.reviewed': 'Recorded a review of a reduced timetable',
  'timetable.ended': 'Ended a reduced timetable',
  'timetable.reminder_sent': 'Reminded the lead of a reduced timetable’s review or end date',
  'timetable.overdue_flagged': 'Flagged a reduced timetable running past its end date',
  'timetable.list_viewed': 'Viewed the pupils on reduced timetables',
  'provision.recorded': 'Recorded education taught elsewhere',
  'provision.changed': 'Changed education taught elsewhere',
  'provision.ended': 'Ended education taught elsewhere',
  'provision.viewed': "Viewed a pupil's timetable, provision and visits",
  'visit.scheduled': 'Scheduled safeguarding visits or calls',
  'visit.schedule_ended': 'Stopped scheduled safeguarding visits or calls',
  'visit.recorded': 'Recorded a safeguarding visit or call',
  'visit.missed_flagged': 'Flagged a missed safeguarding visit or call',
};

export const PROVISION_SUBJECT_TYPES = ['reduced_timetable', 'alternative_provision', 'visit_schedule'] as const;
export const PROVISION_SUBJECT_LABELS: Record<(typeof PROVISION_SUBJECT_TYPES)[number], string> = {
  reduced_timetable: 'Reduced timetable',
  alternative_provision: 'Education elsewhere',
  visit_schedule: 'Safeguarding visits',
};
