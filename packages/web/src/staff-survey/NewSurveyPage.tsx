/** Prepare a survey (the head or the SMHL): it starts with the built-in statements. */
import { BUILT_IN_STATEMENTS, STAFF_GROUPS } from '@tandem/core';
import { apiPost } from '../api/client';
import { useSchool } from '../auth/session';
import { addDays, ukIsoDay } from '../components/dates';
import { BackLink, PageTitle } from '../components/Page';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { surveysPage } from '../whole-school/paths';
import { SurveyForm, valuesOf } from './SurveyForm';
import { createdResponse, mayManageSurveys, surveyPage, surveysApi } from './surveyApi';
import './survey.css';

export function NewSurveyPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const navigate = useNavigate();
  if (school === undefined || !mayManageSurveys(school)) return <NotFoundPage />;
  const today = ukIsoDay();
  return (
    <div className="survey">
      <BackLink to={surveysPage(school.id)}>Back to the staff wellbeing survey</BackLink>
      <PageTitle caption={school.name}>Prepare a survey</PageTitle>
      <p className="lead">Nothing is sent until you open the survey. You can change everything until then.</p>
      <SurveyForm
        initial={valuesOf({
          title: '',
          opensOn: today,
          closesOn: addDays(today, 14),
          groups: [...STAFF_GROUPS],
          statements: BUILT_IN_STATEMENTS,
        })}
        submitText="Save the draft survey"
        cancel={<Link to={surveysPage(school.id)}>Cancel</Link>}
        onSend={async (input) => {
          const made = await apiPost(surveysApi(school.id), input, createdResponse);
          navigate(surveyPage(school.id, made.id), { flash: { kind: 'success', title: 'Survey saved as a draft' } });
        }}
      />
    </div>
  );
}
