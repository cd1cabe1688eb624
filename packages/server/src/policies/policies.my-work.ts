/** The policy register's part of my work (filled in by the feature). */
import type { MyWorkSource } from '../platform/registries';

export const policyMyWork: MyWorkSource = {
  name: 'policies',
  items() {
    return Promise.resolve({});
  },
};
