import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { isoTime } from '../db/answers';
import { auditEvents } from './audit.tables';

const eventRow = createSelectSchema(auditEvents, { at: isoTime }).shape;

export const auditQuery = z.strictObject({
  action: z.string().max(60).optional(),
  actorUserId: z.uuid('Choose a person from the list').optional(),
  subjectId: z.string().max(100).optional(),
  from: z.iso.date('Enter a date like 2026-11-22').optional(),
  to: z.iso.date('Enter a date like 2026-11-22').optional(),
  /** Keyset cursor: the seq of the last row on the previous page. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntrySchema = z.object({
  seq: eventRow.seq,
  at: eventRow.at,
  action: eventRow.action,
  actionLabel: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  subjectType: eventRow.subjectType,
  subjectId: eventRow.subjectId,
  ip: eventRow.ip,
  detail: z.record(z.string(), z.unknown()),
  /** About the restricted safeguarding record (only ever listed for the DSL team). */
  restricted: z.boolean(),
});

export const auditListResponse = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable(),
  /**
   * For a reader outside the DSL team, entries about the restricted safeguarding record are left
   * out; this counts them over the dates asked for (only the dates: the other filters are ignored,
   * so the count never tells who, what or which pupil). Null for the DSL team, who see them all.
   */
  restrictedActivity: z.object({ count: z.number().int() }).nullable(),
});
