/**
 * The action plan's request and response shapes: actions written by the lead (the Senior Mental
 * Health Lead or the head) against the latest self-assessment, each with an owner, a due date,
 * success criteria and the area it serves; progress noted by the owner or the lead.
 */
import { z } from 'zod';
import { AREA_KEYS, FRAMEWORKS } from './areas';
import { ACTION_STATUSES, ASSESSMENT_STATUSES, RATINGS } from './improvement.values';

const needed = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);

/** The longest title, success criteria and progress note the forms and the PDF allow. */
export const ACTION_LIMITS = { title: 200, successCriteria: 1_000, note: 2_000 } as const;

const actionFields = {
  areaKey: z.enum(AREA_KEYS, { error: 'Choose the area the action serves' }),
  /** The statement rated low that it answers (null: none in particular). */
  statementKey: z.string().trim().max(60).nullable().default(null),
  title: needed('what will be done', ACTION_LIMITS.title),
  successCriteria: needed('how you will know it has worked', ACTION_LIMITS.successCriteria),
  ownerUserId: z.uuid({ error: 'Choose who owns the action' }),
  dueOn: z.iso.date({ error: 'Enter the due date as a date' }),
};

/** The lead adds an action (the statement must belong to the area; checked by the server). */
export const actionInputSchema = z.strictObject(actionFields);
export type ActionInput = z.infer<typeof actionInputSchema>;

/** The lead changes an action: any of its fields, from the version they opened. */
export const changeActionSchema = z.strictObject({
  areaKey: actionFields.areaKey.optional(),
  statementKey: z.string().trim().max(60).nullable().optional(),
  title: actionFields.title.optional(),
  successCriteria: actionFields.successCriteria.optional(),
  ownerUserId: actionFields.ownerUserId.optional(),
  dueOn: actionFields.dueOn.optional(),
  /** The version the editor started from: a change made meanwhile is refused, not overwritten. */
  version: z.number().int().min(1),
});
export type ChangeActionInput = z.infer<typeof changeActionSchema>;

/** The owner or the lead notes progress, and where the action now stands. */
export const actionProgressSchema = z.strictObject({
  note: needed('what has happened', ACTION_LIMITS.note),
  status: z.enum(ACTION_STATUSES, { error: 'Choose where the action stands now' }),
});
export type ActionProgressInput = z.infer<typeof actionProgressSchema>;

export const actionPlanQuery = z.strictObject({
  assessmentId: z.uuid().optional(),
});

export const actionNoteSchema = z.object({
  id: z.uuid(),
  note: z.string(),
  status: z.enum(ACTION_STATUSES),
  byName: z.string(),
  at: z.string(),
});
export type ActionNote = z.infer<typeof actionNoteSchema>;

export const improvementActionSchema = z.object({
  id: z.uuid(),
  areaKey: z.string(),
  areaTitle: z.string(),
  statementKey: z.string().nullable(),
  /** The statement's words (null when it answers none, or the statement is no longer known). */
  statementText: z.string().nullable(),
  title: z.string(),
  successCriteria: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  dueOn: z.string(),
  status: z.enum(ACTION_STATUSES),
  /** Not finished and past its due date. */
  overdue: z.boolean(),
  version: z.number().int(),
  /** The period of the self-assessment it was first written for, when that is an earlier one. */
  carriedFrom: z.string().nullable(),
  notes: z.array(actionNoteSchema),
});
export type ImprovementAction = z.infer<typeof improvementActionSchema>;

export const actionPlanAssessmentSchema = z.object({
  id: z.uuid(),
  framework: z.enum(FRAMEWORKS),
  periodLabel: z.string(),
  startedOn: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
});
export type ActionPlanAssessment = z.infer<typeof actionPlanAssessmentSchema>;

/** A statement rated below "established" that no action of the plan answers yet. */
export const proposedActionSchema = z.object({
  statementKey: z.string(),
  statementText: z.string(),
  areaKey: z.string(),
  areaTitle: z.string(),
  rating: z.enum(RATINGS),
});
export type ProposedAction = z.infer<typeof proposedActionSchema>;

export const actionPlanSchema = z.object({
  /** The assessment whose plan this is: the latest unless another was asked for; null when none. */
  assessment: actionPlanAssessmentSchema.nullable(),
  /** Every assessment of the school, newest first, to look at an earlier plan. */
  assessments: z.array(actionPlanAssessmentSchema),
  proposed: z.array(proposedActionSchema),
  areas: z.array(z.object({ areaKey: z.string(), areaTitle: z.string(), actions: z.array(improvementActionSchema) })),
  /** Whether the reader may add and change actions and print the plan. */
  canLead: z.boolean(),
});
export type ActionPlan = z.infer<typeof actionPlanSchema>;

export const actionDetailSchema = z.object({
  action: improvementActionSchema,
  assessment: actionPlanAssessmentSchema,
  /** The owner and the lead note progress. */
  canNote: z.boolean(),
  /** The lead changes the action. */
  canEdit: z.boolean(),
});
export type ActionDetail = z.infer<typeof actionDetailSchema>;

export const actionSavedSchema = z.object({ id: z.uuid(), version: z.number().int() });
