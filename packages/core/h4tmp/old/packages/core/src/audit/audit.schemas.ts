import { z } from 'zod';

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
  seq: z.number().int(),
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const auditListResponse = z.object({
  entries: z.array(auditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
