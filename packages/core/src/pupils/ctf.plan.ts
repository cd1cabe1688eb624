/**
 * What applying a common transfer file would change: its pupils planned as a pupils file (never
 * marking anyone else as left: a CTF may hold one joining pupil), then their contacts planned as a
 * contacts file, a pupil joining now counting as on roll.
 */
import {
  outlinePlan,
  planContactImport,
  planPupilImport,
  type ContactPlan,
  type ExistingContact,
  type ExistingPupil,
  type ImportCounts,
  type ImportPayload,
  type PupilPlan,
  type SchoolLookups,
} from './import';
import type { CtfOutline } from './import.responses';

type CtfPayload = Extract<ImportPayload, { kind: 'ctf' }>;

export interface CtfPlan {
  kind: 'ctf';
  pupils: PupilPlan;
  contacts: ContactPlan;
}

/** Stands for the id of a pupil the file adds, until applying gives them one. */
const JOINING = 'joining:';

export function planCtfPupils(payload: CtfPayload, existing: readonly ExistingPupil[]): PupilPlan {
  return planPupilImport({ kind: 'pupils', ...payload.pupils }, existing, { markLeavers: false });
}

/**
 * The contacts against the school's contacts, with every pupil in the file counted as on roll: at
 * preview a joining pupil has no id yet, so their contacts are all additions.
 */
export function planCtfContacts(
  payload: CtfPayload,
  existing: readonly ExistingContact[],
  lookups: SchoolLookups,
): ContactPlan {
  const pupilIdByUpn = new Map(lookups.pupilIdByUpn);
  for (const row of payload.pupils.rows) {
    if (!pupilIdByUpn.has(row.upn)) pupilIdByUpn.set(row.upn, `${JOINING}${row.upn}`);
  }
  return planContactImport({ kind: 'contacts', ...payload.contacts }, existing, { ...lookups, pupilIdByUpn });
}

export function planCtfImport(
  payload: CtfPayload,
  snapshot: { pupils: readonly ExistingPupil[]; contacts: readonly ExistingContact[]; lookups: SchoolLookups },
): CtfPlan {
  return {
    kind: 'ctf',
    pupils: planCtfPupils(payload, snapshot.pupils),
    contacts: planCtfContacts(payload, snapshot.contacts, snapshot.lookups),
  };
}

/** The preview of a CTF: the pupils' counts and sample as a pupils file, and the contacts' beside them. */
export function outlineCtfPlan(
  plan: CtfPlan,
  totalContacts: number,
): {
  counts: Omit<ImportCounts, 'totalRows' | 'errorCount'>;
  sample: ReturnType<typeof outlinePlan>['sample'];
  contacts: CtfOutline['contacts'];
  contactSample: CtfOutline['contactSample'];
} {
  const pupils = outlinePlan(plan.pupils);
  const contacts = outlinePlan(plan.contacts);
  return {
    counts: pupils.counts,
    sample: pupils.sample,
    contacts: {
      totalRows: totalContacts,
      toAdd: contacts.counts.toAdd,
      toUpdate: contacts.counts.toUpdate,
      unchanged: contacts.counts.unchanged,
    },
    contactSample: contacts.sample,
  };
}
