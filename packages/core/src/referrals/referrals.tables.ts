/**
 * The services directory and referrals. The rules every table keeps are in db/schema.ts, which
 * gathers them all for Drizzle and the migrations.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { SERVICE_SCOPES, SERVICE_STATUSES, type ServiceDetails } from './services.values';
import { REFERRAL_CONSENT, REFERRAL_SERVICES, REFERRAL_STATUSES, type ReferralPart } from './referrals.values';
import { schools, trusts } from '../schools/schools.tables';
import { pupils } from '../pupils/pupils.tables';
import { users } from '../auth/auth.tables';

/**
 * A directory entry: national and shared entries belong to the trust (school_id null); a school's
 * own local entries carry its school_id. Each change is a new row in service_versions.
 */
export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    schoolId: uuid('school_id').references(() => schools.id),
    scope: text('scope', { enum: SERVICE_SCOPES }).notNull(),
    details: jsonb('details').$type<ServiceDetails>().notNull(),
    status: text('status', { enum: SERVICE_STATUSES }).notNull(),
    version: integer('version').notNull().default(1),
    lastCheckedOn: date('last_checked_on', { mode: 'string' }).notNull(),
    /** The last check reminder sent to the lead, so each falls due once. */
    checkReminderFor: date('check_reminder_for', { mode: 'string' }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('services_trust_idx').on(t.trustId, t.schoolId, t.status),
    check('services_scope_ck', oneOf(t.scope, SERVICE_SCOPES)),
    check('services_status_ck', oneOf(t.status, SERVICE_STATUSES)),
  ],
);

/** Every version of a directory entry, as it read and who changed it. */
export const serviceVersions = pgTable(
  'service_versions',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    version: integer('version').notNull(),
    details: jsonb('details').$type<ServiceDetails>().notNull(),
    status: text('status', { enum: SERVICE_STATUSES }).notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [uniqueIndex('service_versions_uq').on(t.serviceId, t.version)],
);

/** A referral of a pupil to an outside service, from draft to closed. */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    service: text('service', { enum: REFERRAL_SERVICES }).notNull(),
    /** The directory entry it goes to, when there is one (e.g. the local CAMHS). */
    serviceId: uuid('service_id').references(() => services.id),
    parts: jsonb('parts').$type<Partial<Record<ReferralPart, string>>>().notNull().default({}),
    consent: text('consent', { enum: REFERRAL_CONSENT }),
    consentNote: text('consent_note').notNull().default(''),
    /** Social care without asking parents: the restricted record, for the DSL team only. */
    restricted: boolean('restricted').notNull().default(false),
    /** Started in an emergency by any member of staff: the SENDCO and the SMHL were alerted. */
    emergency: boolean('emergency').notNull().default(false),
    status: text('status', { enum: REFERRAL_STATUSES }).notNull(),
    sentOn: date('sent_on', { mode: 'string' }),
    firstAppointmentOn: date('first_appointment_on', { mode: 'string' }),
    lastStepOn: date('last_step_on', { mode: 'string' }),
    declineReason: text('decline_reason'),
    /** When a lead shared the referral with the child's parents in the portal (never a restricted one). */
    sharedWithParentsAt: ts('shared_with_parents_at'),
    sharedWithParentsBy: uuid('shared_with_parents_by').references(() => users.id),
    signpostedTo: text('signposted_to'),
    madeBy: uuid('made_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    submissionKey: text('submission_key'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('referrals_school_idx').on(t.schoolId, t.status, t.sentOn),
    index('referrals_pupil_idx').on(t.schoolId, t.pupilId),
    uniqueIndex('referrals_submission_uq').on(t.schoolId, t.madeBy, t.submissionKey),
    check('referrals_service_ck', oneOf(t.service, REFERRAL_SERVICES)),
    check('referrals_status_ck', oneOf(t.status, REFERRAL_STATUSES)),
    check('referrals_sent_ck', sql`${t.status} = 'draft' or ${t.sentOn} is not null`),
  ],
);

/** Each step of a referral: when it happened (as told), who recorded it and a note. */
export const referralSteps = pgTable(
  'referral_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    status: text('status', { enum: REFERRAL_STATUSES }).notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('referral_steps_idx').on(t.schoolId, t.referralId, t.recordedAt)],
);
