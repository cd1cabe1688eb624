import { AppError, type AskSupportBody, type ConfirmReadBody, type TellSchoolBody } from '@tandem/core';
import { familyConfirmations, familyMessages } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { FAMILY_PORTALS } from '../../platform/family-access';
import { inSchool, type SchoolRequest, type SchoolWork } from '../../platform/gate';
import { messageBySubmission } from '../family.queries';
import { parentParts, parentReader } from './child-view';

const TOLD_IN_TANDEM = 'Told to school by a parent or carer in Tandem';

async function alreadySent(work: SchoolWork, submissionKey: string) {
  const first = await messageBySubmission(work.tx, work.actor.userId, submissionKey);
  return first ? { id: first.id } : null;
}

/**
 * A parent tells the school about something at home: it becomes a concern in the lead's queue,
 * marked as from a parent, and the parent sees it as received, then read. Sending twice (a double
 * tap, a retry) makes one.
 */
export async function tellSchool(deps: AppDeps, at: SchoolRequest, pupilId: string, body: TellSchoolBody) {
  return inSchool(deps, at, FAMILY_PORTALS, async (work) => {
    await parentReader(work, pupilId);
    const first = await alreadySent(work, body.submissionKey);
    if (first) return first;
    const { concernId } = await deps.registries.familyRequests.concernFromParent(work, {
      pupilId,
      account: body.text,
      location: TOLD_IN_TANDEM,
      submissionKey: body.submissionKey,
    });
    const [m] = await work.tx
      .insert(familyMessages)
      .values({
        schoolId: work.schoolId,
        pupilId,
        sentBy: work.actor.userId,
        kind: 'tell',
        text: body.text,
        concernId,
        submissionKey: body.submissionKey,
        sentAt: work.now,
      })
      .returning({ id: familyMessages.id });
    await work.audit(
      { action: 'family.message_sent', detail: { kind: 'tell', concernId, placeId: null } },
      { type: 'pupil', id: pupilId },
    );
    return { id: m!.id };
  });
}

/**
 * A parent asks for support in school: a request on the chosen intervention's waiting list (from a
 * parent), or, when they do not know which would help, a concern in the lead's queue.
 */
export async function askForSupport(deps: AppDeps, at: SchoolRequest, pupilId: string, body: AskSupportBody) {
  return inSchool(deps, at, FAMILY_PORTALS, async (work) => {
    await parentReader(work, pupilId);
    const first = await alreadySent(work, body.submissionKey);
    if (first) return first;
    const requests = deps.registries.familyRequests;
    let concernId: string | null = null;
    let placeId: string | null = null;
    let interventionName: string | null = null;
    if (body.interventionId) {
      const place = await requests.requestPlace(work, {
        pupilId,
        interventionId: body.interventionId,
        reason: body.text,
        submissionKey: body.submissionKey,
      });
      placeId = place.placeId;
      interventionName = place.interventionName;
    } else {
      concernId = (
        await requests.concernFromParent(work, {
          pupilId,
          account: `A parent or carer asks for support in school, and does not know which support would help.\n\n${body.text}`,
          location: TOLD_IN_TANDEM,
          submissionKey: body.submissionKey,
        })
      ).concernId;
    }
    const [m] = await work.tx
      .insert(familyMessages)
      .values({
        schoolId: work.schoolId,
        pupilId,
        sentBy: work.actor.userId,
        kind: 'support',
        text: body.text,
        interventionId: body.interventionId,
        interventionName,
        concernId,
        placeId,
        submissionKey: body.submissionKey,
        sentAt: work.now,
      })
      .returning({ id: familyMessages.id });
    await work.audit(
      { action: 'family.message_sent', detail: { kind: 'support', concernId, placeId } },
      { type: 'pupil', id: pupilId },
    );
    return { id: m!.id };
  });
}

/** A parent confirms they have read a plan (its agreed version) or a termly letter they can see. */
export async function confirmRead(deps: AppDeps, at: SchoolRequest, pupilId: string, body: ConfirmReadBody) {
  return inSchool(deps, at, FAMILY_PORTALS, async (work) => {
    const reader = await parentReader(work, pupilId);
    const parts = await parentParts(work, reader);
    const visible =
      body.item === 'plan'
        ? parts.plans.some((p) => p.id === body.itemId && p.version === body.version)
        : body.version === 0 && parts.letters.some((l) => l.id === body.itemId);
    if (!visible) throw new AppError('not_found', 'item not found');
    await work.tx
      .insert(familyConfirmations)
      .values({
        schoolId: work.schoolId,
        pupilId,
        userId: work.actor.userId,
        item: body.item,
        itemId: body.itemId,
        itemVersion: body.version,
        confirmedAt: work.now,
      })
      .onConflictDoNothing();
    await work.audit(
      { action: 'family.read_confirmed', detail: { item: body.item, itemId: body.itemId, version: body.version } },
      { type: 'pupil', id: pupilId },
    );
    return { confirmedAt: work.now.toISOString() };
  });
}
