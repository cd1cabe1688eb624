/** Counts per course (a table) and the gaps by role (sentences), those with gaps first. */
import { TRAINING_COURSE_SHORT_LABELS, type SchoolTraining } from '@tandem/core';
import { Table } from '../components/Table';

export function TrainingSummary({ view }: { view: SchoolTraining }) {
  const behind = (g: SchoolTraining['gaps'][number]) =>
    g.counts.overdue + g.counts.missing + g.counts.due + g.counts.awaiting;
  const gaps = [...view.gaps].sort((a, b) => Number(behind(b) > 0) - Number(behind(a) > 0));
  return (
    <>
      <h3 className="heading-m">Gaps by role</h3>
      {gaps.length === 0 ? (
        <p className="empty-state">
          No one on the staff yet. Add staff and their roles, and what they need appears here.
        </p>
      ) : (
        <ul className="list training-gaps">
          {gaps.map((g) => (
            <li key={`${g.holder}-${g.course}`} className={behind(g) > 0 ? 'training-gaps__behind' : undefined}>
              {g.sentence}
            </li>
          ))}
        </ul>
      )}
      {view.counts.length > 0 && <h3 className="heading-m">Each course, across {view.totalStaff} staff</h3>}
      {view.counts.length > 0 && (
        <Table
          caption={`Each course, across ${String(view.totalStaff)} staff`}
          captionHidden
          rows={view.counts}
          rowKey={(c) => c.course}
          columns={[
            {
              key: 'course',
              header: 'Training',
              label: 'Training',
              cell: (c) => TRAINING_COURSE_SHORT_LABELS[c.course],
            },
            { key: 'up', header: 'Up to date', label: 'Up to date', numeric: true, cell: (c) => c.counts.up_to_date },
            {
              key: 'due',
              header: 'Due within 60 days',
              label: 'Due within 60 days',
              numeric: true,
              cell: (c) => c.counts.due,
            },
            { key: 'overdue', header: 'Overdue', label: 'Overdue', numeric: true, cell: (c) => c.counts.overdue },
            { key: 'missing', header: 'Missing', label: 'Missing', numeric: true, cell: (c) => c.counts.missing },
            {
              key: 'awaiting',
              header: 'Awaiting confirmation',
              label: 'Awaiting confirmation',
              numeric: true,
              cell: (c) => c.counts.awaiting,
            },
          ]}
        />
      )}
    </>
  );
}
