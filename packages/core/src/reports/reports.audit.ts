/**
 * What reports write to the audit trail: one entry per view or export (never per figure), with the
 * filters asked for; identifiers only. Gathered into the one AuditEvent union in audit/events.ts.
 */
export type ReportAuditEvent =
  | {
      action: 'report.viewed';
      detail: { scope: 'school' | 'trust' | 'termly'; version: string; from: string; to: string; filter: string };
    }
  | {
      action: 'report.exported';
      detail: {
        scope: 'school' | 'trust' | 'termly';
        format: 'csv' | 'pdf';
        figure: string | null;
        from: string;
        to: string;
      };
    }
  | { action: 'report.drilled'; detail: { figure: string; row: string; pupils: number; from: string; to: string } }
  | { action: 'report.termly_prepared'; detail: { termKey: string } };

export const REPORT_AUDIT_LABELS: Record<ReportAuditEvent['action'], string> = {
  'report.viewed': 'Viewed a report',
  'report.exported': 'Exported a report',
  'report.drilled': 'Listed the pupils behind a figure',
  'report.termly_prepared': 'Prepared the termly report',
};

export const REPORT_SUBJECT_TYPES = ['report'] as const;
export const REPORT_SUBJECT_LABELS: Record<(typeof REPORT_SUBJECT_TYPES)[number], string> = {
  report: 'Report',
};
