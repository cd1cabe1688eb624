/**
 * The device handed to a pupil: the app shows only the questionnaire, whatever the address, until
 * the member of staff gives their password. The pupil never sees scores or the urgent panel: when
 * they finish they are thanked and asked to hand the device back; staff see the rest afterwards.
 */
import { handBackSchema, questionnaireSchema, type SessionResponse } from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { useSession } from '../auth/session';
import { Button, ErrorSummary, Form, TextField } from '../components/Form';
import { firstName } from '../components/format';
import { Loading } from '../components/Page';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { LoadError } from '../errors/ErrorPages';
import { useNavigate } from '../router/router';
import { QuestionnaireAnswering } from './QuestionnaireAnswering';
import { questionnaireApi, questionnairePage, rememberCompletion } from './questionnairesApi';
import { handBackResponse, staffSaver } from './questionnaireRequests';
import './questionnaires.css';

type HandedTo = NonNullable<SessionResponse['handedTo']>;

export function HandedDevice({ handedTo }: { handedTo: HandedTo }) {
  const { session } = useSession();
  const { schoolId, questionnaireId } = handedTo;
  const { resource, reload } = useResource(questionnaireApi(schoolId, questionnaireId), questionnaireSchema);
  const [finished, setFinished] = useState(false);
  const staff = session.user === null ? 'the member of staff' : firstName(session.user.displayName);
  useEffect(() => {
    document.title = 'Questionnaire – Tandem';
  }, []);

  return (
    <main id="main-content" className="page-width handed" tabIndex={-1}>
      {resource.status === 'loading' && <Loading what="Loading the questions" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (finished || resource.data.status === 'complete' ? (
          <ThankYou staff={staff} />
        ) : (
          <QuestionnaireAnswering
            questionnaire={resource.data}
            saver={staffSaver(schoolId, questionnaireId)}
            forPupil
            onFinished={(result) => {
              rememberCompletion(questionnaireId, result);
              setFinished(true);
            }}
          />
        ))}
      <GiveBack staff={staff} />
    </main>
  );
}

/** On the pupil's screen after finishing: calm, and nothing about scores or risk. */
function ThankYou({ staff }: { staff: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="answer-mode">
      <h1 className="heading-l" tabIndex={-1} id="answer-heading" ref={heading}>
        Thank you
      </h1>
      <p className="answer-intro__text">You have finished. Please hand the device back to {staff}.</p>
    </div>
  );
}

const FIELDS = ['password'] as const;

/** "Give back to staff": the member of staff's own password returns the device to them. */
function GiveBack({ staff }: { staff: string }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const form = useFormErrors(FIELDS);
  const action = useAction(form);
  const { refresh } = useSession();
  const navigate = useNavigate();

  const submit = async () => {
    const parsed = handBackSchema.safeParse({ password });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    await action.run(
      async () => {
        const back = await apiPost('/api/auth/hand-back', parsed.data, handBackResponse);
        navigate(questionnairePage(back.schoolId, back.questionnaireId), { replace: true });
        await refresh();
      },
      {
        stayBusy: true,
        onRefused: (error) => {
          // Too many wrong passwords end the session: show the sign-in page (the answers are kept).
          if (error.code === 'unauthenticated') void refresh();
          else form.fromApi(error);
        },
      },
    );
  };

  return (
    <div className="handed__give-back">
      {!open ? (
        <Button
          variant="secondary"
          className="button--small"
          onClick={() => {
            setOpen(true);
          }}
        >
          Give back to staff
        </Button>
      ) : (
        <Form onSubmit={submit} label="Give back to staff">
          <h2 className="heading-s">Give back to staff</h2>
          <ErrorSummary errors={form.errors} />
          <TextField
            name="password"
            type="password"
            label={`${staff}: your Tandem password`}
            hint="Only the member of staff should type here."
            autoComplete="current-password"
            value={password}
            onValueChange={setPassword}
            error={form.errorFor('password')}
          />
          <div className="button-group">
            <Button type="submit" busy={action.busy} busyText="Checking…">
              Give back
            </Button>
            <button
              type="button"
              className="link-button link-cancel"
              onClick={() => {
                setOpen(false);
                setPassword('');
                form.clear();
              }}
            >
              Cancel
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
