import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { isoTime } from '../db/answers';
import { levelDefinitionSchema, levelEvidenceSchema } from '../levels/levels.schemas';
import { levelChanges } from '../levels/levels.tables';
import { LEVEL_CODES, THRIVE_GROUPS } from '../levels/levels.values';
import { sharedPlanSchema } from '../plans/plans.schemas';
import { contacts, pupils } from './pupils.tables';
import { CHARACTERISTICS, CHRONOLOGY_KINDS, SEND_STATUSES, YEAR_GROUP_MAX, YEAR_GROUP_MIN } from './pupils.values';

const pupilRow = createSelectSchema(pupils).shape;
const contactRow = createSelectSchema(contacts).shape;
const levelChangeRow = createSelectSchema(levelChanges, {
  evidence: () => z.array(levelEvidenceSchema),
  changedAt: isoTime,
}).shape;

// In the values module, so that the web app's header can label a year without loading zod.
export { YEAR_GROUP_MAX, YEAR_GROUP_MIN, yearGroupLabel } from './pupils.values';

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
  id: pupilRow.id,
  givenName: pupilRow.givenName,
  familyName: pupilRow.familyName,
  preferredName: pupilRow.preferredName,
  yearGroup: pupilRow.yearGroup,
  form: pupilRow.form,
  /** Present only where the reader may see it (case roles; teachers for pupils they teach). */
  level: pupilRow.currentLevel.optional(),
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
  id: contactRow.id,
  name: contactRow.name,
  title: contactRow.title,
  address: contactRow.address,
  relationship: contactRow.relationship,
  email: contactRow.email,
  phone: contactRow.phone,
  parentalResponsibility: contactRow.parentalResponsibility,
  priority: contactRow.priority,
});

export const levelChangeSchema = z.object({
  id: levelChangeRow.id,
  fromLevel: levelChangeRow.fromLevel,
  toLevel: levelChangeRow.toLevel,
  reason: levelChangeRow.reason,
  evidence: levelChangeRow.evidence,
  changedByName: z.string(),
  changedAt: levelChangeRow.changedAt,
  /** The wording of the new level in force when the change was made. */
  definition: levelDefinitionSchema.nullable(),
});

export const pupilDetailsSchema = z.object({
  id: pupilRow.id,
  /** Counts corrections of the details; a correction names the version it starts from. */
  version: pupilRow.detailsVersion,
  upn: pupilRow.upn,
  givenName: pupilRow.givenName,
  familyName: pupilRow.familyName,
  preferredName: pupilRow.preferredName,
  dateOfBirth: pupilRow.dateOfBirth,
  yearGroup: pupilRow.yearGroup,
  form: pupilRow.form,
  send: pupilRow.send,
  pupilPremium: pupilRow.pupilPremium,
  lookedAfter: pupilRow.lookedAfter,
  childInNeed: pupilRow.childInNeed,
  youngCarer: pupilRow.youngCarer,
  eal: pupilRow.eal,
  /** As the MIS records it; null when not given. */
  sex: pupilRow.sex,
  leftOn: pupilRow.leftOn,
});

const basicPupil = z.object({
  id: pupilRow.id,
  givenName: pupilRow.givenName,
  familyName: pupilRow.familyName,
  preferredName: pupilRow.preferredName,
  form: pupilRow.form,
  yearGroup: pupilRow.yearGroup,
});

export const currentLevelSchema = z.object({
  code: pupilRow.currentLevel,
  thriveGroup: z.enum(THRIVE_GROUPS),
  /** The level's wording now in force (null when Thriving). */
  definition: levelDefinitionSchema.nullable(),
  since: z.string().nullable(),
});

/** What a teacher is told of a pupil's reduced timetable: that there is one, its hours and dates. */
export const staffTimetableSummarySchema = z.object({
  hours: z.string(),
  sessionsPerWeek: z.number().int(),
  startOn: z.string(),
  endOn: z.string(),
});
export type StaffTimetableSummary = z.infer<typeof staffTimetableSummarySchema>;

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
      code: pupilRow.currentLevel,
      name: z.string(),
      /** What staff should do: the school's lists for the level. */
      schoolProvides: z.array(z.string()),
      schoolToDo: z.array(z.string()),
    }),
    /** On a reduced timetable: its hours and dates only, never why (the provision feature). */
    reducedTimetable: staffTimetableSummarySchema.nullable(),
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

export const chronologyEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(CHRONOLOGY_KINDS),
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
  /** For entries about an intervention or a questionnaire: which one, to link to it. */
  interventionId: z.uuid().optional(),
  questionnaireId: z.uuid().optional(),
  referralId: z.uuid().optional(),
});
export type ChronologyEntry = z.infer<typeof chronologyEntrySchema>;
export const chronologyResponse = z.object({ entries: z.array(chronologyEntrySchema) });

export const updatePupilBody = z.strictObject({
  preferredName: z.string().trim().max(100).nullable().optional(),
  form: z.string().trim().max(20).optional(),
  send: z.enum(SEND_STATUSES).optional(),
  pupilPremium: z.boolean().optional(),
  lookedAfter: z.boolean().optional(),
  childInNeed: z.boolean().optional(),
  youngCarer: z.boolean().optional(),
  eal: z.boolean().optional(),
  reason: z.string().trim().min(1, 'Give a reason for the correction').max(1000),
  /** The details' version the correction starts from: an older one is refused, not overwritten. */
  version: z.number().int().min(1),
});
export type UpdatePupilBody = z.infer<typeof updatePupilBody>;
