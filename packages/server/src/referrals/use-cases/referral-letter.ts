import { users } from '@tandem/core/schema';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool, pupilName, schoolNameOf } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { requireReferralAccess } from '../referrals.access';
import { referralPdf } from '../referrals.pdf';
import { loadReferral } from '../referrals.queries';
import { loadService } from '../services.queries';

/** The referral as a PDF letter. Every download is audited. */
export async function referralLetter(deps: AppDeps, at: SchoolRequest, referralId: string) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const r = await loadReferral(s.tx, s.schoolId, referralId);
    await requireReferralAccess(s.tx, s.actor, s.schoolId, r);
    const pupil = await loadPupilInSchool(s.tx, s.schoolId, r.pupilId);
    const [maker] = await s.tx.select({ name: users.displayName }).from(users).where(eq(users.id, r.madeBy));
    const service = r.serviceId ? await loadService(s.tx, s.trustId, s.schoolId, r.serviceId) : null;
    const pdf = await referralPdf({
      referral: r,
      schoolName: await schoolNameOf(s.tx, s.schoolId),
      pupil: { name: pupilName(pupil), dateOfBirth: pupil.dateOfBirth, yearGroup: pupil.yearGroup, upn: pupil.upn },
      madeByName: maker?.name ?? '',
      serviceName: service?.details.name ?? null,
      date: s.now,
    });
    await s.audit(
      { action: 'referral.exported', detail: { pupilId: r.pupilId } },
      { type: 'referral', id: referralId },
    );
    return { pdf, fileName: `referral-${r.service.replace('_', '-')}.pdf` };
  });
}
