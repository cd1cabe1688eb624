/**
 * Destroying a pupil's records of one kind once their review date has come, after a person confirms
 * it by typing the pupil's name, with a reason. Wellbeing and SEN records go at once; a
 * child-protection file needs two people: a member of the DSL team proposes, and a second, different
 * person with records.retention confirms. Each feature's source destroys its own records in one
 * transaction with the destruction record (kind, whose, when, by whom, why, counts: no content).
 */
import { AppError, type ConfirmDestructionBody, type DestroyRecordsBody, type DestructionResult } from '@tandem/core';
import { retentionDestructions } from '@tandem/core/schema';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool, pupilName } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { lockProposal, openProposalFor } from '../retention.queries';
import {
  destroyThroughSources,
  alreadyProposed,
  isUniqueViolation,
  itemsIn,
  requirePastReview,
  requireTypedName,
  seesChildProtection,
} from '../retention.rules';

export async function destroyRecords(
  deps: AppDeps,
  at: SchoolRequest,
  body: DestroyRecordsBody,
): Promise<DestructionResult> {
  return inSchool(deps, at, 'records.retention', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const cp = body.recordClass === 'child-protection';
    if (cp && !seesChildProtection(actor, schoolId)) {
      throw new AppError('forbidden', 'child-protection file needs the DSL team', {
        userMessage: 'Only the DSL team may propose destroying a child-protection file.',
      });
    }
    const pupil = await loadPupilInSchool(tx, schoolId, body.pupilId);
    requireTypedName(pupil, body.typedName);
    const reviewOn = await requirePastReview(tx, schoolId, pupil, body.recordClass, now);
    const base = {
      schoolId,
      pupilId: pupil.id,
      pupilName: pupilName(pupil),
      pupilDateOfBirth: pupil.dateOfBirth,
      recordClass: body.recordClass,
      reviewOn,
      reason: body.reason,
      proposedBy: actor.userId,
      proposedAt: now,
    };

    if (cp) {
      if (await openProposalFor(tx, schoolId, pupil.id, body.recordClass)) {
        throw alreadyProposed();
      }
      const [row] = await tx
        .insert(retentionDestructions)
        .values({ ...base, status: 'proposed' })
        .returning({ id: retentionDestructions.id })
        .catch((err: unknown) => {
          // Two members of the DSL team proposing at the same moment: one proposal stands.
          if (isUniqueViolation(err)) throw alreadyProposed();
          throw err;
        });
      await s.audit(
        { action: 'retention.destruction_proposed', detail: { recordClass: body.recordClass, destructionId: row!.id } },
        { type: 'retention_destruction', id: row!.id },
      );
      return { id: row!.id, status: 'proposed' as const, counts: [] };
    }

    const counts = await destroyThroughSources(deps, tx, {
      schoolId,
      pupilId: pupil.id,
      recordClass: body.recordClass,
    });
    const [row] = await tx
      .insert(retentionDestructions)
      .values({ ...base, status: 'destroyed', confirmedBy: actor.userId, confirmedAt: now, counts })
      .returning({ id: retentionDestructions.id });
    await s.audit(
      {
        action: 'retention.destroyed',
        detail: {
          recordClass: body.recordClass,
          destructionId: row!.id,
          items: itemsIn(counts),
          proposedBy: actor.userId,
        },
      },
      { type: 'retention_destruction', id: row!.id },
    );
    return { id: row!.id, status: 'destroyed' as const, counts };
  });
}

/** A second, different person confirms a proposed destruction of a child-protection file. */
export async function confirmDestruction(
  deps: AppDeps,
  at: SchoolRequest,
  destructionId: string,
  body: ConfirmDestructionBody,
): Promise<DestructionResult> {
  return inSchool(deps, at, 'records.retention', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const row = await lockProposal(tx, schoolId, destructionId);
    if (row.status !== 'proposed') {
      throw new AppError('conflict', `destruction ${row.status}`, {
        userMessage:
          row.status === 'destroyed'
            ? 'These records have already been destroyed.'
            : 'This proposal was withdrawn: nothing was destroyed.',
      });
    }
    if (row.proposedBy === actor.userId) {
      throw new AppError('forbidden', 'same person', {
        userMessage:
          'A child-protection file needs two people: a second, different person must confirm the destruction you proposed.',
      });
    }
    const pupil = await loadPupilInSchool(tx, schoolId, row.pupilId);
    requireTypedName(pupil, body.typedName);
    await requirePastReview(tx, schoolId, pupil, row.recordClass, now);
    const counts = await destroyThroughSources(deps, tx, { schoolId, pupilId: pupil.id, recordClass: row.recordClass });
    await tx
      .update(retentionDestructions)
      .set({ status: 'destroyed', confirmedBy: actor.userId, confirmedAt: now, counts })
      .where(eq(retentionDestructions.id, row.id));
    await s.audit(
      {
        action: 'retention.destroyed',
        detail: {
          recordClass: row.recordClass,
          destructionId: row.id,
          items: itemsIn(counts),
          proposedBy: row.proposedBy,
        },
      },
      { type: 'retention_destruction', id: row.id },
    );
    return { id: row.id, status: 'destroyed' as const, counts };
  });
}

/** The DSL team withdraws a proposal: nothing is destroyed. */
export async function withdrawProposal(deps: AppDeps, at: SchoolRequest, destructionId: string): Promise<{ ok: true }> {
  return inSchool(deps, at, 'records.retention', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const row = await lockProposal(tx, schoolId, destructionId);
    if (row.recordClass === 'child-protection' && !seesChildProtection(actor, schoolId)) {
      throw new AppError('forbidden', 'child-protection file needs the DSL team', {
        userMessage: 'Only the DSL team may withdraw a proposal to destroy a child-protection file.',
      });
    }
    if (row.status !== 'proposed') {
      throw new AppError('conflict', `destruction ${row.status}`, {
        userMessage: 'Only a proposal still waiting for a second person can be withdrawn.',
      });
    }
    await tx
      .update(retentionDestructions)
      .set({ status: 'withdrawn', withdrawnBy: actor.userId, withdrawnAt: now })
      .where(eq(retentionDestructions.id, row.id));
    await s.audit(
      { action: 'retention.proposal_withdrawn', detail: { recordClass: row.recordClass, destructionId: row.id } },
      { type: 'retention_destruction', id: row.id },
    );
    return { ok: true as const };
  });
}
