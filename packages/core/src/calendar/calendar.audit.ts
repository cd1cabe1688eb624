/**
 * What calendar feeds write to the audit trail: the feed's id only, never its secret or address.
 * Gathered in audit/events.ts.
 */
export type CalendarAuditEvent =
  | { action: 'calendar.feed_created'; detail: { feedId: string } }
  | { action: 'calendar.feed_renewed'; detail: { feedId: string; endedFeedId: string } }
  | { action: 'calendar.feed_stopped'; detail: { feedId: string } };

export const CALENDAR_AUDIT_LABELS: Record<CalendarAuditEvent['action'], string> = {
  'calendar.feed_created': 'Set up a private calendar feed',
  'calendar.feed_renewed': 'Renewed the address of a private calendar feed (the old one ended)',
  'calendar.feed_stopped': 'Stopped a private calendar feed',
};
