/**
 * The missing list's part of a pupil's chronology: each time the DSL added them or took them off
 * (with the reason), and each absence alerted with what was done. Every reader of the case sees it.
 */
import { sql } from 'drizzle-orm';
import { MISSING_ACTION_TAKEN_LABELS, SESSION_LABELS, type ChronologyEntry } from '@tandem/core';
import type { ChronologySource } from '../platform/registries';
import { alertsOf, changesOf } from './missing.queries';

const EVER = new Date(0);

export const missingChronology: ChronologySource = {
  name: 'missing list',
  kindOrder: {},
  async entries(db, { schoolId, pupilId }) {
    const entries: ChronologyEntry[] = [];
    for (const c of await changesOf(db, schoolId, pupilId)) {
      entries.push({
        id: c.id,
        kind: c.action === 'added' ? 'missing_list_added' : 'missing_list_removed',
        at: c.at.toISOString(),
        title: c.action === 'added' ? 'Added to the missing list' : 'Taken off the missing list',
        detail: c.reason,
        byName: c.byName,
      });
    }
    for (const a of await alertsOf(db, schoolId, { visible: sql`true`, since: EVER, pupilId })) {
      entries.push({
        id: `missing-alert-${a.id}`,
        kind: 'missing_absence',
        at: new Date(a.raised_at).toISOString(),
        title: `On the missing list and absent without a reason (${SESSION_LABELS[a.session].toLowerCase()}, mark ${a.code})`,
        detail:
          a.action_taken === null
            ? 'Not yet followed up'
            : `${MISSING_ACTION_TAKEN_LABELS[a.action_taken]}: ${a.action_note ?? ''}`,
        byName: a.action_by_name,
      });
    }
    return entries;
  },
};
