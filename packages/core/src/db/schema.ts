/**
 * The database schema: the single source of truth for every stored shape. Each feature owns its
 * tables, in `*.tables.ts` files in its own folder (concerns/concerns.tables.ts,
 * plans/meetings.tables.ts, ...); this file gathers them, so Drizzle, drizzle-kit and
 * `@tandem/core/schema` see one schema. Zod schemas, route schemas and forms derive from these
 * tables. The values an enumerated column may hold are defined once, in the feature's `*.values.ts`
 * module (roles in auth/roles.ts, warning signs in concerns/warning-signs.ts).
 *
 * Every school-owned table carries `school_id` and every index that serves a list starts with it,
 * so no query's cost grows with other schools' rows. Only PostgreSQL 15 features are used:
 * production runs 15, the embedded PGlite runs 18.
 *
 * A tables file exports tables and nothing else: the server hands this whole module to Drizzle.
 */
export * from '../schools/schools.tables';
export * from '../auth/auth.tables';
export * from '../audit/audit.tables';
export * from '../pupils/pupils.tables';
export * from '../pupils/import.tables';
export * from '../pupils/case-team.tables';
export * from '../levels/levels.tables';
export * from '../concerns/concerns.tables';
export * from '../concerns/files.tables';
export * from '../concerns/alerts.tables';
export * from '../concerns/duty.tables';
export * from '../plans/plans.tables';
export * from '../plans/meetings.tables';
export * from '../interventions/interventions.tables';
export * from '../interventions/questionnaires.tables';
export * from '../referrals/referrals.tables';
export * from '../family/family.tables';
export * from '../documents/documents.tables';
export * from '../improvement/improvement.tables';
export * from '../resources/resources.tables';
export * from '../staff-survey/staff-survey.tables';
export * from '../training/training.tables';
export * from '../policies/policies.tables';
export * from '../reports/reports.tables';
export * from '../attendance/attendance.tables';
export * from '../provision/provision.tables';
export * from '../early-identification/early.tables';
export * from '../retention/retention.tables';
export * from '../subject-access/subject-access.tables';
export * from '../mail/mail.tables';
export * from '../schools/term-dates.tables';
export * from '../transfers/transfers.tables';
export * from '../sso/sso.tables';
export * from '../calendar/calendar.tables';
