/** Requests and answers of records retention: the rules in force, the review list, destructions. */
import { z } from 'zod';
import { RECORD_CLASSES } from '../records/record-classes';
import { RETENTION_MAX_YEARS } from './retention.rules';

const needed = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);

export const recordClassSchema = z.enum(RECORD_CLASSES, { error: 'Choose a kind of record' });

/** A school keeps a kind of record longer than the toolkit says (never shorter), with its reason. */
export const setRetentionBody = z.strictObject({
  years: z
    .number({ error: 'Enter the number of years from the date of birth' })
    .int('Enter a whole number of years')
    .min(1, 'Enter the number of years from the date of birth')
    .max(RETENTION_MAX_YEARS, `Enter at most ${String(RETENTION_MAX_YEARS)} years`),
  reason: needed('why the school keeps these records longer', 1_000),
});
export type SetRetentionBody = z.infer<typeof setRetentionBody>;

/** The pupil's name as shown, typed again to confirm whose records are destroyed. */
const typedName = needed('the pupil’s name, as shown, to confirm', 200);

/** Destroy a pupil's records of one kind (a child-protection file is proposed, for a second person). */
export const destroyRecordsBody = z.strictObject({
  pupilId: z.uuid({ error: 'Choose a pupil' }),
  recordClass: recordClassSchema,
  reason: needed('why these records are destroyed', 1_000),
  typedName,
});
export type DestroyRecordsBody = z.infer<typeof destroyRecordsBody>;

/** A second person confirms a proposed destruction of a child-protection file. */
export const confirmDestructionBody = z.strictObject({ typedName });
export type ConfirmDestructionBody = z.infer<typeof confirmDestructionBody>;

const counts = z.array(z.object({ kind: z.string(), count: z.number().int() }));
const person = z.object({ id: z.string(), name: z.string() });

const setting = z.object({ years: z.number().int(), reason: z.string(), setBy: z.string(), setAt: z.string() });

export const retentionRuleView = z.object({
  recordClass: recordClassSchema,
  label: z.string(),
  /** The toolkit's period, and the one in force at this school. */
  defaultYears: z.number().int(),
  years: z.number().int(),
  from: z.string(),
  source: z.string(),
  after: z.string(),
  /** The school's own longer period in force, if any; every change, newest first. */
  school: setting.nullable(),
  history: z.array(setting),
});
export type RetentionRuleView = z.infer<typeof retentionRuleView>;

export const proposalView = z.object({
  id: z.string(),
  pupilId: z.string(),
  name: z.string(),
  dateOfBirth: z.string(),
  recordClass: recordClassSchema,
  reviewOn: z.string(),
  reason: z.string(),
  proposedBy: person,
  proposedAt: z.string(),
  /** Proposed by the reader: a second person must confirm. */
  mine: z.boolean(),
});
export type ProposalView = z.infer<typeof proposalView>;

export const dueRecordsRow = z.object({
  pupilId: z.string(),
  name: z.string(),
  dateOfBirth: z.string(),
  leftOn: z.string().nullable(),
  recordClass: recordClassSchema,
  reviewOn: z.string(),
  /** The review date has come: the records may be destroyed. */
  due: z.boolean(),
  counts,
  /** A proposal waiting for a second person (child-protection files). */
  proposalId: z.string().nullable(),
});
export type DueRecordsRow = z.infer<typeof dueRecordsRow>;

export const retentionOverviewResponse = z.object({
  today: z.string(),
  /** The list looks this far ahead. */
  horizon: z.string(),
  rules: z.array(retentionRuleView),
  rows: z.array(dueRecordsRow),
  /** Child-protection files proposed for destruction, waiting for a second person to confirm. */
  proposals: z.array(proposalView),
  /** Whether the reader sees child-protection files (the DSL team). */
  seesChildProtection: z.boolean(),
  /** More pupils than one page: the oldest are shown. */
  truncated: z.boolean(),
});
export type RetentionOverviewResponse = z.infer<typeof retentionOverviewResponse>;

export const destructionEntry = z.object({
  id: z.string(),
  pupilName: z.string(),
  pupilDateOfBirth: z.string(),
  recordClass: recordClassSchema,
  reviewOn: z.string(),
  reason: z.string(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  confirmedBy: z.string(),
  confirmedAt: z.string(),
  counts,
});
export type DestructionEntry = z.infer<typeof destructionEntry>;

export const destructionRegisterResponse = z.object({ entries: z.array(destructionEntry) });
export type DestructionRegisterResponse = z.infer<typeof destructionRegisterResponse>;

export const destructionResult = z.object({
  id: z.string(),
  status: z.enum(['proposed', 'destroyed']),
  counts,
});
export type DestructionResult = z.infer<typeof destructionResult>;

/** "level-change" → "level changes" for a count. */
export function recordKindWords(kind: string, count: number): string {
  const words = kind.replace(/[-_]/g, ' ');
  return `${String(count)} ${count === 1 ? words : words.endsWith('s') ? words : `${words}s`}`;
}
