/**
 * The days a report covers, from the period asked for and today: this term so far, the last term,
 * this school year so far, or two days chosen. Figures "now" (levels, waiting now, overdue) are
 * taken on `asOf`: today, or the last day when the days asked for are over.
 */
import { AppError, type FieldIssue } from '../errors/app-error';
import { lastEndedTerm, schoolYearOf, termOf } from './terms';
import type { ReportQuery, ReportScope } from './reports.schemas';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "6 December 2026" for an ISO day. */
export function dayWords(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** "1 September to 6 December 2026" (the year once when both days share it). */
export function daysWords(from: string, to: string): string {
  const a = dayWords(from);
  return from.slice(0, 4) === to.slice(0, 4) ? `${a.slice(0, -5)} to ${dayWords(to)}` : `${a} to ${dayWords(to)}`;
}

/** The earliest day a report may start on. */
export const EARLIEST_REPORT_DAY = '2000-01-01';

export function resolveReportScope(
  q: Pick<ReportQuery, 'period' | 'from' | 'to' | 'yearGroup' | 'characteristic'>,
  today: string,
): ReportScope {
  const min = (a: string, b: string) => (a < b ? a : b);
  let from: string;
  let to: string;
  let label: string;
  switch (q.period) {
    case 'this_term': {
      const t = termOf(today);
      from = t.from;
      to = min(t.to, today);
      label = `${t.label}${to < t.to ? ' so far' : ''}`;
      break;
    }
    case 'last_term': {
      const t = lastEndedTerm(termOf(today).to < today ? termOf(today).from : today);
      from = t.from;
      to = t.to;
      label = t.label;
      break;
    }
    case 'this_year': {
      const y = schoolYearOf(today);
      from = y.from;
      to = min(y.to, today);
      label = `School year ${y.label}${to < y.to ? ' so far' : ''}`;
      break;
    }
    case 'custom': {
      const fields: FieldIssue[] = [];
      if (!q.from) fields.push({ path: 'from', message: 'Enter the first day' });
      if (!q.to) fields.push({ path: 'to', message: 'Enter the last day' });
      if (q.from && q.from < EARLIEST_REPORT_DAY)
        fields.push({ path: 'from', message: 'The first day must be in 2000 or later' });
      if (q.from && q.to && q.from > q.to)
        fields.push({ path: 'to', message: 'The last day must be the same as or after the first day' });
      if (q.from && q.from > today) fields.push({ path: 'from', message: 'The first day must be today or earlier' });
      if (fields.length > 0) {
        throw new AppError('validation', 'bad report dates', {
          userMessage: 'Choose the days the report covers.',
          fields,
        });
      }
      from = q.from!;
      to = min(q.to!, today);
      label = 'Days chosen';
      break;
    }
  }
  return {
    period: q.period,
    from,
    to,
    label: `${label} (${daysWords(from, to)})`,
    yearGroup: q.yearGroup ?? null,
    characteristic: q.characteristic ?? null,
    asOf: min(to, today),
  };
}
