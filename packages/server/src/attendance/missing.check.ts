/**
 * After session marks are in: each pupil on the missing list marked absent without a reason (N, O)
 * at one of these sessions raises one urgent alert to the DSL on duty that day (the DSL team when
 * nobody is on the rota), once per pupil and session whichever process or import sees it first
 * (the unique index on missing_alerts decides). Called by the marks import in its transaction, and
 * when the DSL adds a pupil to the list after the morning's register is in. Only today's registers
 * alert: a file of earlier weeks (a term's marks imported at once, a correction) is history, not
 * an absence to follow up now. The alert names no pupil.
 */
import { londonToday, type Session } from '@tandem/core';
import { notify } from '../platform/alerts';
import type { SchoolWork } from '../platform/gate';
import { insertAlert, latestSession, unexplainedWithoutAlert } from './missing.queries';

export async function checkMissingList(
  work: SchoolWork,
  o: { sessions: readonly { on: string; session: Session }[]; pupilId?: string },
): Promise<number> {
  let raised = 0;
  let onDuty: { userId: string; email: string }[] | null = null;
  const today = londonToday(work.now);
  for (const at of o.sessions) {
    if (at.on !== today) continue;
    const absent = await unexplainedWithoutAlert(work.tx, work.schoolId, at, o.pupilId ?? null);
    for (const row of absent) {
      onDuty ??= await work.deps.registries.urgentRoute.onDuty(work.tx, work.schoolId, work.now);
      const id = await insertAlert(work.tx, {
        schoolId: work.schoolId,
        pupilId: row.pupil_id,
        on: at.on,
        session: at.session,
        code: row.code,
        raisedAt: work.now,
        alerted: onDuty.map((d) => d.userId),
      });
      if (id === null) continue;
      raised += 1;
      await notify(work, {
        schoolId: work.schoolId,
        kind: 'missing_pupil_absent',
        concernId: null,
        people: onDuty.map((d) => ({ id: d.userId, email: d.email })),
        path: `/schools/${work.schoolId}/missing`,
      });
      await work.audit(
        {
          action: 'missing.alert_raised',
          detail: { on: at.on, session: at.session, code: row.code, alerted: onDuty.length },
        },
        { type: 'pupil', id: row.pupil_id },
      );
    }
  }
  return raised;
}

/** A pupil just added to the list: the latest register in, checked for them alone. */
export async function checkLatestSessionFor(work: SchoolWork, pupilId: string): Promise<number> {
  const latest = await latestSession(work.tx, work.schoolId);
  if (latest === null) return 0;
  return checkMissingList(work, { sessions: [latest], pupilId });
}
