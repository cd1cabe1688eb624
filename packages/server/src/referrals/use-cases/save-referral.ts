import { AppError, isRestrictedReferral, REFERRAL_SERVICE_LABELS, type SaveReferralBody } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { requireReferralAccess, seesRestricted } from '../referrals.access';
import { loadReferral, updateReferral } from '../referrals.queries';
import { loadService } from '../services.queries';

/**
 * Save a draft referral's parts, consent and directory entry. A social-care referral made without
 * asking parents moves into the restricted record (the DSL team only); only the DSL team may do
 * that, so the writer does not lose sight of it without knowing. A change made meanwhile is refused.
 */
export async function saveReferral(deps: AppDeps, at: SchoolRequest, referralId: string, body: SaveReferralBody) {
  return inSchool(deps, at, 'pupil.readList', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const r = await loadReferral(tx, schoolId, referralId, true);
    await requireReferralAccess(tx, actor, schoolId, r);
    if (r.status !== 'draft') {
      throw new AppError('conflict', 'not a draft', {
        userMessage: 'This referral has been sent, so it can no longer be changed.',
      });
    }
    if (r.version !== body.version) {
      throw new AppError('conflict', 'stale referral', {
        userMessage:
          'Someone changed this referral while you were writing. Load it again to see their change; your text is kept below.',
      });
    }
    const restricted = isRestrictedReferral({ service: r.service, consent: body.consent });
    if (restricted && !seesRestricted(actor, schoolId)) {
      throw new AppError('validation', 'restricted needs DSL', {
        fields: [
          {
            path: 'consent',
            message: `A ${REFERRAL_SERVICE_LABELS.social_care.toLowerCase()} referral made without asking parents is for the DSL team: pass it to the DSL`,
          },
        ],
      });
    }
    if (body.serviceId !== null) await loadService(tx, s.trustId, schoolId, body.serviceId);
    const row = await updateReferral(tx, referralId, {
      parts: Object.fromEntries(Object.entries(body.parts).filter(([, v]) => v !== '')),
      consent: body.consent,
      consentNote: body.consentNote,
      serviceId: body.serviceId,
      restricted,
      version: r.version + 1,
      updatedAt: now,
    });
    await s.audit(
      { action: 'referral.saved', detail: { version: row.version, restricted } },
      { type: 'referral', id: referralId },
    );
    return { id: referralId, version: row.version };
  });
}
