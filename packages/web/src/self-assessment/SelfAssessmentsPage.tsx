/**
 * The school's self-assessments: each with its status and how far it has got, starting a new one
 * (the lead), and year on year (a table, a spreadsheet and a chart of each area's rating).
 */
import { assessmentListSchema, FRAMEWORK_LABELS, ratedProgress, type AssessmentList } from '@tandem/core';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatDate, formatIsoDay } from '../components/dates';
import { BackLink, FlashBanner, Loading, PageTitle, Tag } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import { wholeSchoolPage } from '../whole-school/paths';
import { ProgressSection } from './ProgressSection';
import { StartAssessmentForm } from './StartAssessmentForm';
import { assessmentPage, assessmentsApi, readsAssessments } from './selfAssessmentApi';
import './self-assessment.css';

export function SelfAssessmentsPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = readsAssessments(school);
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? assessmentsApi(schoolId) : null, assessmentListSchema);
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <div className="self-assessment">
      <BackLink to={wholeSchoolPage(school.id)}>Back to whole school</BackLink>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Self-assessment</PageTitle>
      <p className="lead">
        How far the school has a whole school approach to mental health and wellbeing. Colleagues rate each statement
        with evidence; the lead confirms it. Repeat it each year or term to see progress.
      </p>
      {resource.status === 'loading' && <Loading what="Loading self-assessments" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <Assessments schoolId={school.id} list={resource.data} />}
    </div>
  );
}

function Assessments({ schoolId, list }: { schoolId: string; list: AssessmentList }) {
  const openDrafts = list.assessments.filter((a) => a.status === 'draft').map((a) => a.framework);
  const assessed = [...new Set(list.assessments.map((a) => a.framework))];
  return (
    <>
      <section aria-labelledby="sa-list" className="sa-section">
        <h2 className="heading-m" id="sa-list">
          Assessments
        </h2>
        {list.assessments.length === 0 ? (
          <p className="empty-state">
            {list.mayLead
              ? 'No self-assessment yet. Start one below: choose a framework and the year or term it is for.'
              : 'No self-assessment yet. The senior mental health lead or the headteacher starts one; you can then rate statements.'}
          </p>
        ) : (
          <ul className="sa-list">
            {list.assessments.map((a) => (
              <li key={a.id} className="sa-list__item">
                <h3 className="heading-s sa-list__title">
                  <Link to={assessmentPage(schoolId, a.id)}>
                    {a.periodLabel}: {FRAMEWORK_LABELS[a.framework]}
                  </Link>
                </h3>
                <p className="sa-list__meta">
                  <Tag tone={a.status === 'draft' ? 'blue' : 'green'}>
                    {a.status === 'draft' ? 'Draft' : 'Confirmed'}
                  </Tag>{' '}
                  {ratedProgress(a.rated, a.total)}
                </p>
                <p className="secondary-text">
                  Started by {a.startedBy} on {formatIsoDay(a.startedOn)}
                  {a.confirmed !== null && `; confirmed by ${a.confirmed.name} on ${formatDate(a.confirmed.at)}`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      {list.mayLead && (
        <section aria-labelledby="sa-start" className="sa-section">
          <h2 className="heading-m" id="sa-start">
            Start a self-assessment
          </h2>
          <StartAssessmentForm schoolId={schoolId} openDrafts={openDrafts} />
        </section>
      )}
      {assessed.length > 0 && <ProgressSection schoolId={schoolId} frameworks={assessed} />}
    </>
  );
}
