/** What an import would do, decided by core's pure rules against a snapshot of the school's records. */
import {
  planContactImport,
  planGroupImport,
  planPupilImport,
  type ImportPayload,
  type ImportPlan,
  type ImportResult,
} from '@tandem/core';
import type { SchoolSnapshot } from './import.queries';

export function planImport(payload: ImportPayload, snapshot: SchoolSnapshot, markLeavers: boolean): ImportPlan {
  switch (payload.kind) {
    case 'pupils':
      return planPupilImport(payload, snapshot.pupils, { markLeavers });
    case 'contacts':
      return planContactImport(payload, snapshot.contacts, snapshot.lookups);
    case 'groups':
      return planGroupImport(payload, snapshot.groups, snapshot.lookups);
  }
}

/** What an applied plan did, as counts. */
export function resultOf(plan: ImportPlan): ImportResult {
  return {
    added: plan.adds.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    markedLeft: plan.kind === 'pupils' ? plan.leavers.length : 0,
  };
}
