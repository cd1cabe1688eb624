import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { isoTime } from '../db/answers';
import { alerts } from './alerts.tables';

const alertRow = createSelectSchema(alerts, {
  createdAt: isoTime,
  readAt: isoTime,
}).shape;

export const alertSchema = z.object({
  id: alertRow.id,
  kind: alertRow.kind,
  message: alertRow.message,
  /** The concern to open, when the reader may open it. */
  concernId: alertRow.concernId,
  createdAt: alertRow.createdAt,
  readAt: alertRow.readAt,
});
export type Alert = z.infer<typeof alertSchema>;

export const alertListQuery = z.strictObject({
  /** Only unread alerts. */
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const alertListResponse = z.object({
  alerts: z.array(alertSchema),
  unread: z.number().int(),
  nextBefore: z.string().nullable(),
});

export const markAllReadResponse = z.object({ marked: z.number().int() });

/** Sent on the live stream (event "counts"): unread alerts per school for the signed-in person. */
export const alertCountsEvent = z.object({
  counts: z.array(z.object({ schoolId: z.uuid(), unread: z.number().int() })),
});
export type AlertCountsEvent = z.infer<typeof alertCountsEvent>;
