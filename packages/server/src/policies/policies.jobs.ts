/** The policy register's due jobs (filled in by the feature). */
import type { DueJob } from '../platform/registries';

export const policyDueJobs: readonly DueJob[] = [];
