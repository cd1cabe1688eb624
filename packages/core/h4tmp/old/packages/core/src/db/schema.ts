/**
 * The database schema: the single source of truth for every stored shape. Zod schemas, route
 * schemas and forms derive from these tables. Every school-owned table carries `school_id` and every
 * index that serves a list starts with it, so no query's cost grows with other schools' rows.
 *
 * Only PostgreSQL 15 features are used: production runs 15, the embedded PGlite runs 18.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const trusts = pgTable('trusts', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    trustId: uuid('trust_id')
      .notNull()
      .references(() => trusts.id),
    name: text('name').notNull(),
    /** The Department for Education's unique reference number, six digits. */
    urn: text('urn'),
    /** Address and contact lines printed at the top of letters home. */
    letterhead: text('letterhead').notNull().default(''),
    /** Idle minutes after which a staff session ends. */
    staffIdleMinutes: integer('staff_idle_minutes').notNull().default(30),
    /** Minutes an urgent concern may wait unacknowledged before deputies and the head are alerted. */
    urgentAckMinutes: integer('urgent_ack_minutes').notNull().default(15),
    createdAt: createdAt(),
  },
  (t) => [index('schools_trust_idx').on(t.trustId, t.name), uniqueIndex('schools_urn_uq').on(t.urn)],
);

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
    role: text('role').notNull(),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: createdAt(),
    /** Roles are revoked, not deleted, so who held what and when stays answerable. */
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
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
    endedAt: ts('ended_at'),
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
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('one_time_tokens_hash_uq').on(t.tokenHash),
    check('one_time_tokens_purpose_ck', sql`${t.purpose} in ('password_reset', 'invitation')`),
  ],
);

/**
 * The audit trail. Append-only (a trigger refuses UPDATE and DELETE) and hash-chained: each row's
 * hash covers its content and the previous row's hash, so `npm run audit:verify` finds the first
 * altered or missing entry.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    trustId: uuid('trust_id'),
    schoolId: uuid('school_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    ip: text('ip'),
    detail: jsonb('detail').notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_school_idx').on(t.schoolId, t.seq),
    index('audit_events_trust_idx').on(t.trustId, t.seq),
    index('audit_events_subject_idx').on(t.subjectType, t.subjectId, t.seq),
    index('audit_events_actor_idx').on(t.actorUserId, t.seq),
  ],
);

/** One row: the head of the audit chain. Locking it serialises appends so the chain stays linear. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

export const pupils = pgTable(
  'pupils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** Unique pupil number from the MIS: 13 characters. */
    upn: text('upn').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    /** 0 = Reception, 1..13 = Year 1..13; -1 = Nursery. */
    yearGroup: integer('year_group').notNull(),
    form: text('form').notNull().default(''),
    /** 'none', 'support' (SEN support) or 'ehcp' (education, health and care plan). */
    send: text('send').notNull().default('none'),
    pupilPremium: boolean('pupil_premium').notNull().default(false),
    lookedAfter: boolean('looked_after').notNull().default(false),
    childInNeed: boolean('child_in_need').notNull().default(false),
    youngCarer: boolean('young_carer').notNull().default(false),
    eal: boolean('eal').notNull().default(false),
    /** Set when the pupil leaves; pupils are never deleted by a user. */
    leftOn: date('left_on', { mode: 'string' }),
    /** The pupil's own portal account, if they have one. */
    userId: uuid('user_id').references(() => users.id),
    /** Current level code (MH1..MH5), null = Thriving. Kept in step with level_changes. */
    currentLevel: text('current_level'),
    levelChangedAt: ts('level_changed_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('pupils_school_level_idx').on(t.schoolId, t.currentLevel),
    uniqueIndex('pupils_school_upn_uq').on(t.schoolId, t.upn),
    index('pupils_school_name_idx').on(t.schoolId, t.familyName, t.givenName, t.id),
    index('pupils_school_year_idx').on(t.schoolId, t.yearGroup, t.familyName, t.givenName, t.id),
    // Pupils on roll: the default list, which must not read the school's years of former pupils.
    index('pupils_on_roll_name_idx')
      .on(t.schoolId, t.familyName, t.givenName, t.id)
      .where(sql`${t.leftOn} is null`),
    index('pupils_on_roll_year_idx')
      .on(t.schoolId, t.yearGroup, t.familyName, t.givenName, t.id)
      .where(sql`${t.leftOn} is null`),
    index('pupils_school_form_idx').on(t.schoolId, t.form),
    index('pupils_user_idx').on(t.userId),
    check('pupils_send_ck', sql`${t.send} in ('none', 'support', 'ehcp')`),
    check('pupils_year_ck', sql`${t.yearGroup} between -1 and 14`),
  ],
);

