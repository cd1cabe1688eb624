/** Requests and answers of the staff training record. */
import { z } from 'zod';
import { SCHOOL_STAFF_ROLES } from '../auth/roles';
import { documentSchema } from '../documents/documents.values';
import {
  TRAINING_COURSES,
  TRAINING_MAX_RENEWAL_MONTHS,
  TRAINING_RECORD_STATUSES,
  TRAINING_STATUSES,
} from './training.values';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a real date');
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .default('');

/** What a record says about the training (the person is chosen once, when it is added). */
const recordFields = {
  course: z.enum(TRAINING_COURSES, { error: 'Choose the training' }),
  /** The name of an "other" course (required for it, ignored otherwise). */
  otherName: optional(120),
  completedOn: day,
  provider: z
    .string({ error: 'Enter who gave the training' })
    .trim()
    .min(1, 'Enter who gave the training')
    .max(120, 'Must be 120 characters or fewer'),
  /** Months until it is renewed; null when it does not expire; left out for the course's usual period. */
  renewalMonths: z
    .number({ error: 'Enter the renewal period as a number of months' })
    .int('Enter the renewal period as a whole number of months')
    .min(1, `Enter a renewal period from 1 to ${String(TRAINING_MAX_RENEWAL_MONTHS)} months`)
    .max(TRAINING_MAX_RENEWAL_MONTHS, `Enter a renewal period from 1 to ${String(TRAINING_MAX_RENEWAL_MONTHS)} months`)
    .nullable()
    .optional(),
  certificateDocumentId: z.uuid().nullable().default(null),
  notes: optional(1_000),
};

function otherNeedsName(v: { course: string; otherName: string }, ctx: z.RefinementCtx) {
  if (v.course === 'other' && v.otherName === '') {
    ctx.addIssue({ code: 'custom', path: ['otherName'], message: 'Enter the name of the training' });
  }
}

/** Training done: by the person themself (awaiting confirmation), or by the lead for anyone (confirmed). */
export const addTrainingSchema = z
  .strictObject({
    /** The member of staff it is for; left out for yourself. */
    userId: z.uuid().optional(),
    ...recordFields,
    /** Makes a double-submitted form create one record. */
    submissionKey: z.uuid().optional(),
  })
  .superRefine(otherNeedsName);
export type AddTraining = z.infer<typeof addTrainingSchema>;

export const trainingDetailsSchema = z.strictObject(recordFields).superRefine(otherNeedsName);
export type TrainingDetails = z.infer<typeof trainingDetailsSchema>;

/** The lead corrects a record: a change made meanwhile (another version) is refused, not overwritten. */
export const changeTrainingSchema = z.strictObject({
  details: trainingDetailsSchema,
  version: z.number().int().min(1),
});

export const confirmTrainingSchema = z.strictObject({ version: z.number().int().min(1) });

export const trainingSavedSchema = z.object({ id: z.uuid(), version: z.number().int() });

const expiryStatus = z.enum(['up_to_date', 'due', 'overdue']);

/** One record, as listed. */
export const trainingRecordSummarySchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  course: z.enum(TRAINING_COURSES),
  /** The course's name, or the "other" training's own name. */
  courseName: z.string(),
  completedOn: day,
  provider: z.string(),
  expiresOn: day.nullable(),
  /** Whether the training done on that day is still in date (whatever newer training says). */
  expiry: expiryStatus,
  status: z.enum(TRAINING_RECORD_STATUSES),
  version: z.number().int(),
});
export type TrainingRecordSummary = z.infer<typeof trainingRecordSummarySchema>;

export const trainingRecordSchema = trainingRecordSummarySchema.extend({
  staffName: z.string(),
  otherName: z.string(),
  renewalMonths: z.number().int().nullable(),
  certificate: documentSchema.nullable(),
  notes: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** The reader may correct it (the lead). */
  canEdit: z.boolean(),
  /** The reader may confirm it (the lead, while it awaits confirmation). */
  canConfirm: z.boolean(),
});
export type TrainingRecord = z.infer<typeof trainingRecordSchema>;

/** Where one person stands on one course they need. */
export const courseStandingSchema = z.object({
  course: z.enum(TRAINING_COURSES),
  status: z.enum(TRAINING_STATUSES),
  recordId: z.uuid().nullable(),
  completedOn: day.nullable(),
  expiresOn: day.nullable(),
});
export type CourseStandingItem = z.infer<typeof courseStandingSchema>;

/** A person's own training: what their roles need, and every record they have. */
export const myTrainingSchema = z.object({
  today: day,
  required: z.array(courseStandingSchema),
  records: z.array(trainingRecordSummarySchema),
  /** The reader keeps the school's record (sees the school view, confirms, adds for others). */
  canManage: z.boolean(),
});
export type MyTraining = z.infer<typeof myTrainingSchema>;

/** Filters of the school view and its CSV. */
export const schoolTrainingQuery = z.strictObject({
  course: z.enum(TRAINING_COURSES).optional(),
  status: z.enum(TRAINING_STATUSES).optional(),
  role: z.enum(SCHOOL_STAFF_ROLES).optional(),
});
export type SchoolTrainingQuery = z.infer<typeof schoolTrainingQuery>;

const countsSchema = z.object({
  up_to_date: z.number().int(),
  due: z.number().int(),
  overdue: z.number().int(),
  missing: z.number().int(),
  awaiting: z.number().int(),
});

export const trainingStaffRowSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  roles: z.array(z.enum(SCHOOL_STAFF_ROLES)),
  courses: z.array(courseStandingSchema),
});
export type TrainingStaffRow = z.infer<typeof trainingStaffRowSchema>;

export const trainingAwaitingSchema = z.object({
  recordId: z.uuid(),
  userId: z.uuid(),
  staffName: z.string(),
  course: z.enum(TRAINING_COURSES),
  courseName: z.string(),
  completedOn: day,
  provider: z.string(),
  version: z.number().int(),
});
export type TrainingAwaiting = z.infer<typeof trainingAwaitingSchema>;

/** The school view: every member of staff, the counts per course, the gaps by role, what awaits confirmation. */
export const schoolTrainingSchema = z.object({
  today: day,
  /** Every member of staff now. */
  totalStaff: z.number().int(),
  /** The staff the filters leave, each with the courses they need (only the filtered course, if one). */
  staff: z.array(trainingStaffRowSchema),
  counts: z.array(z.object({ course: z.enum(TRAINING_COURSES), counts: countsSchema })),
  gaps: z.array(
    z.object({
      holder: z.enum(['staff', ...SCHOOL_STAFF_ROLES]),
      course: z.enum(TRAINING_COURSES),
      counts: countsSchema,
      sentence: z.string(),
    }),
  ),
  awaiting: z.array(trainingAwaitingSchema),
});
export type SchoolTraining = z.infer<typeof schoolTrainingSchema>;
