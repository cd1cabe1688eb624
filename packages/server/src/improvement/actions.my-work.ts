/** The action plan's part of my work (filled in by the feature). */
import type { MyWorkSource } from '../platform/registries';

export const actionMyWork: MyWorkSource = {
  name: 'actions',
  items() {
    return Promise.resolve({});
  },
};
