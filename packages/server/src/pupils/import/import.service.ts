/**
 * Importing from the school's MIS. An upload is checked and compared with the school's records, and
 * the preview is stored; applying it recomputes the comparison against the records as they are then
 * and writes everything in one transaction, so an import happens completely or not at all.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import {
  AppError,
  checkAgainstSchool,
  IMPORT_PREVIEW_HOURS,
  importPayloadSchema,
  importStoredSummarySchema,
  outlinePlan,
  planContactImport,
  planGroupImport,
  planPupilImport,
  readImportTable,
  schoolDate,
  sortIssues,
  type Actor,
  type ImportApplyResponse,
  type ImportKind,
  type ImportPayload,
  type ImportPhase,
  type ImportPlan,
  type ImportPreview,
  type ImportProgress,
  type ImportResult,
  type ImportStatus,
  type ImportStatusResponse,
  type ImportStoredSummary,
} from '@tandem/core';
import { pupilImports, schools } from '@tandem/core/schema';
import type { AppDeps } from '../../platform/deps';
import { appendAudit } from '../../audit/audit.service';
import type { DbOrTx } from '../../db/client';
import { requireSchoolPermission } from '../../http/scope';
import { decodeCsvFile, readCsvTable } from './import.csv';
import {
  loadSnapshot,
  planSize,
  recentImports,
  writeContactPlan,
  writeGroupPlan,
  writePupilPlan,
  type SchoolSnapshot,
  type Tracker,
} from './import.queries';

/**
 * How far each running apply has got, for the progress bar. In memory: it describes work in this
 * process, and is gone once the transaction ends (the stored status then says 'applied').
 */
const running = new Map<string, ImportProgress>();

async function schoolTrust(db: DbOrTx, schoolId: string): Promise<string> {
  const [school] = await db.select({ trustId: schools.trustId }).from(schools).where(eq(schools.id, schoolId));
  if (!school) throw new AppError('not_found', 'school not found');
  return school.trustId;
}

function planImport(payload: ImportPayload, snapshot: SchoolSnapshot, markLeavers: boolean): ImportPlan {
  switch (payload.kind) {
    case 'pupils':
      return planPupilImport(payload, snapshot.pupils, { markLeavers });
    case 'contacts':
      return planContactImport(payload, snapshot.contacts, snapshot.lookups);
    case 'groups':
      return planGroupImport(payload, snapshot.groups, snapshot.lookups);
  }
}

/** Only the last part of a path, without control characters: the name is shown back to people. */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? 'upload.csv' : clean;
}

export interface PreviewInput {
  kind: ImportKind;
  fileName: string | undefined;
  markLeavers: boolean;
}

/** Check a file, compare it with the school's records and keep the preview for applying. */
export async function previewImport(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  input: PreviewInput,
  file: Uint8Array | undefined,
  ip: string,
): Promise<ImportPreview> {
  requireSchoolPermission(actor, schoolId, 'pupil.import');
  const bytes = file ?? new Uint8Array();
  const table = readCsvTable(decodeCsvFile(bytes));
  const now = deps.clock.now();
  const read = readImportTable(input.kind, table, schoolDate(now));
  if (!read.ok) throw new AppError('bad_request', 'import file has no rows', { userMessage: read.message });
  const markLeavers = input.kind === 'pupils' && input.markLeavers;
  const fileName = cleanFileName(input.fileName);

  return deps.database.db
    .transaction(async (tx) => {
      const trustId = await schoolTrust(tx, schoolId);
      const snapshot = await loadSnapshot(tx, schoolId, input.kind);
      const errors = sortIssues([...read.issues, ...checkAgainstSchool(read.payload, snapshot.lookups)]);
      const { counts, sample } = outlinePlan(planImport(read.payload, snapshot, markLeavers));
      const summary: ImportStoredSummary = {
        totalRows: read.totalRows,
        ...counts,
        errorCount: errors.length,
        markLeavers,
        errors,
        ignoredColumns: read.ignoredColumns,
        sample,
        applied: null,
      };
      const [row] = await tx
        .insert(pupilImports)
        .values({
          schoolId,
          kind: input.kind,
          fileName,
          fileSha256: createHash('sha256').update(bytes).digest('hex'),
          status: 'previewed',
          // A file with problems can never be applied, so its rows are not kept.
          rows: errors.length > 0 ? { ...read.payload, rows: [] } : read.payload,
          summary,
          createdBy: actor.userId,
          createdAt: now,
        })
        .returning({ id: pupilImports.id });
      if (!row) throw new Error('import insert returned nothing');
      await appendAudit(
        tx,
        deps.clock,
        {
          action: 'pupil.import_previewed',
          detail: { importId: row.id, kind: input.kind, rows: read.totalRows, errors: errors.length },
        },
        { actorUserId: actor.userId, trustId, schoolId, subjectType: 'pupil_import', subjectId: row.id, ip },
      );
      return {
        importId: row.id,
        kind: input.kind,
        fileName,
        markLeavers,
        status: 'previewed' as const,
        totalRows: summary.totalRows,
        toAdd: summary.toAdd,
        toUpdate: summary.toUpdate,
        unchanged: summary.unchanged,
        toMarkLeft: summary.toMarkLeft,
        errorCount: summary.errorCount,
        errors,
        ignoredColumns: read.ignoredColumns,
        sample,
      };
    })
    .catch((err: unknown) => {
      throw withoutRowData(err, 'import preview');
    });
}

