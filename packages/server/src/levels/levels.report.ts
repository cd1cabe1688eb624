/**
 * This feature's figures for the school's and the trust's reports (platform ReportSource).
 * TODO(issue 17): figures and drill-down.
 */
import type { ReportSource } from '../platform/registries';

export const levelReport: ReportSource = {
  keys: [],
  figures: async () => new Map(),
  drill: async () => null,
};
