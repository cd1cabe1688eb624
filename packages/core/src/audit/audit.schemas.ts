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
});

export const auditListResponse = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
