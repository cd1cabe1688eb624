/**
 * Concerns as evidence for a level change: a concern may be cited if it is about that pupil and the
 * person changing the level may read it in full.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { concernAccessFor } from '@tandem/core';
import { concernPupils, concerns } from '@tandem/core/schema';
import type { EvidenceSource } from '../platform/registries';

export const concernEvidence: EvidenceSource = {
  kind: 'concern',
  refusal: 'A concern given as evidence must be about this pupil and one you can see',
  async citable(db, { actor, schoolId, pupilId }, refIds) {
    if (refIds.length === 0) return new Set();
    const rows = await db
      .select({ c: concerns })
      .from(concerns)
      .innerJoin(concernPupils, eq(concernPupils.concernId, concerns.id))
      .where(
        and(eq(concerns.schoolId, schoolId), inArray(concerns.id, [...refIds]), eq(concernPupils.pupilId, pupilId)),
      );
    return new Set(rows.filter((r) => concernAccessFor(actor, schoolId, r.c) === 'full').map((r) => r.c.id));
  },
};
