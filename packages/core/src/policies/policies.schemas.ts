/** Requests and answers of the policy register. */
import { z } from 'zod';
import { SCHOOL_STAFF_ROLES } from '../auth/roles';
import { documentSchema } from '../documents/documents.values';
import { POLICY_KINDS, POLICY_READERS, POLICY_STATUSES } from './policies.values';

const needed = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .default('');
const day = (what: string) => z.iso.date(`Enter ${what} as a date`);

/** One version as written by a manager: a file and/or a link, its approval and its next review. */
const versionFields = {
  documentId: z.uuid('Upload the file again').nullable().default(null),
  link: z
    .string()
    .trim()
    .max(500, 'Must be 500 characters or fewer')
    .refine((v) => v === '' || /^https:\/\/[^\s]+$/.test(v), 'Enter a web address starting https://')
    .default(''),
  approvedOn: day('the date it was approved'),
  approvedBy: needed('who approved it', 120),
  summary: optional(1_000),
  /** Left out (null) for the kind's usual period from the approval date. */
  nextReviewOn: day('the next review date').nullable().default(null),
  reviewReason: optional(500),
};

/**
 * A version needs its file or a link to it. The form checks it first (the *Body schemas); the
 * server checks it after sign-in and permission (the API's *Request schemas leave it out, so that a
 * request from someone not allowed is refused as such, whatever it holds).
 */
export function fileOrLinkProblem(v: {
  documentId: string | null;
  link: string;
}): { path: string; message: string } | null {
  return v.documentId === null && v.link === ''
    ? { path: 'link', message: 'Upload the policy’s file or give a link to it' }
    : null;
}

function fileOrLink(v: { documentId: string | null; link: string }, ctx: z.RefinementCtx) {
  const problem = fileOrLinkProblem(v);
  if (problem !== null) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
}

export const policyVersionInput = z.strictObject(versionFields).superRefine(fileOrLink);
export type PolicyVersionInput = z.infer<typeof policyVersionInput>;

const readerFields = {
  readers: z.enum(POLICY_READERS, { error: 'Choose who must read it' }),
  readerRoles: z
    .array(z.enum(SCHOOL_STAFF_ROLES))
    .max(SCHOOL_STAFF_ROLES.length)
    .default([])
    .transform((r) => [...new Set(r)]),
};

function rolesWhenChosen(v: { readers: string; readerRoles: readonly string[] }, ctx: z.RefinementCtx) {
  if (v.readers === 'roles' && v.readerRoles.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['readerRoles'], message: 'Choose at least one role that must read it' });
  }
}

/** A new policy as the API takes it (the server then checks it has a file or a link). */
export const addPolicyRequest = z
  .strictObject({
    kind: z.enum(POLICY_KINDS, { error: 'Choose the kind of policy' }),
    title: needed('the policy’s title', 200),
    ownerUserId: z.uuid('Choose who owns the policy'),
    ...readerFields,
    ...versionFields,
  })
  .superRefine(rolesWhenChosen);
/** A new policy as the form checks it: with its file or a link. */
export const addPolicyBody = addPolicyRequest.superRefine(fileOrLink);
export type AddPolicyBody = z.infer<typeof addPolicyRequest>;

/** A new version as the API takes it (the server then checks it has a file or a link). */
export const addPolicyVersionRequest = z.strictObject({
  /** The register entry's revision the editor started from: a change made meanwhile is refused. */
  revision: z.number().int().min(1),
  ...versionFields,
});
/** A new version as the form checks it: with its file or a link. */
export const addPolicyVersionBody = addPolicyVersionRequest.superRefine(fileOrLink);
export type AddPolicyVersionBody = z.infer<typeof addPolicyVersionRequest>;

export const changePolicyBody = z
  .strictObject({
    revision: z.number().int().min(1),
    title: needed('the policy’s title', 200),
    ownerUserId: z.uuid('Choose who owns the policy'),
    ...readerFields,
  })
  .superRefine(rolesWhenChosen);
export type ChangePolicyBody = z.infer<typeof changePolicyBody>;

export const confirmPolicyReadBody = z.strictObject({
  /** The version read: only the current one counts. */
  version: z.number().int().min(1),
});

export const policyListQuery = z.strictObject({
  status: z.enum(POLICY_STATUSES).optional(),
});

const person = z.object({ id: z.uuid(), name: z.string() });

export const policySummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(POLICY_KINDS),
  title: z.string(),
  owner: person,
  version: z.number().int(),
  approvedOn: z.string(),
  nextReviewOn: z.string(),
  status: z.enum(POLICY_STATUSES),
  readers: z.enum(POLICY_READERS),
  readerRoles: z.array(z.enum(SCHOOL_STAFF_ROLES)),
  /** Required readers and how many have confirmed the current version (null when nobody is required). */
  reads: z.object({ required: z.number().int(), confirmed: z.number().int() }).nullable(),
  requiredOfMe: z.boolean(),
  /** The reader has confirmed the current version. */
  readByMe: z.boolean(),
  revision: z.number().int(),
});
export type PolicySummary = z.infer<typeof policySummarySchema>;

export const policyVersionSchema = z.object({
  version: z.number().int(),
  document: documentSchema.nullable(),
  link: z.string().nullable(),
  approvedOn: z.string(),
  approvedBy: z.string(),
  summary: z.string(),
  nextReviewOn: z.string(),
  reviewReason: z.string(),
  addedByName: z.string(),
  addedAt: z.string(),
});
export type PolicyVersion = z.infer<typeof policyVersionSchema>;

/** Staff of the school, for choosing an owner (managers only). */
const staffMember = person.extend({ roles: z.array(z.enum(SCHOOL_STAFF_ROLES)) });

export const policyListResponse = z.object({
  policies: z.array(policySummarySchema),
  /** Every policy's status, whatever the filter, for the filter's counts. */
  counts: z.object({ in_date: z.number().int(), due_soon: z.number().int(), overdue: z.number().int() }),
  canManage: z.boolean(),
  /** Empty unless the reader manages the register. */
  staff: z.array(staffMember),
});
export type PolicyList = z.infer<typeof policyListResponse>;

export const policyDetailResponse = z.object({
  policy: policySummarySchema,
  current: policyVersionSchema,
  /** Every version, newest first (the current one included). */
  history: z.array(policyVersionSchema),
  /** For managers: required readers who have not confirmed the current version (null for others). */
  notRead: z.array(person).nullable(),
  canManage: z.boolean(),
  staff: z.array(staffMember),
});
export type PolicyDetail = z.infer<typeof policyDetailResponse>;
