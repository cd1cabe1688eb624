/**
 * The steps of a request: the identity check (how, by whom, when), an extension (by up to two
 * further months, the requester told within the first), recording the response as sent (only once
 * every item is decided), and closing it. Each audited.
 */
import {
  AppError,
  extensionProblems,
  londonToday,
  type CloseSubjectAccessBody,
  type ExtendSubjectAccessBody,
  type IdentityCheckBody,
  type MarkSentBody,
} from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { requestIn, updateRequest } from '../subject-access.queries';
import { buildReview, refuse, requireIdentity, requireOpen } from '../subject-access.rules';

const subject = (id: string) => ({ type: 'subject_access_request' as const, id });

export async function checkIdentity(deps: AppDeps, at: SchoolRequest, requestId: string, body: IdentityCheckBody) {
  return inSchool(deps, at, 'records.subjectAccess', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const { r } = await requestIn(tx, schoolId, requestId, true);
    requireOpen(r);
    const today = londonToday(now);
    if (body.checkedOn > today)
      refuse([{ path: 'checkedOn', message: 'The date identity was checked cannot be in the future' }]);
    if (body.checkedOn < r.receivedOn) {
      refuse([{ path: 'checkedOn', message: 'Identity is checked on or after the day the request was received' }]);
    }
    await updateRequest(tx, r.id, {
      identityCheckedHow: body.how,
      identityCheckedByName: body.byName,
      identityCheckedOn: body.checkedOn,
      identityRecordedBy: actor.userId,
      updatedAt: now,
    });
    await s.audit({ action: 'subject_access.identity_checked', detail: { checkedOn: body.checkedOn } }, subject(r.id));
    return { ok: true as const };
  });
}

export async function extendRequest(
  deps: AppDeps,
  at: SchoolRequest,
  requestId: string,
  body: ExtendSubjectAccessBody,
) {
  return inSchool(deps, at, 'records.subjectAccess', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const { r } = await requestIn(tx, schoolId, requestId, true);
    requireOpen(r);
    refuse(
      extensionProblems({
        receivedOn: r.receivedOn,
        deadline: r.deadline,
        extendTo: body.extendTo,
        requesterToldOn: body.requesterToldOn,
        today: londonToday(now),
      }),
    );
    await updateRequest(tx, r.id, {
      extendedTo: body.extendTo,
      extensionReason: body.reason,
      requesterToldOn: body.requesterToldOn,
      extendedBy: actor.userId,
      updatedAt: now,
    });
    await s.audit(
      {
        action: 'subject_access.extended',
        detail: { extendedTo: body.extendTo, requesterToldOn: body.requesterToldOn },
      },
      subject(r.id),
    );
    return { ok: true as const };
  });
}

export async function markSent(deps: AppDeps, at: SchoolRequest, requestId: string, body: MarkSentBody) {
  return inSchool(deps, at, 'records.subjectAccess', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const { r } = await requestIn(tx, schoolId, requestId, true);
    requireOpen(r);
    requireIdentity(r);
    const review = await buildReview(deps, tx, { schoolId, request: r, seeRestricted: true });
    if (!review.complete) {
      throw new AppError('conflict', 'review not complete', {
        userMessage: 'Every item needs a decision before the response is sent.',
      });
    }
    if (body.sentOn > londonToday(now)) refuse([{ path: 'sentOn', message: 'The date sent cannot be in the future' }]);
    if (body.sentOn < r.receivedOn)
      refuse([{ path: 'sentOn', message: 'The date sent is after the request was received' }]);
    await updateRequest(tx, r.id, { sentOn: body.sentOn, sentBy: actor.userId, updatedAt: now });
    await s.audit({ action: 'subject_access.sent', detail: { sentOn: body.sentOn } }, subject(r.id));
    return { ok: true as const };
  });
}

export async function closeRequest(deps: AppDeps, at: SchoolRequest, requestId: string, body: CloseSubjectAccessBody) {
  return inSchool(deps, at, 'records.subjectAccess', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const { r } = await requestIn(tx, schoolId, requestId, true);
    if (r.closedAt !== null) {
      throw new AppError('conflict', 'request closed', { userMessage: 'This request is already closed.' });
    }
    await updateRequest(tx, r.id, { closedAt: now, closedReason: body.reason, closedBy: actor.userId, updatedAt: now });
    await s.audit({ action: 'subject_access.closed', detail: {} }, subject(r.id));
    return { ok: true as const };
  });
}
