/**
 * A school's single sign-on connections (one per provider) and the one-time attempts between
 * Tandem and the identity provider (kept in the database, so any app process may finish what
 * another started). The rules every table keeps are in db/schema.ts.
 */
import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { oneOf, ts } from '../db/columns';
import { schools } from '../schools/schools.tables';
import { users } from '../auth/auth.tables';
import { SSO_PROVIDERS } from './sso.values';

export const ssoConnections = pgTable(
  'sso_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    provider: text('provider').$type<(typeof SSO_PROVIDERS)[number]>().notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** Never returned by the API. */
    clientSecret: text('client_secret').notNull(),
    /** Lower-cased e-mail domains (after the @) staff of this school use. */
    domains: text('domains').array().notNull(),
    /** Accept the identity provider's multi-factor authentication (`amr`) in place of Tandem's. */
    acceptIdpMfa: boolean('accept_idp_mfa').notNull().default(false),
    enabled: boolean('enabled').notNull().default(false),
    lastCheckedAt: ts('last_checked_at'),
    lastCheckOk: boolean('last_check_ok'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('sso_connections_school_provider_uq').on(t.schoolId, t.provider),
    check('sso_connections_provider_ck', oneOf(t.provider, SSO_PROVIDERS)),
  ],
);

export const ssoAttempts = pgTable(
  'sso_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => ssoConnections.id),
    /** SHA-256 of the `state` sent to the identity provider. */
    stateHash: text('state_hash').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /**
     * SHA-256 of a random value kept in a short-lived cookie of the browser that started the
     * sign-in: the attempt is finished only in that browser, so nobody can sign someone else in
     * as themself with a link (RFC 6749 section 10.12).
     */
    browserHash: text('browser_hash').notNull(),
    /** Hash of the address typed, for the per-address sign-in throttle (never the address itself). */
    throttleKey: text('throttle_key').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [uniqueIndex('sso_attempts_state_uq').on(t.stateHash), index('sso_attempts_expires_idx').on(t.expiresAt)],
);
