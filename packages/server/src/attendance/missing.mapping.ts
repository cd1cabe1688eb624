/** Missing list rows to API answers, in one place. */
import type { MissingAlert, MissingWhy } from '@tandem/core';
import { pupilName } from '../platform/directory';
import type { AlertRow, ListedPupil } from './missing.queries';

const iso = (v: string | Date): string => new Date(v).toISOString();

export function pupilRef(r: {
  pupil_id: string;
  given_name: string;
  preferred_name: string | null;
  family_name: string;
  year_group: number;
  form: string | null;
}) {
  return {
    pupilId: r.pupil_id,
    name: pupilName({ givenName: r.given_name, preferredName: r.preferred_name, familyName: r.family_name }),
    yearGroup: r.year_group,
    form: r.form,
  };
}

/** Why the pupil is on the list: the DSL's addition wins over the level (it carries a reason). */
export function whyOf(r: ListedPupil): MissingWhy {
  if (r.last_action === 'added') {
    return {
      source: 'added',
      reason: r.last_reason ?? '',
      byName: r.last_by_name ?? '',
      at: r.last_at === null ? '' : iso(r.last_at),
    };
  }
  return {
    source: 'level',
    level: r.current_level ?? 'MH4',
    since: r.level_changed_at === null ? null : iso(r.level_changed_at),
  };
}

export function toMissingAlert(r: AlertRow): MissingAlert {
  return {
    ...pupilRef(r),
    id: r.id,
    on: r.on,
    session: r.session,
    code: r.code,
    raisedAt: iso(r.raised_at),
    alertedNames: r.alerted_names ?? [],
    action:
      r.action_taken === null || r.action_at === null
        ? null
        : { action: r.action_taken, note: r.action_note ?? '', byName: r.action_by_name ?? '', at: iso(r.action_at) },
  };
}
