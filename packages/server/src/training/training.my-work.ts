/** The training record's part of my work (filled in by the feature). */
import type { MyWorkSource } from '../platform/registries';

export const trainingMyWork: MyWorkSource = {
  name: 'training',
  items() {
    return Promise.resolve({});
  },
};
