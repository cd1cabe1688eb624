import { eq } from 'drizzle-orm';
import { AppError, canInTrust, belongsToSchool, type Actor, type CreateSchoolBody, type School } from '@tandem/core';
import { schools } from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { appendAudit } from '../audit/audit.service';
import { requireSchoolPermission, requireTrustPermission } from '../http/scope';
import { seedLevelFramework } from '../levels/levels.queries';

type SchoolRow = typeof schools.$inferSelect;

export function toSchool(row: SchoolRow): School {
  return {
    id: row.id,
    trustId: row.trustId,
    name: row.name,
    urn: row.urn,
    letterhead: row.letterhead,
    staffIdleMinutes: row.staffIdleMinutes,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listTrustSchools(deps: AppDeps, actor: Actor, trustId: string): Promise<School[]> {
  requireTrustPermission(actor, trustId, 'trust.viewReports');
  const rows = await deps.database.db.select().from(schools).where(eq(schools.trustId, trustId)).orderBy(schools.name);
  return rows.map(toSchool);
}

export async function createSchool(
  deps: AppDeps,
  actor: Actor,
  trustId: string,
  body: CreateSchoolBody,
  ip: string,
): Promise<School> {
  requireTrustPermission(actor, trustId, 'trust.manageSchools');
  return deps.database.db.transaction(async (tx) => {
    if (body.urn) {
      const [clash] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.urn, body.urn));
      if (clash) {
        throw new AppError('conflict', 'urn in use', {
          userMessage: 'A school with that URN is already in Tandem.',
          fields: [{ path: 'urn', message: 'A school with this URN already exists' }],
        });
      }
    }
    const [row] = await tx
      .insert(schools)
      .values({ trustId, name: body.name, urn: body.urn ?? null, letterhead: body.letterhead })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await seedLevelFramework(tx, row.id, actor.userId);
    await appendAudit(
      tx,
      deps.clock,
      { action: 'trust.school_created', detail: { schoolId: row.id } },
      {
        actorUserId: actor.userId,
        trustId,
        schoolId: row.id,
        subjectType: 'school',
        subjectId: row.id,
        ip,
      },
    );
    return toSchool(row);
  });
}

export async function getSchool(deps: AppDeps, actor: Actor, schoolId: string): Promise<School> {
  const [row] = await deps.database.db.select().from(schools).where(eq(schools.id, schoolId));
  if (!row) throw new AppError('not_found', 'school not found');
  if (!belongsToSchool(actor, schoolId) && !canInTrust(actor, 'trust.viewReports', row.trustId)) {
    throw new AppError('not_found', 'school not in scope');
  }
  return toSchool(row);
}

export async function updateSchool(
  deps: AppDeps,
  actor: Actor,
  schoolId: string,
  body: { letterhead?: string | undefined; staffIdleMinutes?: number | undefined },
  ip: string,
): Promise<School> {
  requireSchoolPermission(actor, schoolId, 'school.manageStaff');
  return deps.database.db.transaction(async (tx) => {
    const changes: Partial<SchoolRow> = {};
    if (body.letterhead !== undefined) changes.letterhead = body.letterhead;
    if (body.staffIdleMinutes !== undefined) changes.staffIdleMinutes = body.staffIdleMinutes;
    const fields = Object.keys(changes);
    if (fields.length === 0) {
      throw new AppError('validation', 'nothing to change', { userMessage: 'There was nothing to change.' });
    }
    const [row] = await tx.update(schools).set(changes).where(eq(schools.id, schoolId)).returning();
    if (!row) throw new AppError('not_found', 'school not found');
    await appendAudit(
      tx,
      deps.clock,
      { action: 'school.settings_changed', detail: { fields } },
      {
        actorUserId: actor.userId,
        trustId: row.trustId,
        schoolId,
        subjectType: 'school',
        subjectId: schoolId,
        ip,
      },
    );
    return toSchool(row);
  });
}
