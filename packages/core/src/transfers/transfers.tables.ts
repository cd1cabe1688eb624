/**
 * A leaver's transfer to the next school (one per leaving), its two parts (the child-protection
 * file, the wellbeing file) with the encrypted package and the hash of its one-time code, and the
 * files received from a pupil's last school. The rules every table keeps are in db/schema.ts.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { pupils } from '../pupils/pupils.tables';
import type { PupilRecordItem } from '../records/record-classes';
import { RECEIPT_HOW, TRANSFER_FILES, TRANSFER_PART_STATUSES, TRANSFER_SENT_HOW } from './transfers.values';

const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite answers a Uint8Array, node-postgres a Buffer: always a Buffer here.
  fromDriver: (value) => Buffer.from(value),
});

export const pupilTransfers = pgTable(
  'pupil_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    leftOn: date('left_on', { mode: 'string' }).notNull(),
    /** Five school days after leaving (the school's term dates). */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The next school, when known. */
    destinationName: text('destination_name'),
    destinationUrn: text('destination_urn'),
    /** Whether the next school uses Tandem (null: not known). */
    destinationUsesTandem: boolean('destination_uses_tandem'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('pupil_transfers_school_idx').on(t.schoolId, t.dueOn),
    uniqueIndex('pupil_transfers_leaving_uq').on(t.pupilId, t.leftOn),
  ],
);

export const transferParts = pgTable(
  'transfer_parts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => pupilTransfers.id),
    file: text('file', { enum: TRANSFER_FILES }).notNull(),
    status: text('status', { enum: TRANSFER_PART_STATUSES }).notNull(),
    /** SHA-256 (hex) of the one-time code; the code itself is never stored. */
    codeHash: text('code_hash'),
    /** The age-encrypted package, until the part is received (then emptied). */
    package: bytea('package'),
    /** SHA-256 (hex) of the receipt token carried inside the package. */
    receiptTokenHash: text('receipt_token_hash'),
    items: integer('items'),
    preparedAt: ts('prepared_at'),
    preparedBy: uuid('prepared_by').references(() => users.id),
    downloadedAt: ts('downloaded_at'),
    fetchedAt: ts('fetched_at'),
    sentAt: ts('sent_at'),
    sentHow: text('sent_how', { enum: TRANSFER_SENT_HOW }),
    receivedAt: ts('received_at'),
    /** Who confirmed receipt at the next school, which school, how. */
    receiptBy: text('receipt_by'),
    receiptSchool: text('receipt_school'),
    receiptHow: text('receipt_how', { enum: RECEIPT_HOW }),
    receiptRecordedBy: uuid('receipt_recorded_by').references(() => users.id),
    noneHeldBy: uuid('none_held_by').references(() => users.id),
    /** The due day it was flagged as overdue on (once). */
    overdueFlaggedAt: ts('overdue_flagged_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('transfer_parts_file_uq').on(t.transferId, t.file),
    index('transfer_parts_school_idx').on(t.schoolId, t.status),
    uniqueIndex('transfer_parts_code_uq').on(t.codeHash),
    check('transfer_parts_file_ck', oneOf(t.file, TRANSFER_FILES)),
    check('transfer_parts_status_ck', oneOf(t.status, TRANSFER_PART_STATUSES)),
  ],
);

export const receivedFiles = pgTable(
  'received_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    file: text('file', { enum: TRANSFER_FILES }).notNull(),
    /** The child-protection file: the restricted record (DSL team only). */
    restricted: boolean('restricted').notNull(),
    fromSchoolName: text('from_school_name').notNull(),
    fromSchoolUrn: text('from_school_urn'),
    /** The sending installation's public address, for the confirmation of receipt. */
    fromAddress: text('from_address'),
    /** The package's own id (from the sender), so one package is imported once. */
    packageId: text('package_id').notNull(),
    receiptToken: text('receipt_token'),
    items: jsonb('items').$type<PupilRecordItem[]>().notNull(),
    itemCount: integer('item_count').notNull(),
    importedBy: uuid('imported_by')
      .notNull()
      .references(() => users.id),
    importedAt: ts('imported_at').notNull(),
    receiptSentAt: ts('receipt_sent_at'),
    receiptAttempts: integer('receipt_attempts').notNull().default(0),
    receiptNextAt: ts('receipt_next_at'),
  },
  (t) => [
    index('received_files_pupil_idx').on(t.schoolId, t.pupilId, t.importedAt),
    uniqueIndex('received_files_package_uq').on(t.schoolId, t.packageId),
    index('received_files_receipt_idx')
      .on(t.receiptNextAt)
      .where(sql`${t.receiptSentAt} is null and ${t.receiptToken} is not null`),
    check('received_files_file_ck', oneOf(t.file, TRANSFER_FILES)),
  ],
);

/**
 * An opened package awaiting import (the person who opened it chooses the pupil). A package fetched
 * from the sender answers only once, so its content is kept here until imported.
 */
export const transferPreviews = pgTable(
  'transfer_previews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    content: jsonb('content').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('transfer_previews_school_idx').on(t.schoolId, t.createdAt)],
);
