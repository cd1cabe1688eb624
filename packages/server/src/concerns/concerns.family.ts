/**
 * What a parent or carer tells the school from the family portal ("tell the school") becomes a
 * concern in the Mental Health Lead's queue, marked as from a parent (platform/registries.ts
 * `FamilyRequests`). It is logged through the same path as a concern logged on the form: numbered,
 * routed, audited, and alerted (content-free) to the lead and SENDCO. The parent is its logger but
 * holds no concern permission, so no concern route ever shows it back to them; they learn only that
 * it was received and, later, when the school first read it.
 */
import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { concerns } from '@tandem/core/schema';
import type { FamilyRequests } from '../platform/registries';
import { findSubmission, lockSchool } from './concerns.queries';
import { logNew } from './use-cases/log-concern';

export const concernFamilyRequests: Pick<FamilyRequests, 'concernFromParent' | 'concernsRead'> = {
  async concernFromParent(work, o) {
    // Serialised per school, as on the form: consecutive references, and a second send is seen.
    await lockSchool(work.tx, work.schoolId);
    const first = await findSubmission(work.tx, work.schoolId, work.actor.userId, o.submissionKey);
    if (first) return { concernId: first.id };
    const row = await logNew(
      work,
      {
        submissionKey: o.submissionKey,
        pupilIds: [o.pupilId],
        occurredAt: work.now.toISOString(),
        location: o.location,
        account: o.account,
        // A parent ticks no warning signs and answers no safety questions: the lead reads what they
        // wrote and decides. It is routed as an ordinary concern (mental health, the lead's queue).
        warningSigns: [],
        othersPresent: '',
        riskOfImmediateHarm: false,
        possibleChildProtection: false,
        medicalEmergency: false,
        isDisclosure: false,
        pupilWillTellParents: false,
      },
      { fromParent: true },
    );
    return { concernId: row.id };
  },

  async concernsRead(db, schoolId, concernIds) {
    if (concernIds.length === 0) return new Map<string, Date>();
    // First read by the school: acknowledged (or, without that, passed to the DSL or closed).
    const firstRead = sql<Date>`least(${concerns.acknowledgedAt}, ${concerns.escalatedToDslAt}, ${concerns.closedAt})`;
    const rows = await db
      .select({ id: concerns.id, at: firstRead.mapWith(concerns.acknowledgedAt) })
      .from(concerns)
      .where(
        and(
          eq(concerns.schoolId, schoolId),
          inArray(concerns.id, [...concernIds]),
          or(isNotNull(concerns.acknowledgedAt), isNotNull(concerns.escalatedToDslAt), isNotNull(concerns.closedAt)),
        ),
      );
    return new Map(rows.map((r) => [r.id, r.at]));
  },
};
