/** The action plan's due jobs (filled in by the feature). */
import type { DueJob } from '../platform/registries';

export const actionDueJobs: readonly DueJob[] = [];
