/**
 * Subject access requests (UK GDPR article 15) and the decision a person made on each item held
 * about the pupil. Decisions name the item by its feature, kind and id, so they are kept when the
 * records change (an item gone since is shown as such).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { contacts, pupils } from '../pupils/pupils.tables';
import { DISCLOSURE_DECISIONS } from '../records/record-classes';
import { EXEMPTION_CATEGORIES, RECEIVED_HOW, REQUESTER_KINDS } from './subject-access.values';

export const subjectAccessRequests = pgTable(
  'subject_access_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    requesterKind: text('requester_kind', { enum: REQUESTER_KINDS }).notNull(),
    requesterName: text('requester_name').notNull(),
    /** The pupil's contact who asked, when picked from the contacts. */
    requesterContactId: uuid('requester_contact_id').references(() => contacts.id),
    /** How someone acting for the pupil is related to them (a representative). */
    requesterRelationship: text('requester_relationship').notNull().default(''),
    receivedHow: text('received_how', { enum: RECEIVED_HOW }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** One calendar month from receipt (the corresponding day rule, next working day). */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    extendedTo: date('extended_to', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    requesterToldOn: date('requester_told_on', { mode: 'string' }),
    extendedBy: uuid('extended_by').references(() => users.id),
    identityCheckedHow: text('identity_checked_how'),
    identityCheckedByName: text('identity_checked_by_name'),
    identityCheckedOn: date('identity_checked_on', { mode: 'string' }),
    identityRecordedBy: uuid('identity_recorded_by').references(() => users.id),
    reviewStartedAt: ts('review_started_at'),
    sentOn: date('sent_on', { mode: 'string' }),
    sentBy: uuid('sent_by').references(() => users.id),
    closedAt: ts('closed_at'),
    closedReason: text('closed_reason'),
    closedBy: uuid('closed_by').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('subject_access_requests_school_idx').on(t.schoolId, t.receivedOn),
    index('subject_access_requests_open_idx')
      .on(t.schoolId, t.deadline)
      .where(sql`${t.closedAt} is null and ${t.sentOn} is null`),
    index('subject_access_requests_pupil_idx').on(t.schoolId, t.pupilId),
    check('subject_access_requests_kind_ck', oneOf(t.requesterKind, REQUESTER_KINDS)),
    check('subject_access_requests_how_ck', oneOf(t.receivedHow, RECEIVED_HOW)),
    check('subject_access_requests_deadline_ck', sql`${t.deadline} > ${t.receivedOn}`),
    check(
      'subject_access_requests_extension_ck',
      sql`${t.extendedTo} is null or (${t.extendedTo} > ${t.deadline} and ${t.extensionReason} is not null and ${t.requesterToldOn} is not null)`,
    ),
  ],
);

/** A person's decision on one item held about the pupil: disclose, redact (with the text to give) or withhold. */
export const subjectAccessDecisions = pgTable(
  'subject_access_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => subjectAccessRequests.id),
    itemSource: text('item_source').notNull(),
    itemKind: text('item_kind').notNull(),
    itemId: text('item_id').notNull(),
    /** The item's heading and date when decided, to show an item gone since. */
    itemTitle: text('item_title').notNull(),
    itemAt: ts('item_at').notNull(),
    /** From the restricted safeguarding record: only the DSL team sees or decides it. */
    restricted: boolean('restricted').notNull(),
    decision: text('decision', { enum: DISCLOSURE_DECISIONS }).notNull(),
    category: text('category', { enum: EXEMPTION_CATEGORIES }),
    reason: text('reason').notNull(),
    redactedText: text('redacted_text'),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: ts('decided_at').notNull(),
  },
  (t) => [
    uniqueIndex('subject_access_decisions_item_uq').on(t.requestId, t.itemSource, t.itemKind, t.itemId),
    index('subject_access_decisions_request_idx').on(t.schoolId, t.requestId),
    check('subject_access_decisions_decision_ck', oneOf(t.decision, DISCLOSURE_DECISIONS)),
    check(
      'subject_access_decisions_category_ck',
      sql`${t.category} is null or ${oneOf(t.category, EXEMPTION_CATEGORIES)}`,
    ),
    check('subject_access_decisions_redact_ck', sql`(${t.decision} = 'redact') = (${t.redactedText} is not null)`),
  ],
);
