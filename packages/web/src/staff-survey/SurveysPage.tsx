/**
 * The staff wellbeing survey: for everyone, the surveys they are asked to answer; for the head and
 * the SMHL, every survey with its status and how many have answered (never who).
 */
import { STAFF_GROUP_LABELS, SURVEY_STATUS_LABELS, surveyListSchema, type SurveyList } from '@tandem/core';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { listInWords } from '../components/format';
import { BackLink, FlashBanner, Loading, PageTitle, Panel, Tag } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import { answerSurveyPage, wholeSchoolPage } from '../whole-school/paths';
import { mayUseSurveys, newSurveyPage, STATUS_TONES, surveyPage, surveysApi } from './surveyApi';
import './survey.css';

export function SurveysPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayUseSurveys(school);
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? surveysApi(schoolId) : null, surveyListSchema);
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <div className="survey">
      <BackLink to={wholeSchoolPage(school.id)}>Back to whole school</BackLink>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Staff wellbeing survey</PageTitle>
      <p className="lead">
        A short, anonymous survey about workload, support, being listened to and wellbeing. Nobody can see what you
        answered: results are only shown for groups of at least 5 people, once the survey has closed.
      </p>
      {resource.status === 'loading' && <Loading what="Loading the surveys" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <Surveys schoolId={school.id} data={resource.data} />}
    </div>
  );
}

function Surveys({ schoolId, data }: { schoolId: string; data: SurveyList }) {
  const toAnswer = data.surveys.filter((s) => s.status === 'open' && s.mine.invited);
  return (
    <>
      {toAnswer.length > 0 && (
        <Panel title="Surveys for you">
          <ul className="list">
            {toAnswer.map((s) => (
              <li key={s.id}>
                {s.mine.answered ? (
                  <>
                    {s.title}: <strong>you have answered this survey</strong>. Thank you.
                  </>
                ) : (
                  <>
                    <Link to={answerSurveyPage(schoolId, s.id)} className="button button--primary survey__answer">
                      Answer the survey
                    </Link>{' '}
                    {s.title}, open until {formatIsoDay(s.closesOn)}
                  </>
                )}
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {data.canManage ? (
        <Managed schoolId={schoolId} data={data} />
      ) : (
        toAnswer.length === 0 && (
          <div className="empty-state">
            <h2 className="heading-m">No survey to answer just now</h2>
            <p>
              When the headteacher or the Senior Mental Health Lead opens a survey for your group, you will get an
              e-mail and it will appear here and on your home page.
            </p>
          </div>
        )
      )}
    </>
  );
}

function Managed({ schoolId, data }: { schoolId: string; data: SurveyList }) {
  return (
    <>
      <p>
        <Link to={newSurveyPage(schoolId)} className="button button--primary">
          Prepare a survey
        </Link>
      </p>
      {data.surveys.length === 0 ? (
        <div className="empty-state">
          <h2 className="heading-m">No surveys yet</h2>
          <p>
            Prepare the first survey: it starts with ten built-in statements you can reword, and you choose who is asked
            and for how long. Staff are surveyed at least once a year.
          </p>
        </div>
      ) : (
        <Table
          caption={`${String(data.surveys.length)} ${data.surveys.length === 1 ? 'survey' : 'surveys'}`}
          rowKey={(s) => s.id}
          rows={data.surveys}
          columns={[
            {
              key: 'title',
              header: 'Survey',
              label: 'Survey',
              cell: (s) => <Link to={surveyPage(schoolId, s.id)}>{s.title}</Link>,
            },
            {
              key: 'status',
              header: 'Status',
              label: 'Status',
              nowrap: true,
              cell: (s) => <Tag tone={STATUS_TONES[s.status]}>{SURVEY_STATUS_LABELS[s.status]}</Tag>,
            },
            {
              key: 'when',
              header: 'Open',
              label: 'Open',
              cell: (s) => `${formatIsoDay(s.opensOn)} to ${formatIsoDay(s.closesOn)}`,
            },
            {
              key: 'who',
              header: 'Asked',
              label: 'Asked',
              cell: (s) =>
                s.groups.length === 3 ? 'All staff' : listInWords(s.groups.map((g) => STAFF_GROUP_LABELS[g])),
            },
            {
              key: 'answered',
              header: 'Answered',
              label: 'Answered',
              cell: (s) =>
                s.status === 'draft'
                  ? 'Not open yet'
                  : `${String(s.responded ?? 0)} of ${String(s.invited ?? 0)} have answered`,
            },
          ]}
        />
      )}
    </>
  );
}
