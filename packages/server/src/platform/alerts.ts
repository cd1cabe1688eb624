/**
 * Alerts: a row per person for the in-app list (shown live, through `deps.alertBus`, on whichever
 * process the person is connected to), and an e-mail queued in the outbox in the same transaction.
 * Neither ever names a pupil or carries case text: they say there is something to look at, and
 * link to it.
 */
import type { AlertKind } from '@tandem/core';
import { alerts } from '@tandem/core/schema';
import type { AppDeps } from './deps';
import type { DbOrTx } from '../db/client';
import { queueMail } from '../mail/outbox';

export type { AlertKind };

const ALERT_TEXT: Record<AlertKind, { message: string; subject: string }> = {
  concern_logged: {
    message: 'A new concern has been logged for your review.',
    subject: 'You have a concern to review in Tandem',
  },
  urgent_concern_logged: {
    message: 'URGENT: a concern needs the DSL now.',
    subject: 'You have an urgent concern to review in Tandem',
  },
  concern_escalated_to_dsl: {
    message: 'A concern has been passed to the DSL team.',
    subject: 'A concern has been passed to you in Tandem',
  },
  urgent_unacknowledged: {
    message: 'URGENT: an urgent concern has not been acknowledged yet.',
    subject: 'An urgent concern in Tandem has not been acknowledged',
  },
  pupil_tells_deadline_passed: {
    message:
      'The 24 hours for a pupil to tell their parents have passed. Please check whether parents now need to be told.',
    subject: 'A reminder from Tandem: time to check whether parents have been told',
  },
  plan_reviews_overdue: {
    message: 'A plan you lead is past its review date. Your home page lists the reviews due.',
    subject: 'A reminder from Tandem: a plan review is overdue',
  },
  emergency_referral_started: {
    message: 'URGENT: an emergency CAMHS referral has been started. Your home page lists it.',
    subject: 'An emergency referral has been started in Tandem',
  },
  pupil_wants_to_talk: {
    message: 'A pupil would like to talk to someone. Your home page lists who; please acknowledge it today.',
    subject: 'A pupil would like to talk to you: see Tandem',
  },
  talk_unacknowledged: {
    message: 'A pupil asked to talk to someone today and nobody has acknowledged it yet. Your home page lists who.',
    subject: 'A pupil’s request to talk has not been acknowledged: see Tandem',
  },
  action_overdue: {
    message: 'An action you own in the school’s action plan is past its due date. Your home page lists it.',
    subject: 'A reminder from Tandem: an action-plan action is overdue',
  },
  policy_review_overdue: {
    message: 'A policy you look after is past its review date. Your home page lists it.',
    subject: 'A reminder from Tandem: a policy review is overdue',
  },
  termly_report_ready: {
    message: 'The school’s termly report for the term just ended is ready to read.',
    subject: 'The termly report is ready in Tandem',
  },
  missing_pupil_absent: {
    message:
      'URGENT: a pupil on the missing list is absent without a reason. Open the missing list and record what you did.',
    subject: 'URGENT: a pupil on the missing list is absent: see Tandem',
  },
  timetable_review_due: {
    message: 'A reduced timetable you lead has a review coming up. Your home page lists it.',
    subject: 'A reminder from Tandem: a reduced timetable review is due',
  },
  timetable_end_due: {
    message: 'A reduced timetable you lead reaches its end date soon. Plan the return to full time or review it.',
    subject: 'A reminder from Tandem: a reduced timetable is ending',
  },
  timetable_overdue: {
    message: 'A reduced timetable has run past its end date. Review it, extend it with a reason, or end it.',
    subject: 'A reduced timetable in Tandem has run past its end date',
  },
  visit_missed: {
    message: 'A safeguarding visit or call for a pupil not in school is overdue. Your home page lists it.',
    subject: 'A safeguarding visit or call is overdue: see Tandem',
  },
  transfer_overdue: {
    message: 'A leaver’s file has not been sent to the next school by its due day. Open the transfers list.',
    subject: 'A leaver’s file is overdue for the next school: see Tandem',
  },
};

/** The in-app text of an alert of this kind (it never names a pupil). */
export function alertMessage(kind: AlertKind): string {
  return ALERT_TEXT[kind].message;
}

export interface PendingEmail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Record alerts for people inside the caller's transaction; returns the e-mails to queue in the
 * same transaction (so nobody is e-mailed about something that was rolled back).
 */
export async function recordAlerts(
  tx: DbOrTx,
  deps: AppDeps,
  o: {
    schoolId: string;
    kind: AlertKind;
    concernId: string | null;
    people: { id: string; email: string }[];
    /** The page the e-mail links to (a path of the web app), when it is not the concern or the home page. */
    path?: string;
  },
): Promise<PendingEmail[]> {
  if (o.people.length === 0) return [];
  const text = ALERT_TEXT[o.kind];
  const now = deps.clock.now();
  await tx.insert(alerts).values(
    o.people.map((p) => ({
      schoolId: o.schoolId,
      userId: p.id,
      kind: o.kind,
      concernId: o.concernId,
      message: text.message,
      createdAt: now,
    })),
  );
  const link = o.concernId
    ? `${deps.config.publicUrl}/schools/${o.schoolId}/concerns/${o.concernId}`
    : `${deps.config.publicUrl}${o.path ?? '/'}`;
  return o.people.map((p) => ({
    to: p.email,
    subject: text.subject,
    text: [
      text.message,
      '',
      'Sign in to Tandem to see it:',
      link,
      '',
      'For privacy, this e-mail does not say which pupil it is about.',
    ].join('\n'),
  }));
}

/**
 * Alert people inside a piece of gated work: the rows, the live-stream wake-ups (a NOTIFY on
 * PostgreSQL) and the e-mails (the outbox) are all written in its transaction, and go out once it
 * has committed.
 */
export async function notify(
  work: { tx: DbOrTx; deps: AppDeps; afterCommit(effect: () => Promise<void>): void },
  o: Parameters<typeof recordAlerts>[2],
): Promise<void> {
  if (o.people.length === 0) return;
  const emails = await recordAlerts(work.tx, work.deps, o);
  await work.deps.alertBus.wake(
    work,
    o.people.map((p) => p.id),
  );
  await queueMail(work, emails);
}
