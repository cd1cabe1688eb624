import { and, eq, isNull } from 'drizzle-orm';
import { AppError, type Actor, type NoAccessBody } from '@tandem/core';
import { familyNoAccess } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { inSchool } from '../../platform/gate';
import { activeFlag, loadContact } from '../contacts.queries';

/**
 * Stop one parent or carer seeing a child in Tandem (a court order, or the school's decision with
 * a reason). From the next request they get 404 for the child, as for a child who does not exist.
 * Nothing about the flag is shown to them; the flag is audited and kept when lifted.
 */
export async function setNoAccess(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  contactId: string,
  body: NoAccessBody,
  ip: string,
): Promise<{ ok: true }> {
  return inSchool(deps, { actor, schoolId, ip }, 'family.restrict', async (s) => {
    const { c } = await loadContact(s.tx, schoolId, contactId);
    if (await activeFlag(s.tx, contactId)) {
      throw new AppError('conflict', 'already flagged', {
        userMessage: 'This parent or carer is already stopped from seeing the child in Tandem.',
      });
    }
    await s.tx.insert(familyNoAccess).values({
      schoolId,
      contactId,
      pupilId: c.pupilId,
      reasonKind: body.reasonKind,
      reason: body.reason,
      setBy: actor.userId,
      setAt: s.now,
    });
    await s.audit(
      { action: 'family.no_access_set', detail: { contactId, reasonKind: body.reasonKind } },
      { type: 'pupil', id: c.pupilId },
    );
    return { ok: true as const };
  });
}

export async function liftNoAccess(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  contactId: string,
  reason: string,
  ip: string,
): Promise<{ ok: true }> {
  return inSchool(deps, { actor, schoolId, ip }, 'family.restrict', async (s) => {
    const { c } = await loadContact(s.tx, schoolId, contactId);
    const lifted = await s.tx
      .update(familyNoAccess)
      .set({ liftedAt: s.now, liftedBy: actor.userId, liftedReason: reason })
      .where(and(eq(familyNoAccess.contactId, contactId), isNull(familyNoAccess.liftedAt)))
      .returning({ id: familyNoAccess.id });
    if (lifted.length === 0) {
      throw new AppError('conflict', 'not flagged', { userMessage: 'This parent or carer already has access.' });
    }
    await s.audit({ action: 'family.no_access_lifted', detail: { contactId } }, { type: 'pupil', id: c.pupilId });
    return { ok: true as const };
  });
}
