/** The resource library's part of my work (filled in by the feature). */
import type { MyWorkSource } from '../platform/registries';

export const resourceMyWork: MyWorkSource = {
  name: 'resources',
  items() {
    return Promise.resolve({});
  },
};
