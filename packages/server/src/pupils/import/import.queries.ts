/**
 * Reads for imports, every one scoped to the school: what an import is compared with, and the
 * stored previews (pupil_imports). The set-based writes of an applied import are in import.writes.ts.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  SCHOOL_STAFF_ROLES,
  type ExistingContact,
  type ExistingGroup,
  type ExistingPupil,
  type ImportKind,
  type ImportStoredSummary,
  type SchoolLookups,
} from '@tandem/core';
import {
  contacts,
  pupilImports,
  pupils,
  roleAssignments,
  schools,
  teachingGroupPupils,
  teachingGroups,
  teachingGroupStaff,
  users,
} from '@tandem/core/schema';
import type { DbOrTx } from '../../db/client';

export interface SchoolSnapshot {
  lookups: SchoolLookups;
  pupils: ExistingPupil[];
  contacts: ExistingContact[];
  groups: ExistingGroup[];
}

/** What a kind of import is compared with: only the tables it touches are read. */
export async function loadSnapshot(db: DbOrTx, schoolId: string, kind: ImportKind): Promise<SchoolSnapshot> {
  const existing = await db
    .select({
      id: pupils.id,
      upn: pupils.upn,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      preferredName: pupils.preferredName,
      dateOfBirth: pupils.dateOfBirth,
      yearGroup: pupils.yearGroup,
      form: pupils.form,
      send: pupils.send,
      pupilPremium: pupils.pupilPremium,
      lookedAfter: pupils.lookedAfter,
      childInNeed: pupils.childInNeed,
      youngCarer: pupils.youngCarer,
      eal: pupils.eal,
      sex: pupils.sex,
      leftOn: pupils.leftOn,
    })
    .from(pupils)
    .where(eq(pupils.schoolId, schoolId));
  const pupilIdByUpn = new Map(existing.filter((p) => p.leftOn === null).map((p) => [p.upn, p.id]));
  const staffIdByEmail = new Map<string, string>();
  const pupilNameByUpn = new Map(existing.map((p) => [p.upn, `${p.givenName} ${p.familyName}`]));
  const snapshot: SchoolSnapshot = {
    lookups: { pupilIdByUpn, staffIdByEmail, pupilNameByUpn },
    pupils: kind === 'pupils' || kind === 'ctf' ? existing : [],
    contacts: [],
    groups: [],
  };
  if (kind === 'contacts' || kind === 'ctf') {
    snapshot.contacts = await db
      .select({
        id: contacts.id,
        pupilId: contacts.pupilId,
        name: contacts.name,
        title: contacts.title,
        address: contacts.address,
        relationship: contacts.relationship,
        email: contacts.email,
        phone: contacts.phone,
        priority: contacts.priority,
        parentalResponsibility: contacts.parentalResponsibility,
        noContact: contacts.noContact,
      })
      .from(contacts)
      .where(eq(contacts.schoolId, schoolId))
      .orderBy(contacts.pupilId, contacts.priority, contacts.createdAt);
  }
  if (kind === 'groups') {
    const staff = await db
      .selectDistinct({ id: users.id, email: users.email })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(
        and(
          eq(roleAssignments.schoolId, schoolId),
          isNull(roleAssignments.revokedAt),
          inArray(roleAssignments.role, [...SCHOOL_STAFF_ROLES]),
          isNull(users.disabledAt),
        ),
      );
    for (const s of staff) staffIdByEmail.set(s.email.toLowerCase(), s.id);
    const groups = await db
      .select({ id: teachingGroups.id, code: teachingGroups.code, name: teachingGroups.name })
      .from(teachingGroups)
      .where(eq(teachingGroups.schoolId, schoolId));
    const members = await db
      .select({ groupId: teachingGroupPupils.groupId, pupilId: teachingGroupPupils.pupilId })
      .from(teachingGroupPupils)
      .where(eq(teachingGroupPupils.schoolId, schoolId));
    const teachers = await db
      .select({ groupId: teachingGroupStaff.groupId, userId: teachingGroupStaff.userId })
      .from(teachingGroupStaff)
      .where(eq(teachingGroupStaff.schoolId, schoolId));
    const byId = new Map(groups.map((g) => [g.id, { ...g, pupilIds: [] as string[], staffIds: [] as string[] }]));
    for (const m of members) byId.get(m.groupId)?.pupilIds.push(m.pupilId);
    for (const t of teachers) byId.get(t.groupId)?.staffIds.push(t.userId);
    snapshot.groups = [...byId.values()];
  }
  return snapshot;
}

/** Keep a checked file as a preview, ready to apply. Returns its id. */
/** The importing school's name and URN, which a common transfer file's destination is checked against. */
export async function schoolIdentityOf(
  db: DbOrTx,
  schoolId: string,
): Promise<{ name: string; urn: string | null; dfeNumber: string | null }> {
  const [s] = await db
    .select({ name: schools.name, urn: schools.urn, dfeNumber: schools.dfeNumber })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!s) throw new Error('school not found');
  return s;
}

export async function insertPreview(
  tx: DbOrTx,
  values: Omit<typeof pupilImports.$inferInsert, 'id' | 'status' | 'summary'> & { summary: ImportStoredSummary },
): Promise<string> {
  const [row] = await tx
    .insert(pupilImports)
    .values({ ...values, status: 'previewed' })
    .returning({ id: pupilImports.id });
  if (!row) throw new Error('import insert returned nothing');
  return row.id;
}

/**
 * Wait for any other import of the school to finish, until this transaction ends: one import at a
 * time per school, so two files cannot both decide the same pupil is new.
 */
export async function lockSchoolImports(tx: DbOrTx, schoolId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pupil_import:${schoolId}`}))`);
}

/** One stored import of the school, with its rows (undefined if there is none). */
export async function loadImport(db: DbOrTx, schoolId: string, importId: string) {
  const [imp] = await db
    .select()
    .from(pupilImports)
    .where(and(eq(pupilImports.id, importId), eq(pupilImports.schoolId, schoolId)));
  return imp;
}

/** Mark an import applied, keeping what it did in its summary. */
export async function markApplied(
  tx: DbOrTx,
  importId: string,
  summary: ImportStoredSummary,
  appliedAt: Date,
): Promise<void> {
  await tx.update(pupilImports).set({ status: 'applied', appliedAt, summary }).where(eq(pupilImports.id, importId));
}

/** Recent imports of a school, newest first, with who uploaded them; previews' detail left out. */
export async function recentImports(db: DbOrTx, schoolId: string, limit: number, importId?: string) {
  return db
    .select({
      id: pupilImports.id,
      kind: pupilImports.kind,
      fileName: pupilImports.fileName,
      status: pupilImports.status,
      createdAt: pupilImports.createdAt,
      appliedAt: pupilImports.appliedAt,
      createdByName: users.displayName,
      summary: sql<unknown>`${pupilImports.summary} - 'errors' - 'sample'`,
    })
    .from(pupilImports)
    .innerJoin(users, eq(users.id, pupilImports.createdBy))
    .where(and(eq(pupilImports.schoolId, schoolId), importId ? eq(pupilImports.id, importId) : undefined))
    .orderBy(desc(pupilImports.createdAt), desc(pupilImports.id))
    .limit(limit);
}
