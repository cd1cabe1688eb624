/** Requests and answers of questionnaires (outcome measures) and their scores. */
import { z } from 'zod';
import { CHANGE_OUTCOMES, RESPONDENTS } from '../measures/measure.types';
import { QUESTIONNAIRE_STATUSES, TIMEPOINTS } from './interventions.values';

const option = z.object({ value: z.number(), label: z.string() });
const band = z.object({ from: z.number(), to: z.number(), label: z.string(), clinical: z.boolean() });

/** A measure as the API sends it (the shape of MeasureDefinition in measures/measure.types.ts). */
export const measureDefinitionSchema = z.object({
  key: z.string(),
  version: z.number(),
  name: z.string(),
  shortName: z.string(),
  ages: z.string(),
  respondents: z.array(z.enum(RESPONDENTS)),
  instructions: z.string(),
  scale: z.array(option),
  items: z.array(
    z.object({
      id: z.string(),
      text: z.string().nullable(),
      reverse: z.boolean().optional(),
      unscored: z.boolean().optional(),
      riskAt: z.number().optional(),
      options: z.array(option).optional(),
    }),
  ),
  scores: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      items: z.array(z.string()),
      combine: z.enum(['sum', 'mean']),
      min: z.number(),
      max: z.number(),
      higherIsBetter: z.boolean(),
      bands: z.array(band),
      clinicalThreshold: z.number().nullable(),
      reliableChange: z
        .object({
          threshold: z.number(),
          sd: z.number().nullable(),
          reliability: z.number().nullable(),
          source: z.string(),
        })
        .nullable(),
      noReliableChangeReason: z.string().optional(),
      missing: z.union([
        z.object({ kind: z.literal('prorate'), maxMissing: z.number() }),
        z.object({ kind: z.literal('all_required') }),
      ]),
    }),
  ),
  licence: z.object({ name: z.string(), note: z.string(), itemTextShipped: z.boolean() }),
  source: z.string(),
  goals: z.object({ max: z.number() }).optional(),
});

export const measureSummarySchema = z.object({
  key: z.string(),
  version: z.number(),
  name: z.string(),
  shortName: z.string(),
  ages: z.string(),
  builtIn: z.boolean(),
  licenceName: z.string(),
  licenceNote: z.string(),
  itemTextShipped: z.boolean(),
  reliableChange: z.boolean(),
  source: z.string(),
});
export const measureListSchema = z.object({
  measures: z.array(measureSummarySchema),
  canManage: z.boolean(),
});
export type MeasureList = z.infer<typeof measureListSchema>;

export const scoreResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  band: z.string().nullable(),
  clinical: z.boolean().nullable(),
  answered: z.number(),
  of: z.number(),
  prorated: z.boolean(),
});

export const scoreChangeSchema = z.object({
  id: z.string(),
  label: z.string(),
  before: z.number(),
  after: z.number(),
  difference: z.number(),
  beforeBand: z.string().nullable(),
  afterBand: z.string().nullable(),
  outcome: z.enum(CHANGE_OUTCOMES).nullable(),
  recovered: z.boolean(),
  reason: z.string().nullable(),
});

/** Start a questionnaire for a pupil now (a check, or a due baseline/follow-up of a place). */
export const startQuestionnaireSchema = z.strictObject({
  measureKey: z.string().min(1, 'Choose a questionnaire').max(80),
  respondent: z.enum(RESPONDENTS, { error: 'Choose who answers it' }),
});
export type StartQuestionnaireBody = z.infer<typeof startQuestionnaireSchema>;

export const questionnaireParams = z.object({ schoolId: z.uuid(), questionnaireId: z.uuid() });
export const answerParams = questionnaireParams.extend({ itemId: z.string().min(1).max(40) });

export const answerSchema = z.strictObject({
  value: z.number({ error: 'Choose an answer' }).int('Choose one of the answers shown'),
});
export const goalSchema = z.strictObject({
  text: z.string().trim().max(300, 'Must be 300 characters or fewer'),
});

