import { and, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditActionLabel, type AuditQuery } from '@tandem/core';
import { auditEvents, concerns, retentionDestructions, roleAssignments, schools, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export type AuditScope = { kind: 'school'; schoolId: string } | { kind: 'trust'; trustId: string };

function scopeCondition(scope: AuditScope): SQL {
  if (scope.kind === 'school') {
    // The school's own events, and sign-in events of people who hold a role in the school.
    const members = sql`(select ${roleAssignments.userId} from ${roleAssignments} where ${roleAssignments.schoolId} = ${scope.schoolId})`;
    return or(
      eq(auditEvents.schoolId, scope.schoolId),
      and(isNull(auditEvents.schoolId), isNull(auditEvents.trustId), inArray(auditEvents.actorUserId, members)),
    ) as SQL;
  }
  const trustSchools = sql`(select ${schools.id} from ${schools} where ${schools.trustId} = ${scope.trustId})`;
  return or(eq(auditEvents.trustId, scope.trustId), inArray(auditEvents.schoolId, trustSchools)) as SQL;
}

/**
 * Entries about the restricted safeguarding record: anything about a concern now in it (logging,
 * every read, every refused attempt to open it, its work); retention's events about a pupil's
 * child-protection file (its proposal, withdrawal, destruction: the detail names the kind; not a
 * change to the school's period, which is about no pupil); a transfer's steps with a child-protection
 * file (prepared, collected, printed, imported, opened: the detail names the file); a subject access
 * decision on an item from the restricted record; and any viewing of the trail that was
 * filtered to one of those concerns or destructions (its filter names it).
 */
const restrictedIds = sql`(select ${concerns.id}::text from ${concerns} where ${concerns.restricted})`;
const childProtectionDestructionIds = sql`(select ${retentionDestructions.id}::text from ${retentionDestructions} where ${retentionDestructions.recordClass} = 'child-protection')`;
export const aboutRestrictedRecord = sql<boolean>`coalesce((
  (${auditEvents.subjectType} = 'concern' and ${auditEvents.subjectId} in ${restrictedIds})
  or (${auditEvents.action} like 'retention.%'
      and ${auditEvents.detail}->>'recordClass' = 'child-protection'
      and ${auditEvents.detail}->>'destructionId' is not null)
  or (${auditEvents.action} like 'transfer.%' and ${auditEvents.detail}->>'file' = 'child-protection')
  or (${auditEvents.action} = 'subject_access.item_decided' and ${auditEvents.detail}->>'restricted' = 'true')
  or (${auditEvents.action} in ('audit.viewed', 'audit.exported')
      and (${auditEvents.detail}->'filters'->>'subjectId' in ${restrictedIds}
        or ${auditEvents.detail}->'filters'->>'subjectId' in ${childProtectionDestructionIds}))
), false)`;

/**
 * One page of the trail, newest first, keyset-paged on seq. Unless `seeRestricted` (the DSL team),
 * entries about the restricted safeguarding record are left out and only counted, over the dates
 * asked for alone.
 */
export async function listAuditEntries(
  db: DbOrTx,
  scope: AuditScope,
  q: AuditQuery,
  options: { seeRestricted: boolean },
  dayStartOffset = 'Z',
) {
  const dates: (SQL | undefined)[] = [scopeCondition(scope)];
  if (q.from) dates.push(gte(auditEvents.at, new Date(`${q.from}T00:00:00${dayStartOffset}`)));
  if (q.to) {
    const end = new Date(`${q.to}T00:00:00${dayStartOffset}`);
    end.setUTCDate(end.getUTCDate() + 1);
    dates.push(lt(auditEvents.at, end));
  }
  const conditions: (SQL | undefined)[] = [...dates];
  if (q.action) conditions.push(eq(auditEvents.action, q.action));
  if (q.actorUserId) conditions.push(eq(auditEvents.actorUserId, q.actorUserId));
  if (q.subjectId) conditions.push(eq(auditEvents.subjectId, q.subjectId));
  if (q.before) conditions.push(lt(auditEvents.seq, q.before));
  if (!options.seeRestricted) conditions.push(sql`not ${aboutRestrictedRecord}`);
  const restrictedActivity = options.seeRestricted
    ? null
    : {
        count:
          (
            await db
              .select({ n: sql<number>`count(*)::int` })
              .from(auditEvents)
              .where(and(...dates, aboutRestrictedRecord))
          )[0]?.n ?? 0,
      };
  const rows = await db
    .select({ e: auditEvents, actorName: users.displayName, restricted: aboutRestrictedRecord })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    restrictedActivity,
    entries: page.map(({ e, actorName, restricted }) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      action: e.action,
      actionLabel: auditActionLabel(e.action),
      actorUserId: e.actorUserId,
      actorName,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      ip: e.ip,
      detail: e.detail,
      restricted,
    })),
    nextBefore: rows.length > q.limit ? (page[page.length - 1]?.e.seq ?? null) : null,
  };
}
