/**
 * Leavers' files in "my work": the child-protection part for the DSL team, the wellbeing part for
 * the SMHL, each not yet sent, due or overdue.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { canInSchool, rolesInSchool, type TransferDueItem, type TransferFile } from '@tandem/core';
import { pupils, pupilTransfers, transferParts } from '@tandem/core/schema';
import { pupilName } from '../platform/directory';
import type { MyWorkSource } from '../platform/registries';

export const transferMyWork: MyWorkSource = {
  name: 'transfers',
  async items(db, r) {
    if (!canInSchool(r.actor, 'records.transfer', r.schoolId)) return {};
    const files: TransferFile[] = [];
    if (canInSchool(r.actor, 'safeguarding.read', r.schoolId)) files.push('child-protection');
    if (rolesInSchool(r.actor, r.schoolId).includes('smhl')) files.push('wellbeing');
    if (files.length === 0) return {};
    const rows = await db
      .select({ file: transferParts.file, t: pupilTransfers, p: pupils })
      .from(transferParts)
      .innerJoin(pupilTransfers, eq(pupilTransfers.id, transferParts.transferId))
      .innerJoin(pupils, eq(pupils.id, pupilTransfers.pupilId))
      .where(
        and(
          eq(transferParts.schoolId, r.schoolId),
          inArray(transferParts.status, ['to_send', 'prepared']),
          inArray(transferParts.file, files),
        ),
      )
      .orderBy(asc(pupilTransfers.dueOn));
    const transfersDue: TransferDueItem[] = rows.map((x) => ({
      transferId: x.t.id,
      file: x.file,
      pupil: { id: x.p.id, name: pupilName(x.p) },
      dueOn: x.t.dueOn,
      overdue: x.t.dueOn < r.today,
    }));
    return { transfersDue };
  },
};
