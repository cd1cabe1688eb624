/** The register of destroyed records (child-protection files only for the DSL team). Audited. */
import type { DestructionRegisterResponse } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { destroyedEntries } from '../retention.queries';
import { seesChildProtection } from '../retention.rules';

export async function readRegister(deps: AppDeps, at: SchoolRequest): Promise<DestructionRegisterResponse> {
  return inSchool(deps, at, 'records.retention', async (s) => {
    const rows = await destroyedEntries(s.tx, s.schoolId, seesChildProtection(s.actor, s.schoolId));
    await s.audit({ action: 'retention.register_viewed', detail: { entries: rows.length } });
    return {
      entries: rows.map(({ d, proposedBy, confirmedBy }) => ({
        id: d.id,
        pupilName: d.pupilName,
        pupilDateOfBirth: d.pupilDateOfBirth,
        recordClass: d.recordClass,
        reviewOn: d.reviewOn,
        reason: d.reason,
        proposedBy,
        proposedAt: d.proposedAt.toISOString(),
        confirmedBy,
        confirmedAt: (d.confirmedAt ?? d.proposedAt).toISOString(),
        counts: d.counts,
      })),
    };
  });
}
