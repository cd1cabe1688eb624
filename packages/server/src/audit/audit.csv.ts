import { toCsv } from '../http/csv';
import type { listAuditEntries } from './audit.queries';

type AuditPage = Awaited<ReturnType<typeof listAuditEntries>>;

/** The trail as a spreadsheet, one entry a row, newest first (formulas neutralised by toCsv). */
export function auditCsv(page: AuditPage): string {
  return toCsv(
    ['Entry', 'When (UTC)', 'Who', 'What', 'Action code', 'Subject type', 'Subject id', 'From address', 'Detail'],
    page.entries.map((e) => [
      e.seq,
      e.at,
      e.actorName ?? '',
      e.actionLabel,
      e.action,
      e.subjectType,
      e.subjectId,
      e.ip,
      e.detail,
    ]),
  );
}
