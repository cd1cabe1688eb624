/** The staff survey's due jobs (filled in by the feature). */
import type { DueJob } from '../platform/registries';

export const staffSurveyDueJobs: readonly DueJob[] = [];
