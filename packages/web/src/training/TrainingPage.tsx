/**
 * Training: for every member of staff, their own training (what their roles need, where they
 * stand, every record, and a way to add training they have done); for the training leads (SMHL,
 * headteacher, school administrator) also the school's view of who is due, overdue or missing.
 */
import { myTrainingSchema } from '@tandem/core';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { BackLink, FlashBanner, Loading, PageTitle } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { useFlash } from '../router/router';
import { wholeSchoolPage } from '../whole-school/paths';
import { SchoolTrainingView } from './SchoolTrainingView';
import { YourTraining } from './YourTraining';
import { mayKeepOwnTraining, mayManageTraining, myTrainingApi } from './trainingApi';
import './training.css';

export function TrainingPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayKeepOwnTraining(school);
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? myTrainingApi(schoolId) : null, myTrainingSchema);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const manages = mayManageTraining(school);
  return (
    <div className="training">
      <BackLink to={wholeSchoolPage(school.id)}>Back to whole school</BackLink>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Training</PageTitle>
      <p className="lead">
        {manages
          ? 'Your own training, and the school’s: who needs to renew, who is overdue and what is missing.'
          : 'The training you have done, and what your roles need. Add training when you finish it and the lead will confirm it.'}
      </p>
      {resource.status === 'loading' && <Loading what="Loading your training" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <YourTraining schoolId={school.id} mine={resource.data} />}
      {manages && <SchoolTrainingView schoolId={school.id} />}
    </div>
  );
}