/** Parents and carers linked to a pupil, as the MIS holds them. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    name: text('name').notNull(),
    relationship: text('relationship').notNull().default('Parent'),
    email: text('email'),
    phone: text('phone'),
    parentalResponsibility: boolean('parental_responsibility').notNull().default(true),
    /** 1 = first contact. */
    priority: integer('priority').notNull().default(1),
    /** The parent's portal account, if they have one. */
    userId: uuid('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('contacts_pupil_idx').on(t.schoolId, t.pupilId), index('contacts_user_idx').on(t.userId)],
);

/** A class or tutor group: which staff teach which pupils (the need-to-know link for teachers). */
export const teachingGroups = pgTable(
  'teaching_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teaching_groups_school_code_uq').on(t.schoolId, t.code)],
);

export const teachingGroupStaff = pgTable(
  'teaching_group_staff',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => teachingGroups.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('teaching_group_staff_user_idx').on(t.schoolId, t.userId),
  ],
);

export const teachingGroupPupils = pgTable(
  'teaching_group_pupils',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => teachingGroups.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.pupilId] }),
    index('teaching_group_pupils_pupil_idx').on(t.schoolId, t.pupilId),
  ],
);

/**
 * A school's wording of one level of its framework. Rewording adds a new version; earlier versions
 * are kept, so a level change can show the wording that was in force when it was made.
 */
export const levelDefinitions = pgTable(
  'level_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** MH1..MH5: the structure, which a school cannot change. */
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    schoolProvides: jsonb('school_provides').$type<string[]>().notNull(),
    homeDoes: jsonb('home_does').$type<string[]>().notNull(),
    schoolToDo: jsonb('school_to_do').$type<string[]>().notNull(),
    homeToDo: jsonb('home_to_do').$type<string[]>().notNull(),
    evidenceToMoveUp: text('evidence_to_move_up').notNull(),
    /** What the level means for a parent, in plain words (used in letters home). */
    parentSummary: text('parent_summary').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    /** Set when a newer version replaces this one. */
    supersededAt: ts('superseded_at'),
  },
  (t) => [
    uniqueIndex('level_definitions_version_uq').on(t.schoolId, t.code, t.version),
    uniqueIndex('level_definitions_current_uq')
      .on(t.schoolId, t.code)
      .where(sql`${t.supersededAt} is null`),
  ],
);

/** Every change of a pupil's level, kept for ever: who, when, from, to, why, and on what evidence. */
export const levelChanges = pgTable(
  'level_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    fromLevel: text('from_level'),
    toLevel: text('to_level'),
    /** The wording of the new level in force at the time (null when moving to Thriving). */
    definitionId: uuid('definition_id').references(() => levelDefinitions.id),
    reason: text('reason').notNull(),
    evidence: jsonb('evidence').$type<{ kind: string; description: string; refId?: string | undefined }[]>().notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [index('level_changes_pupil_idx').on(t.schoolId, t.pupilId, t.changedAt)],
);

/** Termly sharing of levels: with parents (a letter) or with staff (a briefing). */
export const levelShares = pgTable(
  'level_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    audience: text('audience').notNull(),
    /** The level shared (null = Thriving). */
    level: text('level'),
    batchId: uuid('batch_id').notNull(),
    sharedBy: uuid('shared_by')
      .notNull()
      .references(() => users.id),
    sharedAt: ts('shared_at').notNull(),
  },
  (t) => [
    index('level_shares_pupil_idx').on(t.schoolId, t.pupilId, t.sharedAt),
    index('level_shares_audience_idx').on(t.schoolId, t.audience, t.sharedAt),
    check('level_shares_audience_ck', sql`${t.audience} in ('parents', 'staff')`),
  ],
);

