import { z } from 'zod';

/** What an alert is about. Its message never names a pupil or carries case text. */
export const ALERT_KINDS = [
  'concern_logged',
  'urgent_concern_logged',
  'concern_escalated_to_dsl',
  'urgent_unacknowledged',
  'pupil_tells_deadline_passed',
  'plan_reviews_overdue',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const alertSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ALERT_KINDS),
  message: z.string(),
  /** The concern to open, when the reader may open it. */
  concernId: z.uuid().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
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
