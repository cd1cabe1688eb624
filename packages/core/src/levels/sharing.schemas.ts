/**
 * Termly sharing of levels: letters home to parents and carers, and the staff briefing of pupils at
 * MH2 and above. The PDFs themselves have no schema; these are the requests and the summary the web
 * app shows before the lead makes them.
 */
import { z } from 'zod';
import { YEAR_GROUP_MAX, YEAR_GROUP_MIN } from '../pupils/pupils.schemas';
import type { LevelCode } from './levels.values';

const yearGroupSchema = z
  .number({ error: 'Choose a year group from the list' })
  .int('Choose a year group from the list')
  .min(YEAR_GROUP_MIN, 'Choose a year group from the list')
  .max(YEAR_GROUP_MAX, 'Choose a year group from the list');

/**
 * Pupils at these levels are left out of bulk letters: a family whose child is very unwell hears
 * it from someone they know, in person, not in a termly letter.
 */
export const IN_PERSON_LEVELS = ['MH4', 'MH5'] as const satisfies readonly LevelCode[];

/** A pupil at MH4 or MH5 whose letter the lead chooses to send after all, and why. */
export const includeInPersonSchema = z.strictObject({
  pupilId: z.uuid({ error: 'Choose a pupil from the list' }),
  reason: z
    .string({ error: 'Say why this family should get the letter' })
    .trim()
    .min(1, 'Say why this family should get the letter')
    .max(1000, 'Reason must be 1,000 characters or fewer'),
});

/**
 * Letters for one year group, or for the whole school when no year group is given; `include` names
 * pupils at MH4 or MH5 whose letters are made after all, each with a reason (audited).
 */
export const levelLettersBody = z.strictObject({
  yearGroup: yearGroupSchema.optional(),
  include: z.array(includeInPersonSchema).max(500, 'At most 500 pupils can be included').optional(),
});
export type LevelLettersBody = z.infer<typeof levelLettersBody>;

/** The staff briefing covers the whole school; the body is empty. */
export const staffBriefingBody = z.strictObject({});

/**
 * What helps at home, for the letter of a pupil with no level (Thriving): the school's level lists
 * do not cover them, so this is the general advice every family gets.
 */
export const THRIVING_AT_HOME = [
  'Spend some time together each day, even if it is short.',
  'Ask about their day, and listen without rushing.',
  'Help them keep a regular bedtime, with phones and screens out of the bedroom at night.',
  'Encourage healthy food, plenty of water, and time being active outside.',
  'Know who their friends are, and what they do online.',
  'Tell school if something changes at home that might affect them.',
] as const;

/** The level from which a pupil is named in the staff briefing (seed 000: "MH levels shared with staff termly"). */
export const STAFF_BRIEFING_FROM_LEVEL = 'MH2' as const;

const lastBatchSchema = z
  .object({
    sharedAt: z.string(),
    sharedByName: z.string(),
    pupils: z.number().int(),
  })
  .nullable();

/** What the termly sharing page shows before anything is made: how many letters, and when it was last done. */
export const termlySharingSummaryResponse = z.object({
  yearGroups: z.array(z.object({ yearGroup: z.number().int(), label: z.string(), pupils: z.number().int() })),
  wholeSchool: z.number().int(),
  briefing: z.object({ groups: z.number().int(), pupils: z.number().int() }),
  /** Pupils on roll at MH4 or MH5: left out of letters unless included, for the lead to speak to in person. */
  inPerson: z.array(
    z.object({
      pupilId: z.string(),
      name: z.string(),
      form: z.string(),
      yearGroup: z.number().int(),
      level: z.enum(IN_PERSON_LEVELS),
    }),
  ),
  lastLetters: lastBatchSchema,
  lastBriefing: lastBatchSchema,
});
export type TermlySharingSummary = z.infer<typeof termlySharingSummaryResponse>;
