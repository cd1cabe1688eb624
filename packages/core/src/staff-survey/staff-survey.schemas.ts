/** The staff wellbeing survey's request and response shapes. */
import { z } from 'zod';
import { SUPPRESSION_LABELS } from '../privacy/small-numbers';
import { STAFF_GROUPS, SURVEY_STATUSES } from './staff-survey.values';

/** A survey's day: a real date, within reason (the database refuses years it cannot hold). */
const day = z.iso
  .date({ error: 'Enter the date as a date' })
  .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', 'Enter a date between 2000 and 2099');

export const SURVEY_LIMITS = { title: 120, statement: 200, statements: 25, freeText: 3_000 } as const;

export const statementInputSchema = z.strictObject({
  /** A statement kept from the survey (or the built-in set) keeps its key; a new one has none. */
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9.-]{1,60}$/)
    .optional(),
  text: z
    .string({ error: 'Enter the statement' })
    .trim()
    .min(1, 'Enter the statement')
    .max(SURVEY_LIMITS.statement, `Must be ${SURVEY_LIMITS.statement} characters or fewer`),
});

export const surveyInputSchema = z
  .strictObject({
    title: z
      .string({ error: 'Enter a title' })
      .trim()
      .min(1, 'Enter a title')
      .max(SURVEY_LIMITS.title, `Must be ${SURVEY_LIMITS.title} characters or fewer`),
    opensOn: day,
    closesOn: day,
    groups: z
      .array(z.enum(STAFF_GROUPS), { error: 'Choose who is asked' })
      .min(1, 'Choose at least one group')
      .refine((g) => new Set(g).size === g.length, 'Choose each group once'),
    /** Left out when the survey is first prepared: the built-in statements are used. */
    statements: z
      .array(statementInputSchema)
      .min(1, 'Keep at least one statement')
      .max(SURVEY_LIMITS.statements, `Use ${SURVEY_LIMITS.statements} statements or fewer`)
      .optional(),
  })
  .refine((v) => v.closesOn >= v.opensOn, {
    path: ['closesOn'],
    message: 'The closing date must be on or after the opening date',
  });
export type SurveyInput = z.infer<typeof surveyInputSchema>;

export const answerInputSchema = z.strictObject({
  answers: z.record(z.string().max(60), z.number().int().min(1).max(5)),
  freeText: z
    .string()
    .trim()
    .max(SURVEY_LIMITS.freeText, `Must be ${SURVEY_LIMITS.freeText.toLocaleString('en-GB')} characters or fewer`)
    .optional(),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;

export const freeTextRequestSchema = z.strictObject({
  confirm: z.literal(true, { error: 'Confirm that you will not try to identify anyone' }),
});

/** Whether this person was asked, and whether they have answered: all they see of themselves. */
const mineSchema = z.object({ invited: z.boolean(), answered: z.boolean() });

export const surveySummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(SURVEY_STATUSES),
  groups: z.array(z.enum(STAFF_GROUPS)),
  /** Counts for those who manage the survey (null for anyone else). Never names. */
  invited: z.number().int().nullable(),
  responded: z.number().int().nullable(),
  mine: mineSchema,
});
export type SurveySummary = z.infer<typeof surveySummarySchema>;

export const surveyListSchema = z.object({
  surveys: z.array(surveySummarySchema),
  canManage: z.boolean(),
});
export type SurveyList = z.infer<typeof surveyListSchema>;

export const surveyDetailSchema = z.object({
  survey: surveySummarySchema.extend({
    statements: z.array(z.object({ key: z.string(), text: z.string() })),
  }),
  canManage: z.boolean(),
});
export type SurveyDetail = z.infer<typeof surveyDetailSchema>;

const reason = z.enum(['small', 'complementary', 'rest_small', 'no_responses']);
export type HiddenReason = z.infer<typeof reason>;
const hidden = z.object({ shown: z.literal(false), reason });

export const countFigureSchema = z.union([z.object({ shown: z.literal(true), value: z.number() }), hidden]);
export const statFigureSchema = z.union([
  z.object({ shown: z.literal(true), agreePercent: z.number(), mean: z.number() }),
  hidden,
]);
export const differenceFigureSchema = z.union([
  z.object({ shown: z.literal(true), agreePoints: z.number(), mean: z.number() }),
  hidden,
]);
export type CountFigure = z.infer<typeof countFigureSchema>;
export type StatFigure = z.infer<typeof statFigureSchema>;
export type DifferenceFigure = z.infer<typeof differenceFigureSchema>;

export const surveyResultsSchema = z.object({
  surveyId: z.uuid(),
  title: z.string(),
  minGroupSize: z.number().int(),
  participation: z.object({
    overall: z.object({ invited: z.number().int(), responded: countFigureSchema }),
    groups: z.array(z.object({ group: z.enum(STAFF_GROUPS), invited: z.number().int(), responded: countFigureSchema })),
  }),
  statements: z.array(
    z.object({
      key: z.string(),
      text: z.string(),
      overall: statFigureSchema,
      /** The change in share agreeing since the previous survey, in percentage points. */
      overallChange: differenceFigureSchema.nullable(),
      groups: z.array(
        z.object({
          group: z.enum(STAFF_GROUPS),
          stat: statFigureSchema,
          /** This group against everyone else who answered. */
          vsRest: differenceFigureSchema,
          change: differenceFigureSchema.nullable(),
        }),
      ),
    }),
  ),
  previous: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  /** Whether any free text may be read (from groups of at least five), after confirming. */
  freeTextAvailable: z.boolean(),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

export const freeTextSchema = z.object({
  /** Shuffled. A group only where the group had at least five respondents; never a date. */
  comments: z.array(z.object({ text: z.string(), group: z.enum(STAFF_GROUPS).nullable() })),
});
export type FreeTextAnswers = z.infer<typeof freeTextSchema>;

export const HIDDEN_LABELS: Record<HiddenReason, string> = {
  ...SUPPRESSION_LABELS,
  rest_small: 'not shown: the rest of the staff who answered are fewer than 5',
  no_responses: 'no responses',
};
