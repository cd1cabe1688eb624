/** The self-assessment's request and response shapes. */
import { z } from 'zod';
import { FRAMEWORKS } from './areas';
import { ASSESSMENT_STATUSES, RATINGS } from './improvement.values';

// The rules travel with the shapes (index.ts lists the feature's modules; this keeps them together).
export * from './assessments.rules';

/** Most pieces of evidence one statement may carry (beyond its text). */
export const MAX_EVIDENCE_ITEMS = 20;
export const MAX_EVIDENCE_TEXT = 5_000;

export const startAssessmentSchema = z.strictObject({
  framework: z.enum(FRAMEWORKS, { error: 'Choose the framework to assess against' }),
  periodLabel: z
    .string({ error: 'Enter the year or term it is for' })
    .trim()
    .min(1, 'Enter the year or term it is for, for example "2026 to 2027"')
    .max(60, 'Must be 60 characters or fewer'),
});
export type StartAssessmentBody = z.infer<typeof startAssessmentSchema>;

/** A piece of evidence as the editor sends it: the server fills in labels of records and documents. */
export const evidenceInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('link'),
      url: z
        .string({ error: 'Enter the web address' })
        .trim()
        .max(500, 'Must be 500 characters or fewer')
        .regex(/^https:\/\/[^\s/$.?#][^\s]*$/, 'Enter a web address starting https://'),
      label: z
        .string({ error: 'Say what the link is' })
        .trim()
        .min(1, 'Say what the link is')
        .max(120, 'Must be 120 characters or fewer'),
    }),
    z.strictObject({
      kind: z.literal('record'),
      recordKind: z.string().trim().min(1).max(40),
      recordId: z.string().trim().min(1).max(100),
    }),
    z.strictObject({ kind: z.literal('document'), documentId: z.uuid() }),
  ],
  { error: 'Choose a kind of evidence' },
);
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

export const saveStatementSchema = z.strictObject({
  rating: z.enum(RATINGS, { error: 'Choose a rating' }).nullable(),
  evidenceText: z
    .string()
    .trim()
    .max(MAX_EVIDENCE_TEXT, `Must be ${MAX_EVIDENCE_TEXT.toLocaleString('en-GB')} characters or fewer`)
    .default(''),
  evidence: z
    .array(evidenceInputSchema)
    .max(MAX_EVIDENCE_ITEMS, `Give at most ${String(MAX_EVIDENCE_ITEMS)} pieces of evidence`)
    .default([]),
  /** The version the editor started from (0 for a statement never saved): a change made meanwhile is refused. */
  version: z.number().int().min(0),
});
export type SaveStatementBody = z.infer<typeof saveStatementSchema>;

export const evidenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('link'), url: z.string(), label: z.string() }),
  z.object({
    kind: z.literal('record'),
    recordKind: z.string(),
    recordId: z.string(),
    label: z.string(),
    href: z.string(),
  }),
  z.object({
    kind: z.literal('document'),
    documentId: z.string(),
    label: z.string(),
    /** null when the document is no longer there. */
    size: z.number().nullable(),
  }),
]);
export type Evidence = z.infer<typeof evidenceSchema>;

const personAt = z.object({ name: z.string(), at: z.string() }).nullable();

export const assessmentSummarySchema = z.object({
  id: z.string(),
  framework: z.enum(FRAMEWORKS),
  periodLabel: z.string(),
  status: z.enum(ASSESSMENT_STATUSES),
  startedOn: z.string(),
  startedBy: z.string(),
  confirmed: personAt,
  rated: z.number(),
  total: z.number(),
  previousId: z.string().nullable(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

export const assessmentListSchema = z.object({
  assessments: z.array(assessmentSummarySchema),
  /** Whether the reader may start and confirm assessments (the lead). */
  mayLead: z.boolean(),
});
export type AssessmentList = z.infer<typeof assessmentListSchema>;

const ratingOrNull = z.enum(RATINGS).nullable();

export const statementRatingSchema = z.object({
  key: z.string(),
  text: z.string(),
  rating: ratingOrNull,
  evidenceText: z.string(),
  evidence: z.array(evidenceSchema),
  /** 0 while never saved. */
  version: z.number(),
  lastChanged: personAt,
  /** The rating in the previous assessment of the same framework (null if none or not rated). */
  previousRating: ratingOrNull,
});
export type StatementRating = z.infer<typeof statementRatingSchema>;

export const areaAssessmentSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** The median of its rated statements, rounded down. */
  rating: ratingOrNull,
  previousRating: ratingOrNull,
  counts: z.object({
    not_in_place: z.number(),
    emerging: z.number(),
    established: z.number(),
    embedded: z.number(),
    unrated: z.number(),
  }),
  /** The resource library for this area, when the area is rated below established. */
  resourcesHref: z.string().nullable(),
  statements: z.array(statementRatingSchema),
});
export type AreaAssessment = z.infer<typeof areaAssessmentSchema>;

export const assessmentDetailSchema = z.object({
  assessment: assessmentSummarySchema,
  previous: z.object({ id: z.string(), periodLabel: z.string() }).nullable(),
  areas: z.array(areaAssessmentSchema),
  mayLead: z.boolean(),
  /** Whether the reader may rate and write evidence now (a contributor, and still a draft). */
  mayEdit: z.boolean(),
});
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;

export const savedStatementSchema = z.object({ statement: statementRatingSchema });
export type SavedStatement = z.infer<typeof savedStatementSchema>;

export const evidenceRecordsSchema = z.object({
  groups: z.array(
    z.object({
      kind: z.string(),
      heading: z.string(),
      records: z.array(z.object({ kind: z.string(), id: z.string(), label: z.string(), href: z.string() })),
    }),
  ),
});
export type EvidenceRecords = z.infer<typeof evidenceRecordsSchema>;

export const progressQuery = z.strictObject({
  framework: z.enum(FRAMEWORKS, { error: 'Choose a framework' }),
});

export const assessmentProgressSchema = z.object({
  framework: z.enum(FRAMEWORKS),
  areas: z.array(z.object({ key: z.string(), title: z.string() })),
  /** Confirmed assessments and the current draft, oldest first. */
  periods: z.array(
    z.object({
      assessmentId: z.string(),
      periodLabel: z.string(),
      status: z.enum(ASSESSMENT_STATUSES),
      startedOn: z.string(),
      /** Each area's rating, in the order of `areas`. */
      ratings: z.array(ratingOrNull),
    }),
  ),
});
export type AssessmentProgress = z.infer<typeof assessmentProgressSchema>;
