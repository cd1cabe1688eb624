/** Training figures a self-assessment may cite (filled in by the feature). */
import type { SchoolRecordSource } from '../platform/registries';

export const trainingRecords: SchoolRecordSource = {
  kind: 'training',
  heading: 'Training record',
  list() {
    return Promise.resolve([]);
  },
};
