/** Request rows to API answers, in one place: where a request stands and its days left. */
import {
  daysLeft,
  latestExtendedDeadline,
  SAR_WARNING_DAYS,
  type SarStatus,
  type SubjectAccessRequestView,
  type SubjectAccessRow,
} from '@tandem/core';
import { pupilName } from '../platform/directory';
import type { PupilRow, RequestRow } from './subject-access.queries';

/** Where a request stands, from what has been recorded. */
export function statusOf(r: RequestRow, decided: number): SarStatus {
  if (r.closedAt !== null) return 'closed';
  if (r.sentOn !== null) return 'sent';
  if (r.extendedTo !== null) return 'extended';
  if (r.reviewStartedAt !== null || decided > 0) return 'in_review';
  if (r.identityCheckedOn !== null) return 'identity_checked';
  return 'received';
}

export function isOpen(r: RequestRow): boolean {
  return r.closedAt === null && r.sentOn === null;
}

export function dueOnOf(r: RequestRow): string {
  return r.extendedTo ?? r.deadline;
}

export function rowView(r: RequestRow, p: PupilRow, today: string, decided = 0): SubjectAccessRow {
  const dueOn = dueOnOf(r);
  const left = daysLeft(today, dueOn);
  const open = isOpen(r);
  return {
    id: r.id,
    pupil: { id: p.id, name: pupilName(p), yearGroup: p.yearGroup, form: p.form },
    requesterName: r.requesterName,
    requesterKind: r.requesterKind,
    receivedOn: r.receivedOn,
    dueOn,
    daysLeft: left,
    status: statusOf(r, decided),
    nearDeadline: open && left <= SAR_WARNING_DAYS,
    overdue: open && left < 0,
  };
}

export function requestView(
  r: RequestRow,
  p: PupilRow,
  o: { today: string; recordedByName: string; decidesRestricted: boolean; decided: number },
): SubjectAccessRequestView {
  return {
    ...rowView(r, p, o.today, o.decided),
    requesterContactId: r.requesterContactId,
    requesterRelationship: r.requesterRelationship,
    receivedHow: r.receivedHow,
    deadline: r.deadline,
    latestExtension: latestExtendedDeadline(r.receivedOn),
    extendedTo: r.extendedTo,
    extensionReason: r.extensionReason,
    requesterToldOn: r.requesterToldOn,
    identity:
      r.identityCheckedOn === null
        ? null
        : { how: r.identityCheckedHow ?? '', byName: r.identityCheckedByName ?? '', checkedOn: r.identityCheckedOn },
    reviewStartedAt: r.reviewStartedAt?.toISOString() ?? null,
    sentOn: r.sentOn,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedReason: r.closedReason,
    recordedByName: o.recordedByName,
    decidesRestricted: o.decidesRestricted,
    decided: o.decided,
  };
}
