/**
 * People, the roles they hold, and signing in: sessions, recovery codes, reset and invitation
 * links. The rules every table keeps are in db/schema.ts, which gathers them all for Drizzle and
 * the migrations.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, oneOf, ts } from '../db/columns';
import { ONE_TIME_TOKEN_PURPOSES } from './auth.values';
import { ROLES } from './roles';
import { schools, trusts } from '../schools/schools.tables';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id hash; null until the person accepts their invitation. */
    passwordHash: text('password_hash'),
    /** Base32 TOTP secret; null when two-factor is not set up. */
    totpSecret: text('totp_secret'),
    /** Secret generated during enrolment, kept until the first code confirms it. */
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: ts('totp_enabled_at'),
    /** Last TOTP time step accepted, so a code cannot be replayed. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    disabledAt: ts('disabled_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    /** null for a trust role (trust_admin, trust_lead). */
    schoolId: uuid('school_id').references(() => schools.id),
    role: text('role', { enum: ROLES }).notNull(),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: createdAt(),
    /** Roles are revoked, not deleted, so who held what and when stays answerable. */
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    /** A pastoral lead's year groups (need-to-know by caseload); null for other roles. */
    scopeYearGroups: integer('scope_year_groups').array(),
    /** Set when the school widened this person's case scope to the whole school, and why. */
    scopeWidenedReason: text('scope_widened_reason'),
    scopeWidenedBy: uuid('scope_widened_by').references(() => users.id),
    scopeWidenedAt: ts('scope_widened_at'),
  },
  (t) => [
    index('role_assignments_user_idx').on(t.userId),
    index('role_assignments_school_idx').on(t.schoolId, t.role),
    uniqueIndex('role_assignments_active_uq')
      .on(t.userId, t.trustId, sql`coalesce(${t.schoolId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.role)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * Failed sign-in counting per e-mail address (whether or not an account exists, so the lock-out
 * itself reveals nothing). The key is a hash of the normalised address.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: ts('window_started_at').notNull(),
  lockedUntil: ts('locked_until'),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen database does not yield usable cookies. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    idleTimeoutSeconds: integer('idle_timeout_seconds').notNull(),
    /** Password checked; true once the second factor is also satisfied (or not needed). */
    mfaSatisfied: boolean('mfa_satisfied').notNull().default(false),
    ip: text('ip'),
    /**
     * How the person proved who they are: 'password', or 'sso:<provider>' ('sso:microsoft'), so
     * the sign-in entry written when Tandem's second factor completes it says the same as the rest.
     * Null for sessions opened before it was kept.
     */
    signInMethod: text('sign_in_method'),
    endedAt: ts('ended_at'),
    /**
     * Set while the signed-in member of staff has handed this device to a pupil to answer one
     * questionnaire: the session then answers nothing but that questionnaire until the staff member
     * signs back in with their own password.
     */
    handedTo: jsonb('handed_to').$type<{ schoolId: string; questionnaireId: string }>(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Password-reset and invitation links. Only the hash of the token is stored. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose', { enum: ONE_TIME_TOKEN_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('one_time_tokens_hash_uq').on(t.tokenHash),
    check('one_time_tokens_purpose_ck', oneOf(t.purpose, ONE_TIME_TOKEN_PURPOSES)),
  ],
);
