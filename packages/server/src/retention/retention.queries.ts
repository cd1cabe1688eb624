/**
 * Retention's SQL: the school's periods (every change kept), the pupils whose records may reach
 * their review (chosen by date of birth in SQL, before anything is gathered), proposals and the
 * register. Each query is scoped to the school.
 */
import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError, RECORD_CLASSES, type RecordClass } from '@tandem/core';
import { pupils, retentionDestructions, retentionSettings, users } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export interface SettingRow {
  years: number;
  reason: string;
  setBy: string;
  setAt: Date;
}

/** Each kind's changes at this school, newest first (the first is in force). */
export async function settingsOf(db: DbOrTx, schoolId: string): Promise<Map<RecordClass, SettingRow[]>> {
  const rows = await db
    .select({
      recordClass: retentionSettings.recordClass,
      years: retentionSettings.years,
      reason: retentionSettings.reason,
      setBy: users.displayName,
      setAt: retentionSettings.setAt,
    })
    .from(retentionSettings)
    .innerJoin(users, eq(users.id, retentionSettings.setBy))
    .where(eq(retentionSettings.schoolId, schoolId))
    .orderBy(desc(retentionSettings.setAt), desc(retentionSettings.id));
  const map = new Map<RecordClass, SettingRow[]>(RECORD_CLASSES.map((c) => [c, []]));
  for (const { recordClass, ...row } of rows) map.get(recordClass)?.push(row);
  return map;
}

/** The school's own period in force for each kind (null where it keeps the toolkit's). */
export async function schoolYearsOf(db: DbOrTx, schoolId: string): Promise<Map<RecordClass, number | null>> {
  const settings = await settingsOf(db, schoolId);
  return new Map(RECORD_CLASSES.map((c) => [c, settings.get(c)?.[0]?.years ?? null]));
}

/** Pupils of the school born on or before `latestBirth`, oldest first, at most `limit`. */
export async function pupilsBornBy(db: DbOrTx, schoolId: string, latestBirth: string, limit: number) {
  return db
    .select({
      id: pupils.id,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      preferredName: pupils.preferredName,
      dateOfBirth: pupils.dateOfBirth,
      leftOn: pupils.leftOn,
    })
    .from(pupils)
    .where(and(eq(pupils.schoolId, schoolId), sql`${pupils.dateOfBirth} <= ${latestBirth}::date`))
    .orderBy(asc(pupils.dateOfBirth), asc(pupils.id))
    .limit(limit);
}

const proposer = alias(users, 'proposer');
const confirmer = alias(users, 'confirmer');

/** Proposals waiting for a second person, with who proposed them. */
export async function openProposals(db: DbOrTx, schoolId: string, classes: readonly RecordClass[]) {
  if (classes.length === 0) return [];
  return db
    .select({ d: retentionDestructions, proposedByName: proposer.displayName })
    .from(retentionDestructions)
    .innerJoin(proposer, eq(proposer.id, retentionDestructions.proposedBy))
    .where(
      and(
        eq(retentionDestructions.schoolId, schoolId),
        eq(retentionDestructions.status, 'proposed'),
        inArray(retentionDestructions.recordClass, [...classes]),
      ),
    )
    .orderBy(asc(retentionDestructions.proposedAt));
}

/** The register of destructions, newest first (child-protection files only for the DSL team). */
export async function destroyedEntries(db: DbOrTx, schoolId: string, seesChildProtection: boolean) {
  return db
    .select({ d: retentionDestructions, proposedBy: proposer.displayName, confirmedBy: confirmer.displayName })
    .from(retentionDestructions)
    .innerJoin(proposer, eq(proposer.id, retentionDestructions.proposedBy))
    .innerJoin(confirmer, eq(confirmer.id, retentionDestructions.confirmedBy))
    .where(
      and(
        eq(retentionDestructions.schoolId, schoolId),
        eq(retentionDestructions.status, 'destroyed'),
        isNotNull(retentionDestructions.confirmedAt),
        seesChildProtection ? undefined : ne(retentionDestructions.recordClass, 'child-protection'),
      ),
    )
    .orderBy(desc(retentionDestructions.confirmedAt))
    .limit(500);
}

/** When each pupil's records of each kind were last destroyed (key "pupilId/class"). */
export async function lastDestroyedOf(db: DbOrTx, schoolId: string, pupilIds: readonly string[]) {
  if (pupilIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({
      pupilId: retentionDestructions.pupilId,
      recordClass: retentionDestructions.recordClass,
      at: sql<string>`max(${retentionDestructions.confirmedAt})`,
    })
    .from(retentionDestructions)
    .where(
      and(
        eq(retentionDestructions.schoolId, schoolId),
        eq(retentionDestructions.status, 'destroyed'),
        inArray(retentionDestructions.pupilId, [...pupilIds]),
      ),
    )
    .groupBy(retentionDestructions.pupilId, retentionDestructions.recordClass);
  return new Map(rows.map((r) => [`${r.pupilId}/${r.recordClass}`, new Date(r.at).toISOString()]));
}

/** A proposal of this school, locked for the change, or 404. */
export async function lockProposal(tx: DbOrTx, schoolId: string, id: string) {
  const [row] = await tx
    .select()
    .from(retentionDestructions)
    .where(and(eq(retentionDestructions.id, id), eq(retentionDestructions.schoolId, schoolId)))
    .for('update');
  if (!row) throw new AppError('not_found', 'destruction not found');
  return row;
}

export async function openProposalFor(tx: DbOrTx, schoolId: string, pupilId: string, recordClass: RecordClass) {
  const [row] = await tx
    .select({ id: retentionDestructions.id })
    .from(retentionDestructions)
    .where(
      and(
        eq(retentionDestructions.schoolId, schoolId),
        eq(retentionDestructions.pupilId, pupilId),
        eq(retentionDestructions.recordClass, recordClass),
        eq(retentionDestructions.status, 'proposed'),
      ),
    );
  return row ?? null;
}
