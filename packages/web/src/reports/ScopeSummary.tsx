/** What a report covers, in words: the days, the pupils, the day "now" figures are taken on. */
import type { ReportScope } from '@tandem/core';
import { formatDateTime, formatIsoDay } from '../components/dates';
import { SummaryList } from '../components/Page';
import { pupilsInWords } from './reportsApi';

export function ScopeSummary({ scope, generatedAt }: { scope: ReportScope; generatedAt?: string }) {
  return (
    <div className="report-scope">
      <SummaryList
        rows={[
          { key: 'days', label: 'Days', value: scope.label },
          { key: 'pupils', label: 'Pupils', value: pupilsInWords(scope) },
          {
            key: 'asOf',
            label: 'Figures “now” are on',
            value: `${formatIsoDay(scope.asOf)} (pupils on roll, levels, waiting, overdue)`,
          },
          ...(generatedAt === undefined
            ? []
            : [{ key: 'at', label: 'Worked out', value: formatDateTime(generatedAt) }]),
        ]}
      />
    </div>
  );
}

/** How to read hidden cells, shown wherever a report may hide some. */
export function HiddenCellsNote() {
  return (
    <p className="secondary-text report-note">
      “Fewer than 5” stands for a count from 1 to 4, not shown so that no pupil can be recognised from it. “Hidden”
      marks a number left out because the small one could otherwise be worked out from it.
    </p>
  );
}
