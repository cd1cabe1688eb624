/**
 * The levels' part of a pupil's chronology: each change of level and each time the level was
 * shared with parents (by letter) or staff (in the briefing). Every reader of the case sees these.
 */
import type { ChronologyEntry } from '@tandem/core';
import type { ChronologySource } from '../platform/registries';
import { levelChangesForChronology, levelSharesForChronology } from './levels.queries';

/** No level is "Thriving". */
const levelName = (level: string | null) => level ?? 'Thriving';

export const levelChronology: ChronologySource = {
  name: 'levels',
  // Its kinds take the middle rank (5), as they always have: see the chronology service.
  kindOrder: {},
  async entries(db, { schoolId, pupilId }) {
    const changes = await levelChangesForChronology(db, schoolId, pupilId);
    const shares = await levelSharesForChronology(db, schoolId, pupilId);
    return [
      ...changes.map(({ c, by }): ChronologyEntry => ({
        id: c.id,
        kind: 'level_change',
        at: c.changedAt.toISOString(),
        title: `Level changed from ${levelName(c.fromLevel)} to ${levelName(c.toLevel)}`,
        detail: c.reason,
        byName: by,
      })),
      ...shares.map(({ s, by }): ChronologyEntry => ({
        id: s.id,
        kind: s.audience === 'parents' ? 'shared_with_parents' : 'shared_with_staff',
        at: s.sharedAt.toISOString(),
        title:
          s.audience === 'parents'
            ? `Level (${levelName(s.level)}) shared with parents by letter`
            : `Level (${levelName(s.level)}) shared with staff`,
        detail: null,
        byName: by,
      })),
    ];
  },
};