/** An uploaded MIS export awaiting confirmation: the preview is kept so "apply" applies what was shown. */
export const pupilImports = pgTable(
  'pupil_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** 'pupils', 'contacts' or 'groups'. */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    /** 'previewed', 'applied' or 'discarded'. */
    status: text('status').notNull(),
    /** The validated rows, ready to apply. */
    rows: jsonb('rows').notNull(),
    summary: jsonb('summary').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    appliedAt: ts('applied_at'),
  },
  (t) => [
    index('pupil_imports_school_idx').on(t.schoolId, t.createdAt),
    check('pupil_imports_kind_ck', sql`${t.kind} in ('pupils', 'contacts', 'groups')`),
    check('pupil_imports_status_ck', sql`${t.status} in ('previewed', 'applied', 'discarded')`),
  ],
);

/** Corrections to a pupil's details made in Tandem (not by import): what changed, by whom, and why. */
export const pupilDetailChanges = pgTable(
  'pupil_detail_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [index('pupil_detail_changes_pupil_idx').on(t.schoolId, t.pupilId, t.changedAt)],
);

/**
 * A concern about a pupil, as logged by a member of staff. Once submitted its account is never
 * changed or deleted (court-safe record): corrections are addenda; changes of category, date or
 * pupils are recorded in concern_corrections and audited.
 */
export const concerns = pgTable(
  'concerns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** Human-friendly reference shown to staff, e.g. C-2026-0042. */
    reference: text('reference').notNull(),
    loggedBy: uuid('logged_by')
      .notNull()
      .references(() => users.id),
    loggedAt: ts('logged_at').notNull(),
    /** The logger's own key for this submission: a double submit creates one concern. */
    submissionKey: text('submission_key').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    location: text('location').notNull(),
    /** What was seen or heard. */
    account: text('account').notNull(),
    /** The pupil's own words, kept exactly as said (for a disclosure). */
    pupilWords: text('pupil_words'),
    warningSigns: jsonb('warning_signs').$type<string[]>().notNull(),
    othersPresent: text('others_present').notNull().default(''),
    riskOfImmediateHarm: boolean('risk_of_immediate_harm').notNull(),
    possibleChildProtection: boolean('possible_child_protection').notNull(),
    medicalEmergency: boolean('medical_emergency').notNull(),
    /** 'mental_health' or 'safeguarding'. */
    category: text('category').notNull(),
    /** 'mental_health_lead' or 'dsl'. */
    route: text('route').notNull(),
    urgent: boolean('urgent').notNull(),
    /** In the restricted safeguarding record: the DSL team only. */
    restricted: boolean('restricted').notNull(),
    /** Disclosure: what the pupil was told about who would be told, what and why; and consent. */
    isDisclosure: boolean('is_disclosure').notNull().default(false),
    disclosureToldWho: text('disclosure_told_who'),
    disclosureToldWhat: text('disclosure_told_what'),
    disclosureToldWhy: text('disclosure_told_why'),
    /** 'given', 'refused' or 'not_sought'. */
    disclosureConsent: text('disclosure_consent'),
    disclosureConsentNote: text('disclosure_consent_note'),
    /** 'open', 'acknowledged' or 'closed'. */
    status: text('status').notNull(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: ts('acknowledged_at'),
    /** When deputies and the head were alerted that an urgent concern was still unacknowledged. */
    escalationAlertedAt: ts('escalation_alerted_at'),
    escalatedToDslBy: uuid('escalated_to_dsl_by').references(() => users.id),
    escalatedToDslAt: ts('escalated_to_dsl_at'),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: ts('closed_at'),
    /**
     * Telling parents: 'not_to_be_told' (possible child protection or restricted), 'to_be_told',
     * 'pupil_telling' (the pupil tells them first, deadline set), or 'told'.
     */
    parentsStatus: text('parents_status').notNull(),
    pupilTellsBy: ts('pupil_tells_by'),
    pupilTellsReminderSentAt: ts('pupil_tells_reminder_sent_at'),
    parentsToldAt: ts('parents_told_at'),
    parentsToldHow: text('parents_told_how'),
    parentsToldBy: uuid('parents_told_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('concerns_submission_uq').on(t.schoolId, t.loggedBy, t.submissionKey),
    uniqueIndex('concerns_reference_uq').on(t.schoolId, t.reference),
    index('concerns_queue_idx').on(t.schoolId, t.route, t.status, t.loggedAt),
    index('concerns_logger_idx').on(t.schoolId, t.loggedBy, t.loggedAt),
    index('concerns_unacknowledged_idx')
      .on(t.loggedAt)
      .where(sql`${t.urgent} and ${t.status} = 'open' and ${t.escalationAlertedAt} is null`),
    index('concerns_pupil_tells_idx')
      .on(t.pupilTellsBy)
      .where(sql`${t.parentsStatus} = 'pupil_telling' and ${t.pupilTellsReminderSentAt} is null`),
    check('concerns_status_ck', sql`${t.status} in ('open', 'acknowledged', 'closed')`),
    check('concerns_route_ck', sql`${t.route} in ('mental_health_lead', 'dsl')`),
    check('concerns_parents_ck', sql`${t.parentsStatus} in ('not_to_be_told', 'to_be_told', 'pupil_telling', 'told')`),
  ],
);

/** The pupils a concern is about (one or more). */
export const concernPupils = pgTable(
  'concern_pupils',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
  },
  (t) => [
    primaryKey({ columns: [t.concernId, t.pupilId] }),
    index('concern_pupils_pupil_idx').on(t.schoolId, t.pupilId),
  ],
);

