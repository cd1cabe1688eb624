/**
 * Answering the staff wellbeing survey, phone first: what is and is not kept, then each statement
 * as one question, the optional free text, and a thank-you. Nothing of the answers comes back.
 */
import {
  AGREEMENT_LABELS,
  AGREEMENT_SCALE,
  FREE_TEXT_QUESTION,
  SURVEY_LIMITS,
  SURVEY_REASSURANCE,
  answerInputSchema,
  surveyDetailSchema,
  type SurveyDetail,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { Button, ErrorSummary, Form, Radios, TextareaField } from '../components/Form';
import { BackLink, PageTitle, Panel } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { schoolPage } from '../pupils/pupilsApi';
import { surveysPage } from '../whole-school/paths';
import { answeredResponse, mayUseSurveys, surveyApi } from './surveyApi';
import './survey.css';

export function AnswerSurveyPage({ schoolId, surveyId }: { schoolId: string; surveyId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayUseSurveys(school);
  const { resource, reload } = useResource(allowed ? surveyApi(schoolId, surveyId) : null, surveyDetailSchema);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Staff wellbeing survey',
      caption: school.name,
      loading: 'Opening the survey',
      back: { to: surveysPage(school.id), text: 'Back to the staff wellbeing survey' },
      onRetry: reload,
    });
  }
  return <Answer schoolId={school.id} data={resource.data} />;
}

function Answer({ schoolId, data }: { schoolId: string; data: SurveyDetail }) {
  const s = data.survey;
  const [done, setDone] = useState(false);
  if (done || s.mine.answered) {
    return (
      <div className="survey survey--answer">
        <PageTitle caption={s.title}>{done ? 'Thank you' : 'You have already answered'}</PageTitle>
        <p className="lead">
          {done
            ? 'Your answers have been saved, with no link to you.'
            : 'You have answered this survey. Each person answers once.'}
        </p>
        <p>
          Results are shared once the survey closes on {formatIsoDay(s.closesOn)}, only for groups of at least 5 people.
          If anything in the survey has been on your mind, talking to someone you trust in school can help.
        </p>
        <p>
          <Link to={schoolPage(schoolId)}>Go to your home page</Link>
        </p>
      </div>
    );
  }
  if (s.status !== 'open' || !s.mine.invited) {
    return (
      <div className="survey survey--answer">
        <BackLink to={surveysPage(schoolId)}>Back to the staff wellbeing survey</BackLink>
        <PageTitle caption={s.title}>This survey is not open to you</PageTitle>
        <p>It has not opened yet, it has closed, or it was not sent to your group.</p>
      </div>
    );
  }
  return <AnswerForm schoolId={schoolId} data={data} onDone={() => setDone(true)} />;
}

function AnswerForm({ schoolId, data, onDone }: { schoolId: string; data: SurveyDetail; onDone: () => void }) {
  const s = data.survey;
  const paths = [...s.statements.map((st) => `answers.${st.key}`), 'freeText'];
  const form = useWorkForm(paths);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [freeText, setFreeText] = useState('');

  const submit = async () => {
    const missing = s.statements
      .filter((st) => answers[st.key] === undefined)
      .map((st) => ({ path: `answers.${st.key}`, message: `Choose an answer for “${st.text}”` }));
    const body = {
      answers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, Number(v)])),
      ...(freeText.trim() === '' ? {} : { freeText }),
    };
    const ok = form.check(answerInputSchema.safeParse(body), missing);
    if (ok === null) return;
    await form.send(async () => {
      await apiPost(`${surveyApi(schoolId, s.id)}/answers`, ok, answeredResponse);
      window.scrollTo(0, 0);
      onDone();
    });
  };

  return (
    <div className="survey survey--answer">
      <BackLink to={surveysPage(schoolId)}>Back to the staff wellbeing survey</BackLink>
      <PageTitle caption="Staff wellbeing survey">{s.title}</PageTitle>
      <Panel title="Your answers are anonymous" tone="help">
        <ul className="list">
          {SURVEY_REASSURANCE.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </Panel>
      <p>
        {s.statements.length} short statements. Say how far you agree with each. It takes about 3 minutes. Open until{' '}
        {formatIsoDay(s.closesOn)}.
      </p>
      <Form onSubmit={submit} label="Your answers">
        <ErrorSummary errors={form.errors} />
        {s.statements.map((st, i) => (
          <Radios
            key={st.key}
            name={`answers.${st.key}`}
            legend={`${String(i + 1)}. ${st.text}`}
            options={[...AGREEMENT_SCALE].reverse().map((v) => ({ value: String(v), label: AGREEMENT_LABELS[v] }))}
            value={answers[st.key] ?? ''}
            onValueChange={(v) => {
              setAnswers((a) => ({ ...a, [st.key]: v }));
            }}
            error={form.errorFor(`answers.${st.key}`)}
          />
        ))}
        <TextareaField
          name="freeText"
          label={`${FREE_TEXT_QUESTION} (optional)`}
          hint="Please do not name yourself or anyone else. This is only read for groups of at least 5 people."
          value={freeText}
          onValueChange={setFreeText}
          maxChars={SURVEY_LIMITS.freeText}
          rows={5}
          error={form.errorFor('freeText')}
        />
        <Button type="submit" busy={form.busy} busyText="Sending…">
          Send my answers
        </Button>
      </Form>
    </div>
  );
}