/** A questionnaire to answer or read: its measure, the answers so far and, once complete, the scores. */
export const questionnaireSchema = z.object({
  id: z.string(),
  pupilId: z.string(),
  /** The pupil's first name only: what the answering screen greets them with. */
  pupilFirstName: z.string(),
  /** The pupil's full name, for the staff page (never shown on the answering screen). */
  pupilName: z.string(),
  measure: measureDefinitionSchema,
  timepoint: z.enum(TIMEPOINTS),
  respondent: z.enum(RESPONDENTS),
  status: z.enum(QUESTIONNAIRE_STATUSES),
  answers: z.record(z.string(), z.number()),
  goals: z.record(z.string(), z.string()),
  scores: z.array(scoreResultSchema).nullable(),
  riskRaised: z.boolean(),
  interventionName: z.string().nullable(),
  /** The intervention it belongs to, to go back to after the scores. */
  interventionId: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** Whether this device is now with the pupil (the session answers only this questionnaire). */
  handedToPupil: z.boolean(),
  /** When a risk answer opened the urgent route: what the person with the pupil must do, and who is on duty. */
  urgentMessage: z.string().nullable(),
  onDuty: z.array(z.object({ name: z.string() })),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

export const completeQuestionnaireResponse = z.object({
  status: z.enum(QUESTIONNAIRE_STATUSES),
  scores: z.array(scoreResultSchema),
  riskRaised: z.boolean(),
  /** When a risk item opened the urgent route: what the person with the pupil must do now. */
  urgentMessage: z.string().nullable(),
  onDuty: z.array(z.object({ name: z.string() })),
});
export type CompleteQuestionnaireResponse = z.infer<typeof completeQuestionnaireResponse>;

/**
 * Finishing a questionnaire in the family portal (a parent, or the pupil themself). The same answer
 * as the staff path, except that a pupil never receives scores, and no family reader receives the
 * safety message meant for staff: a risk answer opened the urgent route, and `helpNow` tells the
 * page to show "Help now" at once.
 */
export const familyCompleteQuestionnaireResponse = completeQuestionnaireResponse.extend({
  helpNow: z.boolean(),
});
export type FamilyCompleteQuestionnaireResponse = z.infer<typeof familyCompleteQuestionnaireResponse>;

/** Hand the device back: the staff member's own password, so a pupil cannot wander into the record. */
export const handBackSchema = z.strictObject({
  password: z.string().min(1, 'Enter your password').max(200),
});

/** A pupil's questionnaires and the before-and-after pairs, for the pupil record and the intervention. */
export const pupilOutcomesSchema = z.object({
  questionnaires: z.array(
    z.object({
      id: z.string(),
      measureKey: z.string(),
      measureName: z.string(),
      timepoint: z.enum(TIMEPOINTS),
      respondent: z.enum(RESPONDENTS),
      status: z.enum(QUESTIONNAIRE_STATUSES),
      interventionName: z.string().nullable(),
      completedAt: z.string().nullable(),
      dueOn: z.string().nullable(),
      scores: z.array(scoreResultSchema).nullable(),
      riskRaised: z.boolean(),
    }),
  ),
  pairs: z.array(
    z.object({
      placeId: z.string(),
      interventionName: z.string(),
      measureName: z.string(),
      baselineOn: z.string(),
      followUpOn: z.string(),
      changes: z.array(scoreChangeSchema),
    }),
  ),
  measures: z.array(z.object({ key: z.string(), name: z.string(), respondents: z.array(z.enum(RESPONDENTS)) })),
  canStart: z.boolean(),
});
export type PupilOutcomes = z.infer<typeof pupilOutcomesSchema>;

/** Questionnaires due for the reader (the intervention's staff): baselines and follow-ups to ask. */
export const questionnairesDueSchema = z.object({
  due: z.array(
    z.object({
      id: z.string(),
      pupilName: z.string(),
      measureName: z.string(),
      timepoint: z.enum(TIMEPOINTS),
      interventionName: z.string().nullable(),
      dueOn: z.string().nullable(),
      status: z.enum(QUESTIONNAIRE_STATUSES),
    }),
  ),
});
