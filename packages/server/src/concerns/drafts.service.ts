/**
 * A concern being written is saved as a draft on the server as the person types, so a dropped
 * connection or a closed tab loses nothing. A draft is not a record: it is replaced on each save,
 * removed when the concern is submitted, and readable only by the person writing it.
 */
import { and, eq } from 'drizzle-orm';
import { AppError, type Actor } from '@tandem/core';
import { concernDrafts } from '@tandem/core/schema';
import type { AppDeps } from '../platform/deps';
import { requireSchoolPermission } from '../http/scope';

const MAX_DRAFT_BYTES = 64 * 1024;

export async function getDraft(deps: AppDeps, actor: Actor, schoolId: string) {
  requireSchoolPermission(actor, schoolId, 'concern.log');
  const [row] = await deps.database.db
    .select()
    .from(concernDrafts)
    .where(and(eq(concernDrafts.schoolId, schoolId), eq(concernDrafts.userId, actor.userId)));
  return {
    draft: (row?.body as Record<string, unknown> | undefined) ?? null,
    savedAt: row?.savedAt.toISOString() ?? null,
  };
}

export async function saveDraft(deps: AppDeps, actor: Actor, schoolId: string, draft: Record<string, unknown>) {
  requireSchoolPermission(actor, schoolId, 'concern.log');
  if (JSON.stringify(draft).length > MAX_DRAFT_BYTES) {
    throw new AppError('payload_too_large', 'draft too large', {
      userMessage: 'This draft is too long to save. Please shorten it.',
    });
  }
  const savedAt = deps.clock.now();
  await deps.database.db
    .insert(concernDrafts)
    .values({ schoolId, userId: actor.userId, body: draft, savedAt })
    .onConflictDoUpdate({ target: [concernDrafts.schoolId, concernDrafts.userId], set: { body: draft, savedAt } });
  return { savedAt: savedAt.toISOString() };
}
