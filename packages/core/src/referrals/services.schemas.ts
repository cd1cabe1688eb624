/** Requests and answers of the services directory. */
import { z } from 'zod';
import { SERVICE_AUDIENCES, SERVICE_NEEDS, SERVICE_SCOPES, SERVICE_STATUSES } from './services.values';

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .default('');
const needed = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Must be ${max.toLocaleString('en-GB')} characters or fewer`);
const age = (label: string) =>
  z
    .number({ error: `Enter ${label} as a number` })
    .int(`Enter ${label} as a whole number`)
    .min(0, 'Enter an age from 0 to 25')
    .max(25, 'Enter an age from 0 to 25');

/** Adding or changing a directory entry. */
export const serviceInputSchema = z
  .strictObject({
    name: needed('the name of the service', 120),
    description: needed('what the service does, in plain words', 1_000),
    audiences: z
      .array(z.enum(SERVICE_AUDIENCES))
      .min(1, 'Choose who the service is for')
      .transform((a) => [...new Set(a)]),
    ageFrom: age('the youngest age'),
    ageTo: age('the oldest age'),
    needs: z
      .array(z.enum(SERVICE_NEEDS))
      .min(1, 'Choose at least one need it helps with')
      .transform((n) => [...new Set(n)]),
    howToRefer: optional(1_000),
    selfReferral: z.boolean({ error: 'Say whether a family can refer themselves' }),
    openingHours: optional(300),
    phone: optional(60),
    text: optional(120),
    web: z
      .string()
      .trim()
      .max(300)
      .refine((v) => v === '' || /^https:\/\/[^\s]+$/.test(v), 'Enter a web address starting https://')
      .default(''),
    status: z.enum(SERVICE_STATUSES).default('active'),
  })
  .superRefine((v, ctx) => {
    if (v.ageTo < v.ageFrom)
      ctx.addIssue({ code: 'custom', path: ['ageTo'], message: 'The oldest age cannot be below the youngest' });
    if (v.phone === '' && v.text === '' && v.web === '' && v.howToRefer === '') {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Give at least one way to reach the service' });
    }
  });
export type ServiceInput = z.infer<typeof serviceInputSchema>;

export const changeServiceSchema = z.strictObject({
  details: serviceInputSchema,
  /** The version the editor started from: a change made meanwhile is refused, not overwritten. */
  version: z.number().int().min(1),
});

export const serviceSearchQuery = z.strictObject({
  need: z.enum(SERVICE_NEEDS).optional(),
  age: z.coerce.number().int().min(0).max(25).optional(),
  audience: z.enum(SERVICE_AUDIENCES).optional(),
  q: z.string().trim().max(100).optional(),
  includeRetired: z.enum(['true', 'false']).optional(),
});

export const serviceSchema = z.object({
  id: z.string(),
  scope: z.enum(SERVICE_SCOPES),
  status: z.enum(SERVICE_STATUSES),
  version: z.number(),
  name: z.string(),
  description: z.string(),
  audiences: z.array(z.enum(SERVICE_AUDIENCES)),
  ageFrom: z.number(),
  ageTo: z.number(),
  needs: z.array(z.enum(SERVICE_NEEDS)),
  howToRefer: z.string(),
  selfReferral: z.boolean(),
  openingHours: z.string(),
  phone: z.string(),
  text: z.string(),
  web: z.string(),
  lastCheckedOn: z.string(),
  /** A local entry not checked for a year: the lead is reminded. */
  checkDue: z.boolean(),
  /** Whether the reader may change this entry (the school's own, for its SMHL; shared ones, for the trust). */
  canEdit: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;

export const serviceListSchema = z.object({
  services: z.array(serviceSchema),
  canAdd: z.boolean(),
});
export type ServiceList = z.infer<typeof serviceListSchema>;

export const serviceDetailSchema = z.object({
  service: serviceSchema,
  history: z.array(
    z.object({
      version: z.number(),
      status: z.enum(SERVICE_STATUSES),
      name: z.string(),
      changedByName: z.string().nullable(),
      changedAt: z.string(),
    }),
  ),
});
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;
