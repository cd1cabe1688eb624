/** Requests and answers of the missing list and the pupils listed for children missing education. */
import { z } from 'zod';
import { LEVEL_CODES } from '../levels/levels.values';
import { MISSING_ACTIONS_TAKEN, SESSIONS } from './attendance.values';

const reason = z
  .string({ error: 'Enter the reason' })
  .trim()
  .min(1, 'Enter the reason')
  .max(1_000, 'Must be 1,000 characters or fewer');

/** The DSL adds a pupil to the missing list, or takes them off, with the reason. */
export const missingListChangeBody = z.strictObject({ reason });
export type MissingListChangeBody = z.infer<typeof missingListChangeBody>;

/** What the DSL did about a listed pupil absent without a reason. */
export const missingActionBody = z.strictObject({
  action: z.enum(MISSING_ACTIONS_TAKEN, { error: 'Choose what was done' }),
  note: z
    .string({ error: 'Say what was done' })
    .trim()
    .min(1, 'Say what was done and what happens next')
    .max(2_000, 'Must be 2,000 characters or fewer'),
});
export type MissingActionBody = z.infer<typeof missingActionBody>;

const pupilRef = z.object({
  pupilId: z.uuid(),
  name: z.string(),
  yearGroup: z.number().int(),
  form: z.string().nullable(),
});

/** Why a pupil is on the list: their level, or the DSL added them (with the reason). */
export const missingWhySchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('level'), level: z.enum(LEVEL_CODES), since: z.string().nullable() }),
  z.object({ source: z.literal('added'), reason: z.string(), byName: z.string(), at: z.string() }),
]);
export type MissingWhy = z.infer<typeof missingWhySchema>;

export const missingAlertSchema = pupilRef.extend({
  id: z.uuid(),
  on: z.string(),
  session: z.enum(SESSIONS),
  code: z.string(),
  raisedAt: z.string(),
  alertedNames: z.array(z.string()),
  action: z
    .object({
      action: z.enum(MISSING_ACTIONS_TAKEN),
      note: z.string(),
      byName: z.string(),
      at: z.string(),
    })
    .nullable(),
});
export type MissingAlert = z.infer<typeof missingAlertSchema>;

export const missingListResponse = z.object({
  /** Whether this person may add, remove and record what was done (the DSL team). */
  mayManage: z.boolean(),
  /** The latest session with marks in, e.g. this morning's register, or null before any import. */
  latestSession: z.object({ on: z.string(), session: z.enum(SESSIONS) }).nullable(),
  /** Absences not yet dealt with, oldest first, then the last 14 days' dealt with. */
  alerts: z.array(missingAlertSchema),
  pupils: z.array(
    pupilRef.extend({
      level: z.enum(LEVEL_CODES).nullable(),
      why: missingWhySchema,
      /** The latest session's mark, when in. */
      latestMark: z.string().nullable(),
    }),
  ),
  /** Pupils absent without explanation for 10 or more consecutive school days. */
  missingEducation: z.array(pupilRef.extend({ days: z.number().int(), since: z.string() })),
});
export type MissingListResponse = z.infer<typeof missingListResponse>;

/** One pupil's place on the missing list, for their case record. */
export const pupilMissingResponse = z.object({
  mayManage: z.boolean(),
  onList: z.boolean(),
  why: missingWhySchema.nullable(),
  changes: z.array(
    z.object({ action: z.enum(['added', 'removed']), reason: z.string(), byName: z.string(), at: z.string() }),
  ),
  alerts: z.array(missingAlertSchema),
});
export type PupilMissingResponse = z.infer<typeof pupilMissingResponse>;
