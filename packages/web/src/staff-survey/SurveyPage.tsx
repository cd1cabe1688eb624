/**
 * One survey. While a draft, the head or SMHL changes it and opens it; while open, they see how many
 * have answered, remind those who have not, or close it; once closed, the results. Anyone else asked
 * to answer is sent to the survey itself.
 */
import { SURVEY_STATUS_LABELS, STAFF_GROUP_LABELS, surveyDetailSchema, type SurveyDetail } from '@tandem/core';
import { useState } from 'react';
import { apiPost, apiPut } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { listInWords } from '../components/format';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Button, ButtonGroup } from '../components/Form';
import { BackLink, FlashBanner, NotificationBanner, PageTitle, Panel, SummaryList, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash, useNavigate } from '../router/router';
import { answerSurveyPage, surveysPage } from '../whole-school/paths';
import { SurveyForm, valuesOf } from './SurveyForm';
import { SurveyResultsView } from './SurveyResults';
import {
  createdResponse,
  mayUseSurveys,
  okResponse,
  openedResponse,
  remindedResponse,
  STATUS_TONES,
  surveyApi,
  surveyPage,
} from './surveyApi';
import './survey.css';

export function SurveyPage({ schoolId, surveyId }: { schoolId: string; surveyId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayUseSurveys(school);
  const { resource, reload } = useResource(allowed ? surveyApi(schoolId, surveyId) : null, surveyDetailSchema);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Staff wellbeing survey',
      caption: school.name,
      loading: 'Loading the survey',
      back: { to: surveysPage(school.id), text: 'Back to the staff wellbeing survey' },
      onRetry: reload,
    });
  }
  return <Survey schoolId={school.id} schoolName={school.name} data={resource.data} reload={reload} />;
}

function Survey({
  schoolId,
  schoolName,
  data,
  reload,
}: {
  schoolId: string;
  schoolName: string;
  data: SurveyDetail;
  reload: () => void;
}) {
  const flash = useFlash();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'open' | 'close' | null>(null);
  const action = useAction<'open' | 'close' | 'remind'>();
  const s = data.survey;
  const api = surveyApi(schoolId, s.id);
  const who = s.groups.length === 3 ? 'All staff' : listInWords(s.groups.map((g) => STAFF_GROUP_LABELS[g]));

  if (editing) {
    return (
      <div className="survey">
        <PageTitle caption={schoolName}>Change the survey</PageTitle>
        <SurveyForm
          initial={valuesOf(s)}
          submitText="Save changes"
          cancel={
            <button
              type="button"
              className="link-button link-cancel"
              onClick={() => {
                setEditing(false);
              }}
            >
              Cancel
            </button>
          }
          onSend={async (input) => {
            await apiPut(api, input, createdResponse);
            setEditing(false);
            setNotice('Changes saved.');
            reload();
          }}
        />
      </div>
    );
  }

  return (
    <div className="survey">
      <BackLink to={surveysPage(schoolId)}>Back to the staff wellbeing survey</BackLink>
      <FlashBanner flash={flash} />
      {notice !== null && <NotificationBanner kind="success" title={notice} />}
      <PageTitle caption={schoolName}>{s.title}</PageTitle>
      <SummaryList
        rows={[
          {
            key: 'status',
            label: 'Status',
            value: <Tag tone={STATUS_TONES[s.status]}>{SURVEY_STATUS_LABELS[s.status]}</Tag>,
          },
          { key: 'when', label: 'Open', value: `${formatIsoDay(s.opensOn)} to ${formatIsoDay(s.closesOn)}` },
          { key: 'who', label: 'Asked', value: who },
          ...(s.status !== 'draft' && s.invited !== null
            ? [
                {
                  key: 'answered',
                  label: 'Answered',
                  value: `${String(s.responded ?? 0)} of ${String(s.invited)} have answered`,
                },
              ]
            : []),
        ]}
      />
      {s.mine.invited && s.status === 'open' && (
        <p>
          {s.mine.answered ? (
            <strong>You have answered this survey. Thank you.</strong>
          ) : (
            <Link to={answerSurveyPage(schoolId, s.id)} className="button button--primary">
              Answer the survey
            </Link>
          )}
        </p>
      )}
      {action.problem !== null && (
        <p className="error-text" role="alert">
          {action.problem}
        </p>
      )}
      {data.canManage && s.status === 'draft' && (
        <Panel title="Before it opens">
          <p>Opening sends each person asked an e-mail invitation. After that the statements cannot be changed.</p>
          <ButtonGroup>
            <Button
              disabled={action.busy}
              onClick={() => {
                setConfirming('open');
              }}
            >
              Open the survey now
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setEditing(true);
              }}
            >
              Change the survey
            </Button>
          </ButtonGroup>
        </Panel>
      )}
      {data.canManage && s.status === 'open' && (
        <Panel title="While it is open">
          <p>
            Results are shown once the survey closes, on {formatIsoDay(s.closesOn)} or when you close it. A reminder
            goes only to those who have not answered; you will not see who they are.
          </p>
          <ButtonGroup>
            <Button
              variant="secondary"
              busy={action.running === 'remind'}
              busyText="Sending…"
              disabled={action.busy}
              onClick={() => {
                void action.runAs('remind', async () => {
                  const r = await apiPost(`${api}/remind`, {}, remindedResponse);
                  setNotice(
                    r.reminded === 0
                      ? 'Everyone asked has answered.'
                      : `Reminder sent to ${String(r.reminded)} people.`,
                  );
                });
              }}
            >
              Remind those who have not answered
            </Button>
            <Button
              variant="warning"
              disabled={action.busy}
              onClick={() => {
                setConfirming('close');
              }}
            >
              Close the survey now
            </Button>
          </ButtonGroup>
        </Panel>
      )}
      <ConfirmDialog
        open={confirming === 'open'}
        title="Open the survey?"
        confirmText="Open and invite staff"
        busy={action.running === 'open'}
        onCancel={() => {
          setConfirming(null);
        }}
        onConfirm={() => {
          void action.runAs('open', async () => {
            try {
              const r = await apiPost(`${api}/open`, {}, openedResponse);
              setNotice(`The survey is open. ${String(r.invited)} people have been invited by e-mail.`);
              reload();
            } finally {
              setConfirming(null);
            }
          });
        }}
      >
        <p>Everyone asked gets an e-mail invitation now. The statements can no longer be changed.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'close'}
        title="Close the survey?"
        confirmText="Close the survey"
        busy={action.running === 'close'}
        onCancel={() => {
          setConfirming(null);
        }}
        onConfirm={() => {
          void action.runAs('close', async () => {
            try {
              await apiPost(`${api}/close`, {}, okResponse);
            } finally {
              setConfirming(null);
            }
            navigate(surveyPage(schoolId, s.id), { flash: { kind: 'success', title: 'The survey is closed' } });
            reload();
          });
        }}
      >
        <p>Nobody else will be able to answer. The results will be shown here.</p>
      </ConfirmDialog>
      {data.canManage && s.status === 'closed' && <SurveyResultsView schoolId={schoolId} surveyId={s.id} />}
      {!data.canManage && s.status !== 'open' && <p>This survey is not open.</p>}
    </div>
  );
}