/** The error and its causes (Drizzle wraps the driver's error). */
function errorChain(err: unknown): object[] {
  const chain: object[] = [];
  let e: unknown = err;
  while (chain.length < 5 && typeof e === 'object' && e !== null) {
    chain.push(e);
    e = 'cause' in e ? e.cause : undefined;
  }
  return chain;
}

function isUniqueViolation(err: unknown): boolean {
  return errorChain(err).some((e) => 'code' in e && e.code === '23505');
}

/**
 * An unexpected failure, described by its codes only. Database and driver messages quote the
 * statement's parameters, which here are pupils' names and dates of birth: they must not reach the
 * log. Errors meant for the user pass through unchanged.
 */
function withoutRowData(err: unknown, what: string): unknown {
  if (err instanceof AppError) return err;
  const facts = errorChain(err).flatMap((e) => [
    ...('name' in e && typeof e.name === 'string' ? [e.name] : []),
    ...('code' in e && typeof e.code === 'string' ? [`code ${e.code}`] : []),
    ...('constraint' in e && typeof e.constraint === 'string' ? [`constraint ${e.constraint}`] : []),
  ]);
  return new Error(`${what} failed (${facts.join(', ')})`);
}

function resultOf(plan: ImportPlan): ImportResult {
  return {
    added: plan.adds.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    markedLeft: plan.kind === 'pupils' ? plan.leavers.length : 0,
  };
}

