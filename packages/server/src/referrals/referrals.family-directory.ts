/**
 * The services directory as families see it (platform/registries.ts `FamilyDirectory`): the entries
 * in use for this school that are for parents and carers (or, for a pupil, for children and young
 * people), with how to get in touch. Nothing about any referral.
 */
import type { FamilyService } from '@tandem/core';
import type { FamilyDirectory } from '../platform/registries';
import { trustIdOfSchool } from '../platform/directory';
import { servicesForSchool } from './services.queries';

export const referralFamilyDirectory: FamilyDirectory = {
  async services(db, o) {
    const trustId = await trustIdOfSchool(db, o.schoolId);
    if (!trustId) return [];
    const rows = await servicesForSchool(db, trustId, o.schoolId);
    return rows
      .filter((r) => r.status === 'active' && r.details.audiences.includes(o.audience))
      .map((r): FamilyService => ({
        id: r.id,
        name: r.details.name,
        description: r.details.description,
        phone: r.details.phone,
        url: r.details.web || null,
        openingHours: r.details.openingHours,
        selfReferral: r.details.selfReferral,
        howToRefer: r.details.howToRefer,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  },
};
