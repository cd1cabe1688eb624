/**
 * Termly reports: the day after a term ends, each school's figures for it are prepared and kept,
 * and the headteacher and the SMHL are told by a content-free e-mail with a link.
 * TODO(issue 17)
 */
import type { DueJob } from '../platform/registries';

export const termlyReportJobs: DueJob[] = [];
