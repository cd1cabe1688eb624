/**
 * Reads and writes of the attendance import, every one scoped to the school: the roll the file is
 * checked against, the stored previews (attendance_imports), and the set-based upserts of weeks and
 * session marks when a preview is applied.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AttendanceImportKind, AttendanceImportSummary, AttendanceStoredRows, RollPupil } from '@tandem/core';
import { attendanceImports, attendanceMarks, attendanceWeeks, pupils, users } from '@tandem/core/schema';
import type { DbOrTx } from '../../db/client';
import { pupilName } from '../../platform/directory';

/** Rows per insert statement: well under the drivers' parameter limits. */
const CHUNK = 1_000;

/** The school's pupils with the given UPNs; a pupil is on roll unless their leaving day has come. */
export async function rollByUpn(
  db: DbOrTx,
  schoolId: string,
  upns: readonly string[],
  today: string,
): Promise<Map<string, RollPupil>> {
  const byUpn = new Map<string, RollPupil>();
  const distinct = [...new Set(upns)];
  for (let i = 0; i < distinct.length; i += CHUNK) {
    const rows = await db
      .select({
        id: pupils.id,
        upn: pupils.upn,
        givenName: pupils.givenName,
        familyName: pupils.familyName,
        preferredName: pupils.preferredName,
        leftOn: pupils.leftOn,
      })
      .from(pupils)
      .where(and(eq(pupils.schoolId, schoolId), inArray(pupils.upn, distinct.slice(i, i + CHUNK))));
    for (const p of rows) {
      byUpn.set(p.upn, { id: p.id, name: pupilName(p), onRoll: p.leftOn === null || p.leftOn > today });
    }
  }
  return byUpn;
}

/** How many of the rows replace a week or session already stored (whatever its values). */
export async function countReplacing(db: DbOrTx, schoolId: string, stored: AttendanceStoredRows): Promise<number> {
  if (stored.rows.length === 0) return 0;
  const pupilIds = [...new Set(stored.rows.map((r) => r.pupilId))];
  if (stored.kind === 'weeks') {
    const days = stored.rows.map((r) => r.weekStart).sort();
    const existing = await db
      .select({ pupilId: attendanceWeeks.pupilId, day: attendanceWeeks.weekStart })
      .from(attendanceWeeks)
      .where(
        and(
          eq(attendanceWeeks.schoolId, schoolId),
          inArray(attendanceWeeks.pupilId, pupilIds),
          sql`${attendanceWeeks.weekStart} between ${days[0]} and ${days[days.length - 1]}`,
        ),
      );
    const have = new Set(existing.map((e) => `${e.pupilId}|${e.day}`));
    return stored.rows.filter((r) => have.has(`${r.pupilId}|${r.weekStart}`)).length;
  }
  const days = stored.rows.map((r) => r.on).sort();
  const existing = await db
    .select({ pupilId: attendanceMarks.pupilId, day: attendanceMarks.on, session: attendanceMarks.session })
    .from(attendanceMarks)
    .where(
      and(
        eq(attendanceMarks.schoolId, schoolId),
        inArray(attendanceMarks.pupilId, pupilIds),
        sql`${attendanceMarks.on} between ${days[0]} and ${days[days.length - 1]}`,
      ),
    );
  const have = new Set(existing.map((e) => `${e.pupilId}|${e.day}|${e.session}`));
  return stored.rows.filter((r) => have.has(`${r.pupilId}|${r.on}|${r.session}`)).length;
}

