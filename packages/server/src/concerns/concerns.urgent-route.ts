/**
 * The urgent route as other features open it (platform/registries.ts `UrgentRoute`): a concern at
 * risk of immediate harm, logged by the person with the pupil, in the restricted record for the DSL
 * team, numbered and alerted exactly as a concern logged on the form.
 */
import type { UrgentRoute } from '../platform/registries';
import { dslOnDuty, findSubmission, lockSchool } from './concerns.queries';
import { logNew } from './use-cases/log-concern';

export const urgentConcernRoute: UrgentRoute = {
  async open(work, o) {
    await lockSchool(work.tx, work.schoolId);
    const first = await findSubmission(work.tx, work.schoolId, work.actor.userId, o.submissionKey);
    if (first) return { concernId: first.id };
    const row = await logNew(work, {
      submissionKey: o.submissionKey,
      pupilIds: [o.pupilId],
      occurredAt: work.now.toISOString(),
      location: o.location,
      account: o.account,
      warningSigns: ['talk_self_harm_suicide'],
      othersPresent: '',
      riskOfImmediateHarm: true,
      possibleChildProtection: false,
      medicalEmergency: false,
      isDisclosure: false,
      pupilWillTellParents: false,
    });
    return { concernId: row.id };
  },
  async onDuty(db, schoolId, now) {
    return (await dslOnDuty(db, schoolId, now)).map((d) => ({ userId: d.userId, name: d.name, email: d.email }));
  },
};
