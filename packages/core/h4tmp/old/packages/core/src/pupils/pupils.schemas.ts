import { z } from 'zod';
import { LEVEL_CODES, THRIVE_GROUPS } from '../levels/framework';
import { levelDefinitionSchema } from '../levels/levels.schemas';
import { sharedPlanSchema } from '../plans/plans.schemas';

export const CHARACTERISTICS = [
  'send',
  'ehcp',
  'pupil_premium',
  'looked_after',
  'child_in_need',
  'young_carer',
  'eal',
] as const;
export type Characteristic = (typeof CHARACTERISTICS)[number];
export const CHARACTERISTIC_LABELS: Record<Characteristic, string> = {
  send: 'SEND (support or EHCP)',
  ehcp: 'EHCP',
  pupil_premium: 'Pupil premium',
  looked_after: 'Looked after',
  child_in_need: 'Child in need',
  young_carer: 'Young carer',
  eal: 'English as an additional language',
};

export const YEAR_GROUP_MIN = -1;
export const YEAR_GROUP_MAX = 14;
export function yearGroupLabel(year: number): string {
  if (year === -1) return 'Nursery';
  if (year === 0) return 'Reception';
  return `Year ${year}`;
}

export const pupilListQuery = z.strictObject({
  search: z.string().trim().max(100, 'Search must be 100 characters or fewer').optional(),
  yearGroup: z.coerce.number().int().min(YEAR_GROUP_MIN).max(YEAR_GROUP_MAX).optional(),
  form: z.string().trim().max(20).optional(),
  /** A level code, or 'none' for Thriving. Case roles only. */
  level: z.enum([...LEVEL_CODES, 'none']).optional(),
  characteristic: z.enum(CHARACTERISTICS).optional(),
  includeLeft: z.enum(['true', 'false']).optional(),
  /** Keyset cursor from the previous page. */
  after: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PupilListQuery = z.infer<typeof pupilListQuery>;

export const pupilListItemSchema = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  yearGroup: z.number().int(),
  form: z.string(),
  /** Present only where the reader may see it (case roles; teachers for pupils they teach). */
  level: z.enum(LEVEL_CODES).nullable().optional(),
  left: z.boolean(),
});
export type PupilListItem = z.infer<typeof pupilListItemSchema>;

export const pupilListResponse = z.object({
  pupils: z.array(pupilListItemSchema),
  total: z.number().int(),
  nextAfter: z.string().nullable(),
  /** Whether the reader may filter by level and characteristics. */
  canSeeCase: z.boolean(),
});

export const contactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  relationship: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  parentalResponsibility: z.boolean(),
  priority: z.number().int(),
});

export const levelChangeSchema = z.object({
  id: z.uuid(),
  fromLevel: z.enum(LEVEL_CODES).nullable(),
  toLevel: z.enum(LEVEL_CODES).nullable(),
  reason: z.string(),
  evidence: z.array(z.object({ kind: z.string(), description: z.string(), refId: z.string().optional() })),
  changedByName: z.string(),
  changedAt: z.string(),
  /** The wording of the new level in force when the change was made. */
  definition: levelDefinitionSchema.nullable(),
});

export const pupilDetailsSchema = z.object({
  id: z.uuid(),
  upn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string(),
  yearGroup: z.number().int(),
  form: z.string(),
  send: z.enum(['none', 'support', 'ehcp']),
  pupilPremium: z.boolean(),
  lookedAfter: z.boolean(),
  childInNeed: z.boolean(),
  youngCarer: z.boolean(),
  eal: z.boolean(),
  leftOn: z.string().nullable(),
});

const basicPupil = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  form: z.string(),
  yearGroup: z.number().int(),
});

export const currentLevelSchema = z.object({
  code: z.enum(LEVEL_CODES).nullable(),
  thriveGroup: z.enum(THRIVE_GROUPS),
  /** The level's wording now in force (null when Thriving). */
  definition: levelDefinitionSchema.nullable(),
  since: z.string().nullable(),
});

export const pupilProfileResponse = z.discriminatedUnion('view', [
  z.object({
    view: z.literal('basic'),
    pupil: basicPupil,
    /** Plans this member of staff was given by name (they do not teach the pupil). */
    sharedPlans: z.array(sharedPlanSchema),
  }),
  z.object({
    view: z.literal('summary'),
    pupil: basicPupil,
    /** Plans given to this member of staff: what they must know and do, to be confirmed as read. */
    sharedPlans: z.array(sharedPlanSchema),
    level: z.object({
      code: z.enum(LEVEL_CODES).nullable(),
      name: z.string(),
      /** What staff should do: the school's lists for the level. */
      schoolProvides: z.array(z.string()),
      schoolToDo: z.array(z.string()),
    }),
  }),
  z.object({
    view: z.literal('case'),
    pupil: pupilDetailsSchema,
    contacts: z.array(contactSchema),
    level: currentLevelSchema,
    history: z.array(levelChangeSchema),
    lastSharedWithParents: z.string().nullable(),
    lastSharedWithStaff: z.string().nullable(),
    teachingGroups: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
]);
export type PupilProfileResponse = z.infer<typeof pupilProfileResponse>;

export const CHRONOLOGY_KINDS = [
  'level_change',
  'shared_with_parents',
  'shared_with_staff',
  'details_corrected',
  'pupil_joined',
  'pupil_left',
  'concern_logged',
  'concern_acknowledged',
  'concern_addendum',
  'concern_corrected',
  'concern_action_added',
  'concern_action_completed',
  'concern_escalated',
  'concern_closed',
  'parents_told',
  'plan_written',
  'plan_revised',
  'plan_agreement',
  'plan_agreed',
  'plan_reviewed',
  'plan_ended',
  'meeting_held',
  'next_step_agreed',
  'next_step_completed',
] as const;
export const chronologyEntrySchema = z.object({
  id: z.string(),
  kind: z.string(),
  at: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  byName: z.string().nullable(),
  /** For entries about a concern: which one, to link to it. */
  concernId: z.uuid().optional(),
  reference: z.string().optional(),
  /** The concern was logged as urgent. */
  urgent: z.boolean().optional(),
  /** From the restricted safeguarding record: only ever sent to the DSL team. */
  restricted: z.boolean().optional(),
  /** For entries about a plan or a meeting: which one, to link to it. */
  planId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
});
export type ChronologyEntry = z.infer<typeof chronologyEntrySchema>;
export const chronologyResponse = z.object({ entries: z.array(chronologyEntrySchema) });

export const updatePupilBody = z.strictObject({
  preferredName: z.string().trim().max(100).nullable().optional(),
  form: z.string().trim().max(20).optional(),
  send: z.enum(['none', 'support', 'ehcp']).optional(),
  pupilPremium: z.boolean().optional(),
  lookedAfter: z.boolean().optional(),
  childInNeed: z.boolean().optional(),
  youngCarer: z.boolean().optional(),
  eal: z.boolean().optional(),
  reason: z.string().trim().min(1, 'Give a reason for the correction').max(1000),
});
export type UpdatePupilBody = z.infer<typeof updatePupilBody>;