/** Additions to a concern after it was submitted: the original text is never edited. */
export const concernAddenda = pgTable(
  'concern_addenda',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    text: text('text').notNull(),
    reason: text('reason').notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [index('concern_addenda_concern_idx').on(t.concernId, t.addedAt)],
);

/** Changes of a concern's category, date or pupils, with the old and new values and the reason. */
export const concernCorrections = pgTable(
  'concern_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    field: text('field').notNull(),
    fromValue: jsonb('from_value'),
    toValue: jsonb('to_value'),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [index('concern_corrections_concern_idx').on(t.concernId, t.changedAt)],
);

/** Actions agreed on a concern, with an owner and a due date. */
export const concernActions = pgTable(
  'concern_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    description: text('description').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    completionNote: text('completion_note'),
  },
  (t) => [
    index('concern_actions_concern_idx').on(t.concernId),
    index('concern_actions_owner_idx').on(t.schoolId, t.ownerUserId, t.dueOn),
  ],
);

/** Files attached to a concern (photos of a note, a PDF), stored in the database with the record. */
export const concernFiles = pgTable(
  'concern_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id),
    fileName: text('file_name').notNull(),
    /** Decided from the file's content, not its name or the browser's claim. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: text('data').notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [index('concern_files_concern_idx').on(t.concernId)],
);

/** A concern form being written: kept on the server so a lost connection or closed tab loses nothing. */
export const concernDrafts = pgTable(
  'concern_drafts',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    body: jsonb('body').notNull(),
    savedAt: ts('saved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.userId] })],
);

/** In-app alerts for a person. Their text never names a pupil. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    concernId: uuid('concern_id').references(() => concerns.id),
    message: text('message').notNull(),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('alerts_user_idx').on(t.userId, t.readAt, t.createdAt),
    index('alerts_user_school_idx').on(t.userId, t.schoolId, t.createdAt, t.id),
  ],
);

/** Which DSL (or deputy) is on duty each weekday; shown to staff who log an urgent concern. */
export const dslDuty = pgTable(
  'dsl_duty',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** 1 = Monday .. 5 = Friday. */
    weekday: integer('weekday').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Where to find them, e.g. "Student Services, room G12". */
    whereToFind: text('where_to_find').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.weekday] }),
    check('dsl_duty_weekday_ck', sql`${t.weekday} between 1 and 5`),
  ],
);

/**
 * A plan for a pupil: an Individual Care Plan, a crisis plan, a risk assessment or a Signs of Safety
 * record. Its content lives in plan_versions; `version` is the newest, and every change of content
 * must name the version it started from, so two people editing at once cannot overwrite each other.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    /** 'care', 'crisis', 'risk' or 'signs_of_safety'. */
    kind: text('kind').notNull(),
    /** The newest version's number (1, 2, ...): the optimistic-concurrency token. */
    version: integer('version').notNull(),
    /** The version the lead last marked agreed (who and when are on that version); parents only ever see it. */
    agreedVersion: integer('agreed_version'),
    /** Parties who must record agreement to a version before it can be marked agreed. */
    agreementsNeeded: jsonb('agreements_needed').$type<string[]>().notNull(),
    reviewDue: date('review_due', { mode: 'string' }).notNull(),
    /** The review date a reminder was last sent for, so each due date is reminded once. */
    reviewReminderFor: date('review_reminder_for', { mode: 'string' }),
    leadUserId: uuid('lead_user_id')
      .notNull()
      .references(() => users.id),
    shareWithTeaching: boolean('share_with_teaching').notNull().default(false),
    parentShareable: boolean('parent_shareable').notNull().default(false),
    endedAt: ts('ended_at'),
    endedBy: uuid('ended_by').references(() => users.id),
    endedReason: text('ended_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('plans_pupil_idx').on(t.schoolId, t.pupilId, t.createdAt),
    index('plans_review_idx')
      .on(t.schoolId, t.reviewDue)
      .where(sql`${t.endedAt} is null`),
    // The reminder job looks across schools for reviews that have fallen due.
    index('plans_review_due_idx')
      .on(t.reviewDue)
      .where(sql`${t.endedAt} is null`),
    check('plans_kind_ck', sql`${t.kind} in ('care', 'crisis', 'risk', 'signs_of_safety')`),
    check(
      'plans_version_ck',
      sql`${t.version} >= 1 and (${t.agreedVersion} is null or ${t.agreedVersion} <= ${t.version})`,
    ),
  ],
);