/** Apply a preview: all of it in one transaction, against the records as they are now. */
export async function applyImport(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  importId: string,
  ip: string,
): Promise<ImportApplyResponse> {
  requireSchoolPermission(actor, schoolId, 'pupil.import');
  if (running.has(importId)) {
    throw new AppError('conflict', 'import already running', {
      userMessage: 'This file is already being imported. Wait for it to finish.',
    });
  }
  const progress: ImportProgress = { phase: 'checking', done: 0, total: 0 };
  running.set(importId, progress);
  const track: Tracker = {
    phase: (phase: ImportPhase) => {
      progress.phase = phase;
    },
    step: (n: number) => {
      progress.done += n;
    },
  };
  try {
    return await deps.database.db.transaction(async (tx) => {
      // One import at a time per school, so two files cannot both decide the same pupil is new.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pupil_import:${schoolId}`}))`);
      const [imp] = await tx
        .select()
        .from(pupilImports)
        .where(and(eq(pupilImports.id, importId), eq(pupilImports.schoolId, schoolId)));
      if (!imp) throw new AppError('not_found', 'import not found');
      const summary = importStoredSummarySchema.parse(imp.summary);
      if (imp.status === 'applied') {
        throw new AppError('conflict', 'import already applied', {
          userMessage: 'This file has already been imported. Upload it again to check for newer changes.',
        });
      }
      if (imp.status !== 'previewed') {
        throw new AppError('conflict', `import ${imp.status}`, {
          userMessage: 'This preview was discarded. Upload the file again.',
        });
      }
      if (summary.errorCount > 0) {
        throw new AppError('bad_request', 'import has errors', {
          userMessage: 'Correct the rows listed and upload the file again: nothing has been imported.',
        });
      }
      const now = deps.clock.now();
      if (now.getTime() - imp.createdAt.getTime() > IMPORT_PREVIEW_HOURS * 3600_000) {
        throw new AppError('conflict', 'preview expired', {
          userMessage: `This preview is more than ${IMPORT_PREVIEW_HOURS} hours old. Upload the file again so it is checked against today's records: nothing has been imported.`,
        });
      }
      const payload = importPayloadSchema.parse(imp.rows);
      const snapshot = await loadSnapshot(tx, schoolId, payload.kind);
      if (checkAgainstSchool(payload, snapshot.lookups).length > 0) {
        throw new AppError('conflict', 'records changed since preview', {
          userMessage:
            "The school's records have changed since this file was checked (a pupil or member of staff it names has left). Upload the file again to see what needs correcting: nothing has been imported.",
        });
      }
      const plan = planImport(payload, snapshot, summary.markLeavers);
      progress.total = planSize(plan);
      const today = schoolDate(now);
      switch (plan.kind) {
        case 'pupils':
          await writePupilPlan(tx, schoolId, plan, today, now, track);
          break;
        case 'contacts':
          await writeContactPlan(tx, schoolId, plan, now, track);
          break;
        case 'groups':
          await writeGroupPlan(tx, schoolId, plan, now, track);
          break;
      }
      track.phase('finishing');
      const result = resultOf(plan);
      await tx
        .update(pupilImports)
        .set({ status: 'applied', appliedAt: now, summary: { ...summary, applied: result } })
        .where(eq(pupilImports.id, importId));
      await appendAudit(
        tx,
        deps.clock,
        {
          action: 'pupil.import_applied',
          detail: {
            importId,
            kind: payload.kind,
            added: result.added,
            updated: result.updated,
            left: result.markedLeft,
          },
        },
        {
          actorUserId: actor.userId,
          trustId: await schoolTrust(tx, schoolId),
          schoolId,
          subjectType: 'pupil_import',
          subjectId: importId,
          ip,
        },
      );
      return { importId, kind: payload.kind, status: 'applied' as const, ...result };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('conflict', 'unique violation during import', {
        cause: err,
        userMessage:
          'Someone else changed the same records while this file was being imported. Nothing has been imported. Upload the file again.',
      });
    }
    throw err;
  } finally {
    running.delete(importId);
  }
}

type ImportRow = Awaited<ReturnType<typeof recentImports>>[number];

function statusOf(row: ImportRow): ImportStatusResponse {
  const summary = importStoredSummarySchema.parse(row.summary);
  const progress = running.get(row.id) ?? null;
  const status = (progress && row.status === 'previewed' ? 'applying' : row.status) as ImportStatus;
  return {
    importId: row.id,
    kind: row.kind as ImportKind,
    fileName: row.fileName,
    status,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    appliedAt: row.appliedAt?.toISOString() ?? null,
    progress: progress ? { ...progress } : null,
    summary: {
      totalRows: summary.totalRows,
      toAdd: summary.toAdd,
      toUpdate: summary.toUpdate,
      unchanged: summary.unchanged,
      toMarkLeft: summary.toMarkLeft,
      errorCount: summary.errorCount,
      markLeavers: summary.markLeavers,
      applied: summary.applied,
    },
  };
}

/** One import's status, with progress while it is being applied. */
export async function getImport(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  importId: string,
): Promise<ImportStatusResponse> {
  requireSchoolPermission(actor, schoolId, 'pupil.import');
  const [row] = await recentImports(deps.database.db, schoolId, 1, importId);
  if (!row) throw new AppError('not_found', 'import not found');
  return statusOf(row);
}

const LIST_LIMIT = 20;

/** The school's latest imports, newest first. */
export async function listImports(deps: AppDeps, actor: Actor, schoolId: string): Promise<ImportStatusResponse[]> {
  requireSchoolPermission(actor, schoolId, 'pupil.import');
  const rows = await recentImports(deps.database.db, schoolId, LIST_LIMIT);
  return rows.map(statusOf);
}
