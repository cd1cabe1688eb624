/**
 * The resource library's part of "my work": for whoever keeps the school's own entries (the SMHL),
 * those not reviewed for a year, the oldest first. The trust's shared entries are the trust's to
 * review (its library page lists those due first).
 */
import { canInSchool, resourceReviewDue } from '@tandem/core';
import type { MyWorkSource } from '../platform/registries';
import { ownEntriesOfSchool } from './resources.queries';

export const resourceMyWork: MyWorkSource = {
  name: 'resources',
  async items(db, { actor, schoolId, today }) {
    if (!canInSchool(actor, 'resources.manage', schoolId)) return {};
    const rows = await ownEntriesOfSchool(db, schoolId);
    return {
      resourcesToReview: rows
        .filter((r) => resourceReviewDue(r.lastReviewedOn, today))
        .map((r) => ({ resourceId: r.id, title: r.title, lastReviewedOn: r.lastReviewedOn })),
    };
  },
};
