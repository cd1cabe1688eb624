/**
 * "Remind once for this date": the common end of the due jobs that remind someone that a thing
 * they own is past its date (a plan's review, an action, a policy's review). The job claims its
 * rows (FOR UPDATE SKIP LOCKED); this marks each one reminded and audits it through the job's own
 * `remember`, then sends one content-free alert per person, however many of their things fell due.
 */
import type { AlertKind } from '@tandem/core';
import { notify } from './alerts';
import type { SystemWork } from './gate';

export interface DueReminder {
  schoolId: string;
  /** Who is reminded. */
  userId: string;
  email: string;
  /** A disabled account's things are marked reminded, but nobody is alerted. */
  disabledAt: Date | null;
}

export async function remindOncePerPerson<T extends DueReminder>(
  s: SystemWork,
  kind: AlertKind,
  due: readonly T[],
  remember: (item: T) => Promise<void>,
): Promise<void> {
  const people = new Map<string, DueReminder>();
  for (const item of due) {
    await remember(item);
    if (item.disabledAt === null) people.set(`${item.schoolId}:${item.userId}`, item);
  }
  for (const p of people.values()) {
    await notify(s, { schoolId: p.schoolId, kind, concernId: null, people: [{ id: p.userId, email: p.email }] });
  }
}
