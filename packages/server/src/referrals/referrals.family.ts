/**
 * The referrals feature's part of what a parent sees of a child: the referrals the school has
 * shared with them (never a restricted one, never a draft), where each stands in plain words, the
 * wait so far, and support the family can reach themselves while they wait. Nothing of what the
 * referral says (its parts, consent, history) ever reaches the portal.
 */
import {
  ageOn,
  REFERRAL_PARENT_STATE_LABELS,
  REFERRAL_SERVICE_LABELS,
  referralWait,
  type ParentReferralPart,
} from '@tandem/core';
import { loadPupilInSchool, trustIdOfSchool } from '../platform/directory';
import type { FamilyViewSource } from '../platform/registries';
import { referralsSharedWithParents } from './referrals.queries';
import { servicesForSchool } from './services.queries';
import { howToReach, whileYouWaitFrom } from './while-you-wait';

/** Statuses after which there is nothing left to wait for. */
const DONE: ReadonlySet<string> = new Set(['first_appointment', 'closed']);

export const referralFamilyView: FamilyViewSource = {
  name: 'referrals',
  async forParent(db, reader) {
    const rows = await referralsSharedWithParents(db, reader.schoolId, reader.pupilId);
    if (rows.length === 0) return { referrals: [] };
    const pupil = await loadPupilInSchool(db, reader.schoolId, reader.pupilId);
    const age = ageOn(pupil.dateOfBirth, reader.today);
    const trustId = await trustIdOfSchool(db, reader.schoolId);
    const directory = trustId ? await servicesForSchool(db, trustId, reader.schoolId) : [];
    const referrals: ParentReferralPart[] = rows.map(({ r, service }) => {
      const wait = referralWait(r, reader.today);
      const support = DONE.has(r.status) ? [] : whileYouWaitFrom(directory, { serviceId: r.serviceId, age });
      return {
        id: r.id,
        serviceLabel: service?.name ?? REFERRAL_SERVICE_LABELS[r.service],
        stateLabel: REFERRAL_PARENT_STATE_LABELS[r.status],
        sentOn: r.sentOn,
        waitedDays: wait && !wait.finished ? wait.days : null,
        firstAppointmentOn: r.firstAppointmentOn,
        whileYouWait: support.map((x) => ({
          name: x.details.name,
          how: howToReach(x.details),
          url: x.details.web.trim() === '' ? null : x.details.web,
        })),
      };
    });
    return { referrals };
  },
};