export async function insertAttendancePreview(
  tx: DbOrTx,
  values: {
    schoolId: string;
    kind: AttendanceImportKind;
    fileName: string;
    fileSha256: string;
    rows: AttendanceStoredRows;
    summary: AttendanceImportSummary;
    createdBy: string;
    createdAt: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(attendanceImports)
    .values({ ...values, status: 'previewed' })
    .returning({ id: attendanceImports.id });
  if (!row) throw new Error('attendance import insert returned nothing');
  return row.id;
}

/** One attendance import at a time per school, until this transaction ends. */
export async function lockAttendanceImports(tx: DbOrTx, schoolId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`attendance_import:${schoolId}`}))`);
}

/** One stored import with its rows, locked for this transaction. */
export async function loadAttendanceImport(tx: DbOrTx, schoolId: string, importId: string) {
  const [imp] = await tx
    .select()
    .from(attendanceImports)
    .where(and(eq(attendanceImports.id, importId), eq(attendanceImports.schoolId, schoolId)))
    .for('update');
  return imp;
}

export async function setImportStatus(
  tx: DbOrTx,
  importId: string,
  change: { status: 'applied' | 'discarded'; summary?: AttendanceImportSummary; appliedAt?: Date; clearRows?: boolean },
): Promise<void> {
  await tx
    .update(attendanceImports)
    .set({
      status: change.status,
      ...(change.summary && { summary: change.summary }),
      ...(change.appliedAt && { appliedAt: change.appliedAt }),
      // Once applied or discarded the rows are never needed again: the weeks and marks hold them.
      ...(change.clearRows && { rows: sql`jsonb_set(${attendanceImports.rows}, '{rows}', '[]'::jsonb)` }),
    })
    .where(eq(attendanceImports.id, importId));
}

/** Recent imports of a school (or one of them), newest first, with who uploaded them. */
export async function recentAttendanceImports(db: DbOrTx, schoolId: string, limit: number, importId?: string) {
  return db
    .select({
      id: attendanceImports.id,
      kind: attendanceImports.kind,
      fileName: attendanceImports.fileName,
      status: attendanceImports.status,
      createdAt: attendanceImports.createdAt,
      appliedAt: attendanceImports.appliedAt,
      createdByName: users.displayName,
      summary: attendanceImports.summary,
    })
    .from(attendanceImports)
    .innerJoin(users, eq(users.id, attendanceImports.createdBy))
    .where(and(eq(attendanceImports.schoolId, schoolId), importId ? eq(attendanceImports.id, importId) : undefined))
    .orderBy(desc(attendanceImports.createdAt), desc(attendanceImports.id))
    .limit(limit);
}

/** Store the rows: a week or session already held is replaced by the newer import. */
export async function upsertAttendance(
  tx: DbOrTx,
  schoolId: string,
  importId: string,
  stored: AttendanceStoredRows,
  now: Date,
): Promise<void> {
  if (stored.kind === 'weeks') {
    for (let i = 0; i < stored.rows.length; i += CHUNK) {
      await tx
        .insert(attendanceWeeks)
        .values(
          stored.rows.slice(i, i + CHUNK).map((r) => ({
            schoolId,
            pupilId: r.pupilId,
            weekStart: r.weekStart,
            possible: r.possible,
            attended: r.attended,
            authorised: r.authorised,
            unauthorised: r.unauthorised,
            importId,
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [attendanceWeeks.schoolId, attendanceWeeks.pupilId, attendanceWeeks.weekStart],
          set: {
            possible: sql`excluded.possible`,
            attended: sql`excluded.attended`,
            authorised: sql`excluded.authorised`,
            unauthorised: sql`excluded.unauthorised`,
            importId: sql`excluded.import_id`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    }
    return;
  }
  for (let i = 0; i < stored.rows.length; i += CHUNK) {
    await tx
      .insert(attendanceMarks)
      .values(
        stored.rows.slice(i, i + CHUNK).map((r) => ({
          schoolId,
          pupilId: r.pupilId,
          on: r.on,
          session: r.session,
          code: r.code,
          importId,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [attendanceMarks.schoolId, attendanceMarks.pupilId, attendanceMarks.on, attendanceMarks.session],
        set: { code: sql`excluded.code`, importId: sql`excluded.import_id`, updatedAt: sql`excluded.updated_at` },
      });
  }
}
