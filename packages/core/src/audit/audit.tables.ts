/**
 * The hash-chained audit trail. The rules every table keeps are in db/schema.ts, which gathers
 * them all for Drizzle and the migrations.
 */
import { bigint, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns';

/**
 * The audit trail. Append-only (a trigger refuses UPDATE and DELETE) and hash-chained: each row's
 * hash covers its content and the previous row's hash, so `npm run audit:verify` finds the first
 * altered or missing entry.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    trustId: uuid('trust_id'),
    schoolId: uuid('school_id'),
    // Plain text, not the AuditAction and AuditSubjectType unions: the trail is kept for ever and
    // never rewritten, so rows written under an older list of events must still read. Writes are
    // typed where they are made (AuditEvent, AuditSubject).
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    ip: text('ip'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_school_idx').on(t.schoolId, t.seq),
    index('audit_events_trust_idx').on(t.trustId, t.seq),
    index('audit_events_subject_idx').on(t.subjectType, t.subjectId, t.seq),
    index('audit_events_actor_idx').on(t.actorUserId, t.seq),
  ],
);

/** One row: the head of the audit chain. Locking it serialises appends so the chain stays linear. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
