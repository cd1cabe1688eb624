/**
 * The pupil's own part of their chronology: when they were added to Tandem, when they left, and
 * each correction of their details. Nothing here is restricted: every reader of the case sees it.
 */
import type { ChronologyEntry } from '@tandem/core';
import type { ChronologySource } from '../platform/registries';
import { pupilWithDetailChanges } from './pupils.queries';

/** How each correctable field is named in a correction's title. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  preferredName: 'preferred name',
  form: 'form',
  send: 'SEND',
  pupilPremium: 'pupil premium',
  lookedAfter: 'looked after',
  childInNeed: 'child in need',
  youngCarer: 'young carer',
  eal: 'EAL',
};

export const pupilChronology: ChronologySource = {
  name: 'pupils',
  // Joining comes before anything else at the same moment and leaving after; corrections rank 5.
  kindOrder: { pupil_joined: 0, pupil_left: 10 },
  async entries(db, { schoolId, pupilId }) {
    const rows = await pupilWithDetailChanges(db, schoolId, pupilId);
    const pupil = rows[0]?.pupil;
    if (!pupil) return [];
    const entries: ChronologyEntry[] = [];
    for (const { c, by } of rows) {
      if (!c) continue;
      entries.push({
        id: c.id,
        kind: 'details_corrected',
        at: c.changedAt.toISOString(),
        title: `Details corrected: ${Object.keys(c.changes)
          .map((f) => FIELD_LABELS[f] ?? f)
          .join(', ')}`,
        detail: c.reason,
        byName: by,
      });
    }
    entries.push({
      id: `joined-${pupilId}`,
      kind: 'pupil_joined',
      at: pupil.createdAt.toISOString(),
      title: 'Added to Tandem',
      detail: null,
      byName: null,
    });
    if (pupil.leftOn) {
      entries.push({
        id: `left-${pupilId}`,
        kind: 'pupil_left',
        at: `${pupil.leftOn}T00:00:00.000Z`,
        title: 'Left the school',
        detail: null,
        byName: null,
      });
    }
    return entries;
  },
};
