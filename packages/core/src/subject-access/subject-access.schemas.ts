/** Requests and answers of subject access requests: the register, one request, its review, the export. */
import { z } from 'zod';
import { DISCLOSURE_DECISIONS, RECORD_CLASSES } from '../records/record-classes';
import { EXEMPTION_CATEGORIES, RECEIVED_HOW, REQUESTER_KINDS, SAR_STATUSES } from './subject-access.values';

const needed = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .default('');
const day = (error: string) => z.iso.date({ error });

/** Record a request: which pupil, who asked, how and when it came. */
export const recordSubjectAccessBody = z.strictObject({
  pupilId: z.uuid({ error: 'Choose the pupil the request is about' }),
  requesterKind: z.enum(REQUESTER_KINDS, { error: 'Choose who made the request' }),
  /** A contact of the pupil's, when a parent or carer on record asked. */
  requesterContactId: z.uuid().nullable().default(null),
  /** The name of whoever asked (filled from the contact when one is chosen). */
  requesterName: optional(200),
  /** How someone acting for the pupil is related to them (required for a representative). */
  requesterRelationship: optional(200),
  receivedHow: z.enum(RECEIVED_HOW, { error: 'Choose how the request was received' }),
  receivedOn: day('Enter the date the request was received'),
});
export type RecordSubjectAccessBody = z.infer<typeof recordSubjectAccessBody>;

export const identityCheckBody = z.strictObject({
  how: needed('how the requester’s identity was checked', 500),
  byName: needed('who checked it', 200),
  checkedOn: day('Enter the date identity was checked'),
});
export type IdentityCheckBody = z.infer<typeof identityCheckBody>;

export const extendSubjectAccessBody = z.strictObject({
  extendTo: day('Enter the new deadline'),
  reason: needed('why the request is complex enough to need longer', 2_000),
  requesterToldOn: day('Enter the date the requester was told of the extension'),
});
export type ExtendSubjectAccessBody = z.infer<typeof extendSubjectAccessBody>;

export const decideItemBody = z.strictObject({
  source: z.string().min(1).max(100),
  kind: z.string().min(1).max(100),
  id: z.string().min(1).max(200),
  decision: z.enum(DISCLOSURE_DECISIONS, { error: 'Choose disclose, redact or withhold' }),
  /** The exemption relied on, for a redaction or a withholding. */
  category: z.enum(EXEMPTION_CATEGORIES, { error: 'Choose why it is redacted or withheld' }).nullable().default(null),
  reason: needed('the reason for this decision', 2_000),
  /** The text to disclose, with the redactions made (for a redaction). */
  redactedText: z.string().max(50_000, 'Must be 50,000 characters or fewer').nullable().default(null),
});
export type DecideItemBody = z.infer<typeof decideItemBody>;

export const markSentBody = z.strictObject({ sentOn: day('Enter the date the response was sent') });
export type MarkSentBody = z.infer<typeof markSentBody>;

export const closeSubjectAccessBody = z.strictObject({
  reason: needed('why the request is closed (for example, withdrawn by the requester)', 1_000),
});
export type CloseSubjectAccessBody = z.infer<typeof closeSubjectAccessBody>;

const pupilRef = z.object({ id: z.uuid(), name: z.string(), yearGroup: z.number().int(), form: z.string() });

export const subjectAccessRowSchema = z.object({
  id: z.uuid(),
  pupil: pupilRef,
  requesterName: z.string(),
  requesterKind: z.enum(REQUESTER_KINDS),
  receivedOn: z.string(),
  /** The deadline now in force (the extended one when extended). */
  dueOn: z.string(),
  daysLeft: z.number().int(),
  status: z.enum(SAR_STATUSES),
  /** Open and within SAR_WARNING_DAYS of the deadline, or past it. */
  nearDeadline: z.boolean(),
  overdue: z.boolean(),
});
export type SubjectAccessRow = z.infer<typeof subjectAccessRowSchema>;

export const subjectAccessListResponse = z.object({
  today: z.string(),
  open: z.array(subjectAccessRowSchema),
  finished: z.array(subjectAccessRowSchema),
});
export type SubjectAccessListResponse = z.infer<typeof subjectAccessListResponse>;

