/** Requests and answers of the resource library. */
import { z } from 'zod';
import { AREA_KEYS } from '../improvement/areas';
import { documentSchema } from '../documents/documents.values';
import { RESOURCE_AUDIENCES, RESOURCE_KINDS, RESOURCE_SCOPES, RESOURCE_STATUSES } from './resources.values';

const needed = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);

/** Adding or changing an entry, as the API takes it: a link (https only) or a document, or both. */
export const resourceFieldsSchema = z.strictObject({
  title: needed('the title', 160),
  description: needed('what it is, in plain words', 1_000),
  audiences: z
    .array(z.enum(RESOURCE_AUDIENCES, { error: 'Choose who it is for from the list' }), {
      error: 'Choose who it is for',
    })
    .min(1, 'Choose who it is for')
    .transform((a) => [...new Set(a)]),
  kind: z.enum(RESOURCE_KINDS, { error: 'Choose what kind of resource it is' }),
  areas: z
    .array(z.enum(AREA_KEYS, { error: 'Choose areas from the list' }), {
      error: 'Choose at least one area it serves',
    })
    .min(1, 'Choose at least one area it serves')
    .transform((a) => [...new Set(a)]),
  url: z
    .string()
    .trim()
    .max(500, 'Must be 500 characters or fewer')
    .refine((v) => v === '' || /^https:\/\/[^\s/]+\.[^\s]+$/.test(v), 'Enter a web address starting https://')
    .default(''),
  documentId: z.uuid({ error: 'Choose a document that was uploaded' }).nullable().default(null),
});
/**
 * An entry needs a web address or a document. The form checks it first (resourceInputSchema); the
 * server checks it after sign-in and permission (the API's resourceFieldsSchema leaves it out, so
 * that a request from someone not allowed is refused as such, whatever it holds).
 */
export function linkOrDocumentProblem(v: { url: string; documentId: string | null }): {
  path: string;
  message: string;
} | null {
  return v.url === '' && v.documentId === null
    ? { path: 'url', message: 'Give a web address or upload a document' }
    : null;
}

/** An entry as the form checks it: with a web address or a document. */
export const resourceInputSchema = resourceFieldsSchema.superRefine((v, ctx) => {
  const problem = linkOrDocumentProblem(v);
  if (problem !== null) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
});
export type ResourceInput = z.infer<typeof resourceFieldsSchema>;

export const changeResourceSchema = z.strictObject({
  details: resourceFieldsSchema,
  /** The version the editor started from: a change made meanwhile is refused, not overwritten. */
  version: z.number().int().min(1),
});

/** Withdrawing an entry: the version seen, so a change made meanwhile is not lost unseen. */
export const withdrawResourceSchema = z.strictObject({ version: z.number().int().min(1) });

export const resourceSearchQuery = z.strictObject({
  area: z.enum(AREA_KEYS).optional(),
  audience: z.enum(RESOURCE_AUDIENCES).optional(),
  kind: z.enum(RESOURCE_KINDS).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ResourceSearch = z.infer<typeof resourceSearchQuery>;

export const resourceSchema = z.object({
  id: z.string(),
  scope: z.enum(RESOURCE_SCOPES),
  status: z.enum(RESOURCE_STATUSES),
  version: z.number(),
  title: z.string(),
  description: z.string(),
  audiences: z.array(z.enum(RESOURCE_AUDIENCES)),
  kind: z.enum(RESOURCE_KINDS),
  areas: z.array(z.string()),
  url: z.string(),
  document: documentSchema.nullable(),
  lastReviewedOn: z.string(),
  lastReviewedByName: z.string().nullable(),
  /** Not reviewed for a year. */
  reviewDue: z.boolean(),
  /** Whether the reader may change, review and withdraw it (the school's own for its SMHL; shared ones for the trust). */
  canEdit: z.boolean(),
});
export type Resource = z.infer<typeof resourceSchema>;

export const resourceListSchema = z.object({
  resources: z.array(resourceSchema),
  /** How many entries of the whole library (not only those found) serve each area. */
  areaCounts: z.record(z.string(), z.number()),
  /** How many entries the reader keeps are due for review (in the whole library, not only those found). */
  dueForReview: z.number().int().nonnegative(),
  canAdd: z.boolean(),
});
export type ResourceList = z.infer<typeof resourceListSchema>;

export const resourceDetailSchema = z.object({ resource: resourceSchema });
export type ResourceDetail = z.infer<typeof resourceDetailSchema>;
