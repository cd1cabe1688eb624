// PLACEHOLDER (being written now): this feature's part of the pupil's chronology moves here from
// pupils/chronology.ts. Not yet used: the chronology still reads pupils/chronology.ts directly.
import type { ChronologySource } from '../platform/registries';

export const concernChronology: ChronologySource = {
  name: 'concerns',
  kindOrder: {},
  entries: async () => [],
};