export const subjectAccessRequestSchema = subjectAccessRowSchema.extend({
  requesterContactId: z.uuid().nullable(),
  requesterRelationship: z.string(),
  receivedHow: z.enum(RECEIVED_HOW),
  deadline: z.string(),
  latestExtension: z.string(),
  extendedTo: z.string().nullable(),
  extensionReason: z.string().nullable(),
  requesterToldOn: z.string().nullable(),
  identity: z.object({ how: z.string(), byName: z.string(), checkedOn: z.string() }).nullable(),
  reviewStartedAt: z.string().nullable(),
  sentOn: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  recordedByName: z.string(),
  /** What the reader may decide: the DSL team decides the safeguarding record's items too. */
  decidesRestricted: z.boolean(),
  /** Decisions made so far that the reader may see. */
  decided: z.number().int(),
});
export type SubjectAccessRequestView = z.infer<typeof subjectAccessRequestSchema>;

export const subjectAccessContactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  relationship: z.string(),
  parentalResponsibility: z.boolean(),
});
export const subjectAccessContactsResponse = z.object({
  pupil: z.object({ id: z.uuid(), name: z.string(), yearGroup: z.number().int(), form: z.string() }),
  contacts: z.array(subjectAccessContactSchema),
});
export type SubjectAccessContact = z.infer<typeof subjectAccessContactSchema>;
export type SubjectAccessContactsResponse = z.infer<typeof subjectAccessContactsResponse>;

export const decisionSchema = z.object({
  decision: z.enum(DISCLOSURE_DECISIONS),
  category: z.enum(EXEMPTION_CATEGORIES).nullable(),
  reason: z.string(),
  redactedText: z.string().nullable(),
  decidedByName: z.string(),
  decidedAt: z.string(),
});
export type DecisionView = z.infer<typeof decisionSchema>;

/** One item held about the pupil as the review shows it, with its decision if made. */
export const reviewItemSchema = z.object({
  source: z.string(),
  kind: z.string(),
  id: z.string(),
  at: z.string(),
  title: z.string(),
  /** Everything held; empty when the item is gone since it was decided. */
  body: z.string(),
  recordClass: z.enum(RECORD_CLASSES),
  restricted: z.boolean(),
  suggested: z.object({ decision: z.enum(DISCLOSURE_DECISIONS), reason: z.string() }),
  /** Decided, then no longer held (the record changed since). */
  gone: z.boolean(),
  decision: decisionSchema.nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const subjectAccessReviewResponse = z.object({
  request: subjectAccessRequestSchema,
  items: z.array(reviewItemSchema),
  /** Items the reader sees, and how many of them are decided. */
  progress: z.object({ decided: z.number().int(), total: z.number().int() }),
  /** Shown to readers without the safeguarding record, whatever it holds. */
  restrictedNote: z.string().nullable(),
  /** Every item (the safeguarding record's included) has a decision: the bundle may be exported. */
  complete: z.boolean(),
  /** Complete, but only the DSL team may download it (it discloses safeguarding items). */
  exportNeedsDsl: z.boolean(),
});
export type SubjectAccessReviewResponse = z.infer<typeof subjectAccessReviewResponse>;

/** The machine-readable export: what was decided to disclose. */
export const subjectAccessExportSchema = z.object({
  format: z.literal('tandem-subject-access/1'),
  exportedAt: z.string(),
  school: z.string(),
  request: z.object({
    id: z.uuid(),
    requesterName: z.string(),
    requesterKind: z.enum(REQUESTER_KINDS),
    receivedOn: z.string(),
    deadline: z.string(),
  }),
  pupil: z.object({ name: z.string(), dateOfBirth: z.string(), upn: z.string() }),
  items: z.array(
    z.object({
      source: z.string(),
      kind: z.string(),
      at: z.string(),
      title: z.string(),
      redacted: z.boolean(),
      text: z.string(),
    }),
  ),
  withheld: z.object({
    count: z.number().int(),
    byCategory: z.array(z.object({ category: z.enum(EXEMPTION_CATEGORIES), count: z.number().int() })),
  }),
});
export type SubjectAccessExport = z.infer<typeof subjectAccessExportSchema>;

export const subjectAccessCreated = z.object({ id: z.uuid() });
