/**
 * What subject access requests write to the audit trail: ids, kinds, dates and counts, never a
 * name, a reason or an item's text. Gathered in audit/events.ts.
 */
import type { DisclosureDecision } from '../records/record-classes';
import type { ReceivedHow, RequesterKind } from './subject-access.values';

export type SubjectAccessAuditEvent =
  | {
      action: 'subject_access.recorded';
      detail: { pupilId: string; requesterKind: RequesterKind; receivedHow: ReceivedHow; deadline: string };
    }
  | { action: 'subject_access.identity_checked'; detail: { checkedOn: string } }
  | { action: 'subject_access.extended'; detail: { extendedTo: string; requesterToldOn: string } }
  | { action: 'subject_access.list_viewed'; detail: { requests: number } }
  | { action: 'subject_access.viewed'; detail: { pupilId: string } }
  | { action: 'subject_access.contacts_listed'; detail: { pupilId: string; contacts: number } }
  | { action: 'subject_access.review_viewed'; detail: { pupilId: string; items: number; restrictedIncluded: boolean } }
  | {
      action: 'subject_access.item_decided';
      detail: { source: string; kind: string; itemId: string; decision: DisclosureDecision; restricted: boolean };
    }
  | { action: 'subject_access.exported'; detail: { format: 'pdf' | 'json'; disclosed: number; withheld: number } }
  | { action: 'subject_access.sent'; detail: { sentOn: string } }
  | { action: 'subject_access.closed'; detail: Record<string, never> };

export const SUBJECT_ACCESS_AUDIT_LABELS: Record<SubjectAccessAuditEvent['action'], string> = {
  'subject_access.recorded': 'Recorded a subject access request',
  'subject_access.identity_checked': 'Recorded the identity check of a subject access request',
  'subject_access.extended': 'Extended the deadline of a subject access request',
  'subject_access.list_viewed': 'Viewed the register of subject access requests',
  'subject_access.viewed': 'Viewed a subject access request',
  'subject_access.contacts_listed': "Listed a pupil's parents and carers to record a subject access request",
  'subject_access.review_viewed': 'Viewed the review of a subject access request',
  'subject_access.item_decided': 'Decided an item of a subject access request',
  'subject_access.exported': 'Exported the bundle of a subject access request',
  'subject_access.sent': 'Recorded a subject access response as sent',
  'subject_access.closed': 'Closed a subject access request',
};

export const SUBJECT_ACCESS_SUBJECT_TYPES = ['subject_access_request'] as const;
export const SUBJECT_ACCESS_SUBJECT_LABELS: Record<(typeof SUBJECT_ACCESS_SUBJECT_TYPES)[number], string> = {
  subject_access_request: 'Subject access request',
};
