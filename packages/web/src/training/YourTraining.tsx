/** "Your training": where the reader stands on what their roles need, and every record they have. */
import { TRAINING_COURSE_LABELS, type MyTraining } from '@tandem/core';
import { formatIsoDay } from '../components/dates';
import { listInWords } from '../components/format';
import { Table } from '../components/Table';
import { Link } from '../router/router';
import { RecordTag, StatusTag } from './TrainingTags';
import { newTrainingPage, trainingRecordPage } from './trainingApi';

const day = (d: string | null, none = '—') => (d === null ? none : formatIsoDay(d));

export function YourTraining({ schoolId, mine }: { schoolId: string; mine: MyTraining }) {
  const toDo = mine.required.filter((r) => r.status === 'missing' || r.status === 'overdue' || r.status === 'due');
  return (
    <section aria-labelledby="your-training" className="training__section">
      <h2 className="heading-l" id="your-training">
        Your training
      </h2>
      {mine.required.length > 0 && <h3 className="heading-m">What your roles need</h3>}
      {mine.required.length > 0 && (
        <Table
          caption="What your roles need"
          captionHidden
          rows={mine.required}
          rowKey={(r) => r.course}
          columns={[
            { key: 'course', header: 'Training', label: 'Training', cell: (r) => TRAINING_COURSE_LABELS[r.course] },
            {
              key: 'status',
              header: 'Status',
              label: 'Status',
              nowrap: true,
              cell: (r) => <StatusTag status={r.status} />,
            },
            {
              key: 'done',
              header: 'Done on',
              label: 'Done on',
              nowrap: true,
              cell: (r) => day(r.completedOn, 'Not on record'),
            },
            {
              key: 'renew',
              header: 'Renew by',
              label: 'Renew by',
              nowrap: true,
              cell: (r) => (r.completedOn === null ? '—' : day(r.expiresOn, 'Does not expire')),
            },
          ]}
        />
      )}
      {toDo.length > 0 && (
        <p className="inset-text">
          {listInWords(toDo.map((r) => TRAINING_COURSE_LABELS[r.course]))}: ask the Senior Mental Health Lead when the
          next session is, and add it here once you have done it.
        </p>
      )}
      <p>
        <Link to={newTrainingPage(schoolId)} className="button button--primary">
          Add training you have done
        </Link>
      </p>
      <h3 className="heading-m">Your records</h3>
      {mine.records.length === 0 ? (
        <div className="empty-state">
          <p>You have no training on record in this school yet.</p>
          <p>
            Add training when you finish it, such as your yearly safeguarding update. The Senior Mental Health Lead will
            confirm it.
          </p>
        </div>
      ) : (
        <Table
          caption="Your training records, newest first"
          captionHidden
          rows={mine.records}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'course',
              header: 'Training',
              label: 'Training',
              cell: (r) => <Link to={trainingRecordPage(schoolId, r.id)}>{r.courseName}</Link>,
            },
            { key: 'done', header: 'Done on', label: 'Done on', nowrap: true, cell: (r) => day(r.completedOn) },
            { key: 'provider', header: 'Given by', label: 'Given by', cell: (r) => r.provider },
            {
              key: 'renew',
              header: 'Renew by',
              label: 'Renew by',
              nowrap: true,
              cell: (r) => day(r.expiresOn, 'Does not expire'),
            },
            { key: 'status', header: 'Status', label: 'Status', nowrap: true, cell: (r) => <RecordTag record={r} /> },
          ]}
        />
      )}
    </section>
  );
}
