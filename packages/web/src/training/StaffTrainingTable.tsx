/** Every member of staff the filters leave, with each course they need and where they stand. */
import { TRAINING_COURSE_SHORT_LABELS, type SchoolTraining } from '@tandem/core';
import { formatIsoDay } from '../components/dates';
import { countOf, roleNames } from '../components/format';
import { Table } from '../components/Table';
import { Link } from '../router/router';
import { StatusTag } from './TrainingTags';
import { trainingRecordPage } from './trainingApi';

type Standing = SchoolTraining['staff'][number]['courses'][number];

function when(c: Standing): string {
  if (c.completedOn === null) return 'Nothing on record';
  if (c.expiresOn === null) return `Done ${formatIsoDay(c.completedOn)}, does not expire`;
  return `${c.status === 'overdue' ? 'Ran out' : 'Renew by'} ${formatIsoDay(c.expiresOn)}`;
}

export function StaffTrainingTable({
  schoolId,
  view,
  filtered,
}: {
  schoolId: string;
  view: SchoolTraining;
  filtered: boolean;
}) {
  if (view.staff.length === 0) {
    return (
      <div className="empty-state">
        {filtered ? (
          <p>No one matches these filters. Choose ‘Any status’ or another role to see more staff.</p>
        ) : (
          <p>No staff yet. Invite staff and give them their roles; their training appears here.</p>
        )}
      </div>
    );
  }
  return (
    <>
      <p className="count" aria-live="polite">
        {filtered
          ? `${countOf(view.staff.length, 'person', 'people')} of ${String(view.totalStaff)} staff`
          : countOf(view.totalStaff, 'member of staff', 'staff')}
      </p>
      <Table
        caption="Staff and the training their roles need"
        captionHidden
        rows={view.staff}
        rowKey={(s) => s.userId}
        columns={[
          { key: 'name', header: 'Name', label: 'Name', cell: (s) => s.name },
          { key: 'roles', header: 'Roles', label: 'Roles', cell: (s) => roleNames(s.roles) },
          {
            key: 'training',
            header: 'Training',
            label: 'Training',
            cell: (s) => (
              <ul className="training-standings">
                {s.courses.map((c) => (
                  <li key={c.course}>
                    <span className="training-standings__course">
                      {c.recordId === null ? (
                        TRAINING_COURSE_SHORT_LABELS[c.course]
                      ) : (
                        <Link to={trainingRecordPage(schoolId, c.recordId)}>
                          {TRAINING_COURSE_SHORT_LABELS[c.course]}
                        </Link>
                      )}
                    </span>{' '}
                    <StatusTag status={c.status} /> <span className="hint training-standings__when">{when(c)}</span>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}
