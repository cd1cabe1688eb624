/**
 * A concern being written is saved as a draft on the server as the person types, so a dropped
 * connection or a closed tab loses nothing. A draft is not a record: it is replaced on each save,
 * removed when the concern is submitted, and readable only by the person writing it.
 */
import { AppError, type Actor } from '@tandem/core';
import type { AppDeps } from '../platform/deps';
import { inSchool, readInSchool, type SchoolRequest } from '../platform/gate';
import { loadDraft, upsertDraft } from './drafts.queries';

const MAX_DRAFT_BYTES = 64 * 1024;

/** The person's own draft in this school, if they have one. */
export async function getDraft(deps: AppDeps, who: { actor: Actor; schoolId: string }) {
  return readInSchool(deps, who, 'concern.log', async ({ db, actor, schoolId }) => {
    const row = await loadDraft(db, schoolId, actor.userId);
    return {
      draft: row?.body ?? null,
      savedAt: row?.savedAt.toISOString() ?? null,
    };
  });
}

/** Replace the person's draft (not audited: a draft is not a record). */
export async function saveDraft(deps: AppDeps, who: SchoolRequest, draft: Record<string, unknown>) {
  return inSchool(deps, who, 'concern.log', async ({ tx, actor, schoolId, now }) => {
    if (JSON.stringify(draft).length > MAX_DRAFT_BYTES) {
      throw new AppError('payload_too_large', 'draft too large', {
        userMessage: 'This draft is too long to save. Please shorten it.',
      });
    }
    await upsertDraft(tx, { schoolId, userId: actor.userId, body: draft, savedAt: now });
    return { savedAt: now.toISOString() };
  });
}
