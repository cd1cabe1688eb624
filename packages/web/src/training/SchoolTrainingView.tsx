/**
 * The training leads' view of the school: what awaits their confirmation, the counts per course,
 * the gaps by role, and every member of staff with the filters and the CSV download.
 */
import { schoolTrainingSchema, TRAINING_COURSES, TRAINING_STATUSES, SCHOOL_STAFF_ROLES } from '@tandem/core';
import { apiGetFile, withQuery } from '../api/client';
import { useResource } from '../api/useResource';
import { DownloadButton } from '../components/DownloadButton';
import { isOneOf } from '../components/format';
import { Loading } from '../components/Page';
import { LoadError } from '../errors/ErrorPages';
import { useSearchParams } from '../router/router';
import { AwaitingConfirmation } from './AwaitingConfirmation';
import { StaffTrainingTable } from './StaffTrainingTable';
import { TrainingFilters, type Filters } from './TrainingFilters';
import { TrainingSummary } from './TrainingSummary';
import { trainingApi, trainingCsvApi } from './trainingApi';

function filtersFrom(params: URLSearchParams): Filters {
  const course = params.get('course');
  const status = params.get('status');
  const role = params.get('role');
  return {
    course: isOneOf(TRAINING_COURSES, course) ? course : '',
    status: isOneOf(TRAINING_STATUSES, status) ? status : '',
    role: isOneOf(SCHOOL_STAFF_ROLES, role) ? role : '',
  };
}

const queryOf = (f: Filters) => ({
  course: f.course === '' ? undefined : f.course,
  status: f.status === '' ? undefined : f.status,
  role: f.role === '' ? undefined : f.role,
});

export function SchoolTrainingView({ schoolId }: { schoolId: string }) {
  const params = useSearchParams();
  const filters = filtersFrom(params);
  const { resource, reload } = useResource(withQuery(trainingApi(schoolId), queryOf(filters)), schoolTrainingSchema);
  return (
    <section aria-labelledby="school-training" className="training__section">
      <h2 className="heading-l" id="school-training">
        The school’s training
      </h2>
      {resource.status === 'loading' && <Loading what="Loading the school’s training" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          <AwaitingConfirmation schoolId={schoolId} awaiting={resource.data.awaiting} onConfirmed={reload} />
          <TrainingSummary view={resource.data} />
          <h3 className="heading-m" id="staff-training">
            Staff
          </h3>
          <TrainingFilters key={params.toString()} initial={filters} />
          <StaffTrainingTable
            schoolId={schoolId}
            view={resource.data}
            filtered={Object.values(filters).some((v) => v !== '')}
          />
          {resource.data.staff.length > 0 && (
            <DownloadButton
              busyText="Making the file…"
              getFile={() => apiGetFile(withQuery(trainingCsvApi(schoolId), queryOf(filters)), 'training.csv')}
            >
              Download this table as a spreadsheet (CSV)
            </DownloadButton>
          )}
        </>
      )}
    </section>
  );
}
