/**
 * The school's term dates: any member of staff reads them (deadlines in school days are shown to
 * them); the school administrator and the head (school.termDates) add and remove terms and
 * closure days. Every change is audited with its dates.
 */
import { and, asc, eq } from 'drizzle-orm';
import {
  AppError,
  canInSchool,
  termProblem,
  type AddClosureBody,
  type AddTermBody,
  type TermDatesResponse,
} from '@tandem/core';
import { schoolClosures, schoolTerms } from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { inSchool, readInSchool, type SchoolRequest } from '../platform/gate';

export async function readTermDates(deps: AppDeps, at: SchoolRequest): Promise<TermDatesResponse> {
  return readInSchool(deps, at, 'pupil.readList', async (s) => {
    const terms = await s.db
      .select({
        id: schoolTerms.id,
        name: schoolTerms.name,
        firstDay: schoolTerms.firstDay,
        lastDay: schoolTerms.lastDay,
      })
      .from(schoolTerms)
      .where(eq(schoolTerms.schoolId, s.schoolId))
      .orderBy(asc(schoolTerms.firstDay));
    const closures = await s.db
      .select({ id: schoolClosures.id, on: schoolClosures.on, reason: schoolClosures.reason })
      .from(schoolClosures)
      .where(eq(schoolClosures.schoolId, s.schoolId))
      .orderBy(asc(schoolClosures.on));
    return { terms, closures, canEdit: canInSchool(s.actor, 'school.termDates', s.schoolId) };
  });
}

export async function addTerm(deps: AppDeps, at: SchoolRequest, body: AddTermBody): Promise<{ id: string }> {
  return inSchool(deps, at, 'school.termDates', async (s) => {
    const others = await s.tx
      .select({ name: schoolTerms.name, firstDay: schoolTerms.firstDay, lastDay: schoolTerms.lastDay })
      .from(schoolTerms)
      .where(eq(schoolTerms.schoolId, s.schoolId));
    const problem = termProblem(body, others);
    if (problem) {
      throw new AppError('validation', 'term dates refused', {
        userMessage: problem,
        fields: [{ path: problem.startsWith('The last') ? 'lastDay' : 'firstDay', message: problem }],
      });
    }
    const [row] = await s.tx
      .insert(schoolTerms)
      .values({ schoolId: s.schoolId, ...body, createdBy: s.actor.userId, createdAt: s.now })
      .returning({ id: schoolTerms.id });
    await s.audit(
      { action: 'school.term_added', detail: { firstDay: body.firstDay, lastDay: body.lastDay } },
      { type: 'school', id: s.schoolId },
    );
    return { id: row!.id };
  });
}

export async function removeTerm(deps: AppDeps, at: SchoolRequest, termId: string): Promise<void> {
  await inSchool(deps, at, 'school.termDates', async (s) => {
    const [row] = await s.tx
      .delete(schoolTerms)
      .where(and(eq(schoolTerms.id, termId), eq(schoolTerms.schoolId, s.schoolId)))
      .returning();
    if (!row) throw new AppError('not_found', 'term not found');
    await s.audit(
      { action: 'school.term_removed', detail: { firstDay: row.firstDay, lastDay: row.lastDay } },
      { type: 'school', id: s.schoolId },
    );
  });
}

export async function addClosure(deps: AppDeps, at: SchoolRequest, body: AddClosureBody): Promise<{ id: string }> {
  return inSchool(deps, at, 'school.termDates', async (s) => {
    const [existing] = await s.tx
      .select({ id: schoolClosures.id })
      .from(schoolClosures)
      .where(and(eq(schoolClosures.schoolId, s.schoolId), eq(schoolClosures.on, body.on)));
    if (existing) {
      const message = 'That day is already recorded as a closure';
      throw new AppError('validation', 'closure exists', { userMessage: message, fields: [{ path: 'on', message }] });
    }
    const [row] = await s.tx
      .insert(schoolClosures)
      .values({ schoolId: s.schoolId, ...body, createdBy: s.actor.userId, createdAt: s.now })
      .returning({ id: schoolClosures.id });
    await s.audit({ action: 'school.closure_added', detail: { on: body.on } }, { type: 'school', id: s.schoolId });
    return { id: row!.id };
  });
}

export async function removeClosure(deps: AppDeps, at: SchoolRequest, closureId: string): Promise<void> {
  await inSchool(deps, at, 'school.termDates', async (s) => {
    const [row] = await s.tx
      .delete(schoolClosures)
      .where(and(eq(schoolClosures.id, closureId), eq(schoolClosures.schoolId, s.schoolId)))
      .returning();
    if (!row) throw new AppError('not_found', 'closure not found');
    await s.audit({ action: 'school.closure_removed', detail: { on: row.on } }, { type: 'school', id: s.schoolId });
  });
}
