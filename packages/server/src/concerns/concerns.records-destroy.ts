/**
 * Destroying a pupil's concerns of one record class, when retention review confirms it: a concern
 * also about another pupil loses only this pupil's link; a concern about this pupil alone goes with
 * everything that refers to it. Returns how many of each kind went, no content.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { RecordClass } from '@tandem/core';
import {
  alerts,
  concernActions,
  concernAddenda,
  concernCorrections,
  concernFiles,
  concernPupils,
  concerns,
} from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';

export async function destroyConcernRecords(
  tx: DbOrTx,
  { schoolId, pupilId, recordClass }: { schoolId: string; pupilId: string; recordClass: RecordClass },
): Promise<{ kind: string; count: number }[]> {
  // Concerns are wellbeing records or, in the restricted record, the child-protection file; never SEN.
  if (recordClass === 'sen') return [];
  const restricted = recordClass === 'child-protection';
  const mine = await tx
    .select({ id: concerns.id })
    .from(concerns)
    .innerJoin(concernPupils, eq(concernPupils.concernId, concerns.id))
    .where(
      and(eq(concerns.schoolId, schoolId), eq(concernPupils.pupilId, pupilId), eq(concerns.restricted, restricted)),
    );
  if (mine.length === 0) return [];
  const ids = mine.map((r) => r.id);
  // A concern also about another pupil stays theirs: only this pupil's link to it goes.
  const shared = new Set(
    (
      await tx
        .selectDistinct({ concernId: concernPupils.concernId })
        .from(concernPupils)
        .where(and(inArray(concernPupils.concernId, ids), ne(concernPupils.pupilId, pupilId)))
    ).map((r) => r.concernId),
  );
  const sole = ids.filter((id) => !shared.has(id));
  const out: { kind: string; count: number }[] = [];
  const note = (kind: string, n: number) => {
    if (n > 0) out.push({ kind, count: n });
  };

  if (shared.size > 0) {
    const unlinked = await tx
      .delete(concernPupils)
      .where(
        and(
          eq(concernPupils.schoolId, schoolId),
          eq(concernPupils.pupilId, pupilId),
          inArray(concernPupils.concernId, [...shared]),
        ),
      )
      .returning({ concernId: concernPupils.concernId });
    note('concern-shared-link', unlinked.length);
  }
  if (sole.length > 0) {
    // Everything that refers to the concern goes first (the foreign keys), then the concern.
    // The alerts about it never named the pupil, but they point at it.
    note(
      'concern-alert',
      (await tx.delete(alerts).where(inArray(alerts.concernId, sole)).returning({ id: alerts.id })).length,
    );
    note(
      'concern-file',
      (await tx.delete(concernFiles).where(inArray(concernFiles.concernId, sole)).returning({ id: concernFiles.id }))
        .length,
    );
    note(
      'concern-addendum',
      (
        await tx
          .delete(concernAddenda)
          .where(inArray(concernAddenda.concernId, sole))
          .returning({ id: concernAddenda.id })
      ).length,
    );
    note(
      'concern-correction',
      (
        await tx
          .delete(concernCorrections)
          .where(inArray(concernCorrections.concernId, sole))
          .returning({ id: concernCorrections.id })
      ).length,
    );
    note(
      'concern-action',
      (
        await tx
          .delete(concernActions)
          .where(inArray(concernActions.concernId, sole))
          .returning({ id: concernActions.id })
      ).length,
    );
    await tx.delete(concernPupils).where(inArray(concernPupils.concernId, sole));
    note(
      'concern',
      (
        await tx
          .delete(concerns)
          .where(and(eq(concerns.schoolId, schoolId), inArray(concerns.id, sole)))
          .returning({ id: concerns.id })
      ).length,
    );
  }
  return out;
}
