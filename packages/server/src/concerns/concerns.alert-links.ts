/**
 * Whether the reader of an alert may still open the concern it links to. Only the DSL team may open
 * the restricted safeguarding record, so once a concern has moved into it, everyone else's alerts
 * about it are shown without the link (the alert itself stays: it never names the pupil).
 */
import { canInSchool } from '@tandem/core';
import type { AlertLinkCheck } from '../platform/registries';
import { restrictedAmong } from './concerns.queries';

export const concernAlertLinks: AlertLinkCheck = {
  kind: 'concern',
  async openable(db, { actor, schoolId }, ids) {
    // The DSL team may open every concern: nothing to look up.
    if (canInSchool(actor, 'safeguarding.read', schoolId)) return new Set(ids);
    const restricted = await restrictedAmong(db, schoolId, ids);
    return new Set(ids.filter((id) => !restricted.has(id)));
  },
};
