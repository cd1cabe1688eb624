/**
 * One questionnaire, for staff (/schools/:schoolId/questionnaires/:questionnaireId): what it is and
 * for whom; to answer it together here or hand the device to the pupil; once complete, the scores
 * (and, when a risk question was answered, the urgent panel above everything).
 */
import { interventionPage } from '../interventions/interventionsApi';
import {
  QUESTIONNAIRE_STATUS_LABELS,
  questionnaireSchema,
  RESPONDENT_LABELS,
  TIMEPOINT_LABELS,
  okResponse,
  type Questionnaire,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool, useSession, type SessionSchool } from '../auth/session';
import { formatDate } from '../components/dates';
import { Button, ButtonGroup } from '../components/Form';
import { BackLink, HelpNow, InsetText, PageTitle, SummaryList, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { pupilPage } from '../pupils/pupilsApi';
import { Link } from '../router/router';
import { QuestionnaireAnswering } from './QuestionnaireAnswering';
import { RiskPanel, ScoreList } from './QuestionnaireResults';
import { completionOf, questionnaireApi, rememberCompletion } from './questionnairesApi';
import { staffSaver } from './questionnaireRequests';

export function QuestionnairePage({ schoolId, questionnaireId }: { schoolId: string; questionnaireId: string }) {
  const school = useSchool(schoolId);
  const { resource, reload } = useResource(
    school === undefined ? null : questionnaireApi(schoolId, questionnaireId),
    questionnaireSchema,
  );
  if (school === undefined) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Questionnaire',
      caption: school.name,
      loading: 'Loading the questionnaire',
      onRetry: reload,
    });
  }
  return <QuestionnaireView key={resource.data.status} school={school} q={resource.data} onChanged={reload} />;
}

function QuestionnaireView({
  school,
  q,
  onChanged,
}: {
  school: SessionSchool;
  q: Questionnaire;
  onChanged: () => void;
}) {
  const [together, setTogether] = useState(false);
  const completed = completionOf(q.id);
  const complete = q.status === 'complete';
  return (
    <>
      {q.interventionId !== null && q.interventionName !== null ? (
        <BackLink to={interventionPage(school.id, q.interventionId)}>Back to {q.interventionName}</BackLink>
      ) : (
        <BackLink to={pupilPage(school.id, q.pupilId)}>Back to {q.pupilName}’s record</BackLink>
      )}
      <PageTitle caption={school.name}>{q.measure.name}</PageTitle>
      {complete && q.riskRaised && (
        <RiskPanel
          result={
            completed?.urgentMessage
              ? completed
              : q.urgentMessage === null
                ? null
                : { urgentMessage: q.urgentMessage, onDuty: q.onDuty }
          }
        />
      )}
      <SummaryList
        rows={[
          {
            key: 'pupil',
            label: 'Pupil',
            value: <Link to={pupilPage(school.id, q.pupilId)}>{q.pupilName}</Link>,
          },
          {
            key: 'intervention',
            label: 'Intervention',
            value:
              q.interventionId !== null && q.interventionName !== null ? (
                <Link to={interventionPage(school.id, q.interventionId)}>{q.interventionName}</Link>
              ) : (
                'None (a check)'
              ),
          },
          { key: 'when', label: 'When', value: TIMEPOINT_LABELS[q.timepoint] },
          { key: 'who', label: 'Who answers', value: RESPONDENT_LABELS[q.respondent] },
          {
            key: 'status',
            label: 'Status',
            value: (
              <>
                <Tag tone={complete ? 'green' : 'blue'}>{QUESTIONNAIRE_STATUS_LABELS[q.status]}</Tag>
                {q.completedAt !== null && ` on ${formatDate(q.completedAt)}`}
              </>
            ),
          },
        ]}
      />
      {complete ? (
        <>
          <h2 className="heading-m">Scores</h2>
          <ScoreList scores={q.scores ?? []} />
          <p className="hint">
            Licence: {q.measure.licence.name}. {q.measure.licence.note}
          </p>
        </>
      ) : together ? (
        <QuestionnaireAnswering
          questionnaire={q}
          saver={staffSaver(school.id, q.id)}
          headingLevel={2}
          forPupil={false}
          onFinished={(result) => {
            rememberCompletion(q.id, result);
            onChanged();
          }}
        />
      ) : (
        <HowToAnswer
          school={school}
          q={q}
          onTogether={() => {
            setTogether(true);
          }}
        />
      )}
      <HelpNow audience="staff" />
    </>
  );
}

/** The two ways to answer: together on this screen, or the device handed to the pupil. */
function HowToAnswer({ school, q, onTogether }: { school: SessionSchool; q: Questionnaire; onTogether: () => void }) {
  const { refresh } = useSession();
  const action = useAction();
  const answered = Object.keys(q.answers).length;
  const hand = async () => {
    await action.run(
      async () => {
        await apiPost(`${questionnaireApi(school.id, q.id)}/hand-to-pupil`, {}, okResponse);
        // The session now answers only this questionnaire: the app shows the pupil's screen.
        await refresh();
      },
      { stayBusy: true },
    );
  };
  return (
    <>
      <h2 className="heading-m">{answered === 0 ? 'Answer it' : 'Carry on answering'}</h2>
      {answered > 0 && <p>Answers so far are saved. It carries on from the first question not yet answered.</p>}
      {!q.measure.licence.itemTextShipped && (
        <InsetText>
          The words of the questions are not shown here ({q.measure.licence.name}). Read each question from your
          licensed copy.
        </InsetText>
      )}
      {/* The primary action first: handing over when the pupil answers, else answering together. */}
      <ButtonGroup>
        {q.respondent === 'pupil' && (
          <Button onClick={() => void hand()} busy={action.busy} busyText="Handing over…">
            Hand this device to the pupil
          </Button>
        )}
        <Button
          variant={q.respondent === 'pupil' ? 'secondary' : 'primary'}
          onClick={onTogether}
          disabled={action.busy}
        >
          Answer together here
        </Button>
      </ButtonGroup>
      {q.respondent === 'pupil' && (
        <p className="hint">
          Handing over shows {q.pupilFirstName} only the questions. To get the device back you will need your password.{' '}
          {q.pupilFirstName} will not see any scores.
        </p>
      )}
      {action.problem !== null && (
        <p className="error-message" role="alert">
          {action.problem}
        </p>
      )}
    </>
  );
}
