/** The audit append in raw SQL, as src/audit/audit.service.ts makes it: one insert, unsealed (ADR 0012). */
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

/** Append one event inside the caller's transaction; the sealing job chains it later. */
export async function auditAppend(q: Query, event: RawAuditEvent): Promise<void> {
  await q(
    `insert into audit_events (at, actor_user_id, trust_id, school_id, action, subject_type, subject_id, ip, detail)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      new Date(),
      event.actorUserId,
      event.trustId,
      event.schoolId,
      event.action,
      event.subjectType,
      event.subjectId,
      '127.0.0.1',
      JSON.stringify(event.detail),
    ],
  );
}
