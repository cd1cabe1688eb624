import {
  ageOn,
  londonToday,
  missingParts,
  REFERRAL_TRANSITIONS,
  REQUIRED_PARTS,
  type ChronologyKind,
  type ReferralDetail,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool, referralWaitDaysOf } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { chronologyEntries, chronologyReader } from '../../platform/chronology/chronology.service';
import { requireReferralAccess } from '../referrals.access';
import { summaryOf } from '../referrals.mapping';
import { loadReferral, stepsOf } from '../referrals.queries';
import { servicesForSchool } from '../services.queries';
import { whileYouWaitFrom } from '../while-you-wait';
import { users } from '@tandem/core/schema';
import { eq } from 'drizzle-orm';

/** What a referral's history may be drawn from: the record's main events, not every step. */
const RECORD_KINDS: ReadonlySet<ChronologyKind> = new Set<ChronologyKind>([
  'level_change',
  'concern_logged',
  'concern_closed',
  'plan_written',
  'plan_reviewed',
  'meeting_held',
  'intervention_started',
  'intervention_ended',
  'questionnaire_completed',
]);

/**
 * A referral in full, with what is still missing, the steps it may take next, the pupil's record to
 * draw its history from (only what the reader may see), and support to suggest while the family
 * waits. Every read is audited.
 */
export async function getReferral(deps: AppDeps, at: SchoolRequest, referralId: string): Promise<ReferralDetail> {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const r = await loadReferral(tx, schoolId, referralId);
    await requireReferralAccess(tx, actor, schoolId, r);
    const pupil = await loadPupilInSchool(tx, schoolId, r.pupilId);
    const [maker] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, r.madeBy));
    const steps = await stepsOf(tx, schoolId, referralId);
    const directory = (await servicesForSchool(tx, s.trustId, schoolId)).filter((x) => x.status === 'active');
    const today = londonToday(now);
    const standardDays = await referralWaitDaysOf(tx, schoolId);
    const age = ageOn(pupil.dateOfBirth, today);
    const record = (
      await chronologyEntries(tx, deps.registries.chronology, chronologyReader(actor, schoolId, r.pupilId))
    )
      .filter((e) => RECORD_KINDS.has(e.kind))
      .slice(0, 60)
      .map((e) => ({ id: e.id, at: e.at, title: e.title, detail: e.detail }));
    const service = r.serviceId ? directory.find((x) => x.id === r.serviceId) : undefined;
    await s.audit(
      { action: 'referral.viewed', detail: { pupilId: r.pupilId, restricted: r.restricted } },
      { type: 'referral', id: referralId },
    );
    return {
      referral: {
        ...summaryOf(r, {
          pupil,
          madeByName: maker?.name ?? '',
          serviceName: service?.details.name ?? null,
          now,
          standardDays,
        }),
        parts: r.parts,
        consent: r.consent,
        consentNote: r.consentNote,
        serviceId: r.serviceId,
        declineReason: r.declineReason,
        signpostedTo: r.signpostedTo,
        sharedWithParentsAt: r.sharedWithParentsAt?.toISOString() ?? null,
        version: r.version,
      },
      required: [...REQUIRED_PARTS[r.service]],
      missing: missingParts(r),
      nextSteps: [...REFERRAL_TRANSITIONS[r.status]],
      steps: steps.map(({ s: step, by }) => ({
        status: step.status,
        on: step.on,
        note: step.note,
        recordedByName: by,
      })),
      record,
      serviceChoices: directory.filter((x) => x.scope !== 'national').map((x) => ({ id: x.id, name: x.details.name })),
      whileYouWait: whileYouWaitFrom(directory, { serviceId: r.serviceId, age }).map((x) => ({
        id: x.id,
        name: x.details.name,
        description: x.details.description,
      })),
      waitStandardDays: standardDays,
    };
  });
}
