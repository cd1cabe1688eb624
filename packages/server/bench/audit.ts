/** The audit append in raw SQL, as src/audit/audit.service.ts makes it: lock the chain head, insert, move the head. */
import { entryHash } from '../src/audit/audit.chain';
import type { Query } from './databases';

export interface RawAuditEvent {
  actorUserId: string;
  trustId: string;
  schoolId: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  detail: unknown;
}

/** Append one event inside the caller's transaction; the hash is computed here, as the app does. */
export async function auditAppend(q: Query, event: RawAuditEvent): Promise<void> {
  const [head] = await q<{ seq: string | number; hash: string }>(
    'select seq, hash from audit_head where id = 1 for update',
  );
  if (!head) throw new Error('audit head missing');
  const fields = {
    seq: Number(head.seq) + 1,
    at: new Date(),
    actorUserId: event.actorUserId,
    trustId: event.trustId,
    schoolId: event.schoolId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    ip: '127.0.0.1',
    detail: event.detail,
    prevHash: head.hash,
  };
  const hash = entryHash(fields);
  await q(
    `insert into audit_events (seq, at, actor_user_id, trust_id, school_id, action, subject_type, subject_id, ip, detail, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      fields.seq,
      fields.at,
      fields.actorUserId,
      fields.trustId,
      fields.schoolId,
      fields.action,
      fields.subjectType,
      fields.subjectId,
      fields.ip,
      JSON.stringify(fields.detail),
      fields.prevHash,
      hash,
    ],
  );
  await q('update audit_head set seq = $1, hash = $2 where id = 1', [fields.seq, hash]);
}
