import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { isoTime } from '../db/answers';
import { schools } from './schools.tables';

const schoolRow = createSelectSchema(schools, { createdAt: isoTime }).shape;

export const urnSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'URN must be 6 digits, as shown on Get Information about Schools');

/** What a user types as a DfE number: 888/4321, 888-4321 or 8884321. */
const DFE_NUMBER = /^(\d{3})\s*[/-]?\s*(\d{4})$/;

/** The message for a DfE number not in the shape 888/4321. */
export const DFE_NUMBER_MESSAGE =
  'Enter the DfE number as your 3-digit local authority number and 4-digit establishment number, like 888/4321';

/**
 * A school's DfE number as typed (888/4321, 888-4321, 8884321), kept as seven digits: "8884321".
 * An empty answer is null: no DfE number.
 */
export const dfeNumberSchema = z
  .string()
  .trim()
  .transform((v, ctx): string | null => {
    if (v === '') return null;
    const m = DFE_NUMBER.exec(v);
    if (!m) {
      ctx.addIssue({ code: 'custom', message: DFE_NUMBER_MESSAGE });
      return z.NEVER;
    }
    return `${m[1] ?? ''}${m[2] ?? ''}`;
  });

/** A DfE number kept as seven digits, shown as on Get Information about Schools: "888/4321". */
export function formatDfeNumber(dfeNumber: string): string {
  return /^\d{7}$/.test(dfeNumber) ? `${dfeNumber.slice(0, 3)}/${dfeNumber.slice(3)}` : dfeNumber;
}

export const createSchoolBody = z.strictObject({
  name: z.string().trim().min(1, 'Enter the school name').max(200, 'Name must be 200 characters or fewer'),
  urn: urnSchema.optional().or(z.literal('').transform(() => undefined)),
  dfeNumber: dfeNumberSchema.optional(),
  letterhead: z.string().trim().max(1000, 'Letterhead must be 1,000 characters or fewer').default(''),
});
export type CreateSchoolBody = z.infer<typeof createSchoolBody>;

export const schoolSchema = z.object({
  id: schoolRow.id,
  trustId: schoolRow.trustId,
  name: schoolRow.name,
  urn: schoolRow.urn,
  /** Seven digits, the local authority number then the establishment number ("8884321"). */
  dfeNumber: schoolRow.dfeNumber,
  letterhead: schoolRow.letterhead,
  staffIdleMinutes: schoolRow.staffIdleMinutes,
  /** The longest idle time-out this Tandem's operator allows (IDLE_TIMEOUT_MINUTES): a school may set less. */
  maxStaffIdleMinutes: z.number().int(),
  referralWaitDays: schoolRow.referralWaitDays,
  createdAt: schoolRow.createdAt,
});
export type School = z.infer<typeof schoolSchema>;

/** The message when a school asks for a longer idle time-out than this Tandem allows. */
export function idleTooLongMessage(max: number): string {
  return `Idle time-out can be at most ${max} minutes: that is the longest this Tandem allows`;
}

export const updateSchoolBody = z.strictObject({
  /** An empty value (or null) removes the school's DfE number. */
  dfeNumber: dfeNumberSchema.nullable().optional(),
  letterhead: z.string().trim().max(1000, 'Letterhead must be 1,000 characters or fewer').optional(),
  staffIdleMinutes: z
    .number({ error: 'Enter a number of minutes' })
    .int('Enter a whole number of minutes')
    .min(5, 'Idle time-out must be at least 5 minutes')
    .max(240, 'Idle time-out must be 240 minutes or fewer')
    .optional(),
  referralWaitDays: z
    .number({ error: 'Enter a number of days' })
    .int('Enter a whole number of days')
    .min(7, 'The referral wait standard must be at least 7 days')
    .max(180, 'The referral wait standard must be 180 days or fewer')
    .optional(),
});