/** Every version of a plan's content, kept for ever; a change makes a new one with a reason. */
export const planVersions = pgTable(
  'plan_versions',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    /** Why this version was made (null for the first). */
    reason: text('reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    /** When the lead marked this version agreed, once every needed agreement was recorded. */
    agreedAt: ts('agreed_at'),
    agreedBy: uuid('agreed_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version] })],
);

/** Agreement to one version of a plan by the pupil, a parent/carer or a professional: who, when, how. */
export const planAgreements = pgTable(
  'plan_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    version: integer('version').notNull(),
    party: text('party').notNull(),
    name: text('name').notNull(),
    relationship: text('relationship').notNull().default(''),
    how: text('how').notNull(),
    agreedOn: date('agreed_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    index('plan_agreements_plan_idx').on(t.planId, t.version),
    check('plan_agreements_party_ck', sql`${t.party} in ('pupil', 'parent', 'professional')`),
  ],
);

/** Named staff given a plan (besides, optionally, everyone who teaches the pupil). */
export const planShares = pgTable(
  'plan_shares',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    sharedBy: uuid('shared_by')
      .notNull()
      .references(() => users.id),
    sharedAt: ts('shared_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.userId] }), index('plan_shares_user_idx').on(t.schoolId, t.userId)],
);

/** A member of staff confirming they have read a version of a plan they were given. */
export const planReads = pgTable(
  'plan_reads',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    version: integer('version').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    confirmedAt: ts('confirmed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version, t.userId] })],
);

/** A review of a plan (assess, plan, do, review): what was done, what changed, the next date. */
export const planReviews = pgTable(
  'plan_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    /** The version in force when it was reviewed. */
    version: integer('version').notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    whatWasDone: text('what_was_done').notNull(),
    whatChanged: text('what_changed').notNull(),
    nextReviewOn: date('next_review_on', { mode: 'string' }).notNull(),
    /** Signs of Safety: the 0..10 rating at this review. */
    safetyScale: integer('safety_scale'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    index('plan_reviews_plan_idx').on(t.planId, t.reviewedOn),
    check('plan_reviews_scale_ck', sql`${t.safetyScale} is null or ${t.safetyScale} between 0 and 10`),
  ],
);

/** Mental health review meetings and parent meetings about a pupil. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: uuid('pupil_id')
      .notNull()
      .references(() => pupils.id),
    /** 'mh_review' or 'parent'. */
    kind: text('kind').notNull(),
    heldAt: ts('held_at').notNull(),
    place: text('place').notNull(),
    attendees: jsonb('attendees')
      .$type<{ kind: string; userId: string | null; name: string; role: string }[]>()
      .notNull(),
    aims: text('aims').notNull().default(''),
    notes: text('notes').notNull().default(''),
    planId: uuid('plan_id').references(() => plans.id),
    /** Optimistic-concurrency token for edits while the meeting is planned. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('meetings_pupil_idx').on(t.schoolId, t.pupilId, t.heldAt),
    check('meetings_kind_ck', sql`${t.kind} in ('mh_review', 'parent')`),
  ],
);

/** Next steps agreed at a meeting, each with an owner and a due date. */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    description: text('description').notNull(),
    /** A member of staff who owns it, or null when it is someone else (named in owner_name). */
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    ownerName: text('owner_name').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    completionNote: text('completion_note'),
  },
  (t) => [
    index('meeting_actions_meeting_idx').on(t.meetingId),
    index('meeting_actions_owner_idx').on(t.schoolId, t.ownerUserId, t.dueOn),
  ],
);
