/** Policies a self-assessment may cite (filled in by the feature). */
import type { SchoolRecordSource } from '../platform/registries';

export const policyRecords: SchoolRecordSource = {
  kind: 'policy',
  heading: 'Policy register',
  list() {
    return Promise.resolve([]);
  },
};
