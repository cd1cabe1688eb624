/** What an import would do, decided by core's pure rules against a snapshot of the school's records. */
import {
  planCtfImport,
  planContactImport,
  planGroupImport,
  planPupilImport,
  type CtfPlan,
  type ImportPayload,
  type ImportPlan,
  type ImportResult,
} from '@tandem/core';
import type { SchoolSnapshot } from './import.queries';

export function planImport(
  payload: ImportPayload,
  snapshot: SchoolSnapshot,
  markLeavers: boolean,
): ImportPlan | CtfPlan {
  switch (payload.kind) {
    case 'pupils':
      return planPupilImport(payload, snapshot.pupils, { markLeavers });
    case 'contacts':
      return planContactImport(payload, snapshot.contacts, snapshot.lookups);
    case 'groups':
      return planGroupImport(payload, snapshot.groups, snapshot.lookups);
    case 'ctf':
      // Never marks leavers: a CTF may hold only the pupils joining.
      return planCtfImport(payload, snapshot);
  }
}

/** What an applied plan did, as counts (a CTF's pupils; its contacts are in its preview). */
export function resultOf(plan: ImportPlan | CtfPlan): ImportResult {
  if (plan.kind === 'ctf') return resultOf(plan.pupils);
  return {
    added: plan.adds.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    markedLeft: plan.kind === 'pupils' ? plan.leavers.length : 0,
  };
}
