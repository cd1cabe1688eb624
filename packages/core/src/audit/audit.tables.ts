/**
 * The hash-chained audit trail. The rules every table keeps are in db/schema.ts, which gathers
 * them all for Drizzle and the migrations.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgSequence, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns';

/** Numbers audit entries as they are written: taking one never waits for another request. */
export const auditEventsSeq = pgSequence('audit_events_seq', { startWith: 1 });

/**
 * The audit trail (ADR 0012). Append-only: a trigger refuses DELETE, TRUNCATE and any UPDATE but
 * the one that seals an entry. An entry is written unchained (no lock shared with other requests);
 * the sealing job (server audit/audit.sealer.ts) then chains entries in the order they committed,
 * within seconds: each sealed entry's hash covers its content, its place in the chain and the
 * previous entry's hash, so `npm run audit:verify` finds the first altered or missing entry, and
 * signed checkpoints kept outside the database catch a rewrite of the whole table.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    /** The order entries were written in (the viewer's order); not part of the chain. */
    seq: bigint('seq', { mode: 'number' })
      .primaryKey()
      .default(sql`nextval('audit_events_seq')`),
    /** The entry's place in the hash chain, given when it is sealed (null until then). */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
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
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    uniqueIndex('audit_events_chain_uq').on(t.chainSeq),
    index('audit_events_unsealed_idx')
      .on(t.seq)
      .where(sql`${t.chainSeq} is null`),
    index('audit_events_school_idx').on(t.schoolId, t.seq),
    index('audit_events_trust_idx').on(t.trustId, t.seq),
    index('audit_events_subject_idx').on(t.subjectType, t.subjectId, t.seq),
    index('audit_events_actor_idx').on(t.actorUserId, t.seq),
  ],
);

/**
 * One row: the head of the audit chain (the last sealed entry). Only the sealing job locks it (one
 * process at a time; the others skip), never a request.
 */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/**
 * Signed checkpoints of the chain (its size and the hash at that size, RFC 9162's tree head), as
 * also written to files outside the database: a record of when each was made, and the next one's due
 * time. The files, not these rows, are what a rewrite of the database cannot reach.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  rootHash: text('root_hash').notNull(),
  signedAt: ts('signed_at').notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
});
