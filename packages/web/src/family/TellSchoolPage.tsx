/**
 * "Tell the school about something at home": it reaches the lead's queue as from a parent. Each
 * draft has its own key, so pressing Send twice (or again after a lost answer) sends it once.
 */
import { PARENT_WORDS as W, tellSchoolSchema } from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { apiPost } from '../api/client';
import { Button, ErrorSummary, Form, TextareaField } from '../components/Form';
import { BackLink, PageTitle, WarningText } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { Link } from '../router/router';
import { childApi, childPage, familyHomePage, idResponse, newSubmissionKey, useChildView } from './familyApi';
import './family.css';

const FIELDS = ['text'] as const;

export function TellSchoolPage({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const { resource, reload } = useChildView(schoolId, pupilId);
  if (resource.status !== 'ready') {
    return (
      <div className="family">
        {resourceFallback(resource, {
          title: W.tellTitle,
          caption: '',
          loading: W.loading,
          back: { to: familyHomePage, text: W.homeTitle },
          onRetry: reload,
        })}
      </div>
    );
  }
  const { child } = resource.data;
  return <TellForm schoolId={schoolId} pupilId={pupilId} firstName={child.firstName} schoolName={child.schoolName} />;
}

function TellForm({
  schoolId,
  pupilId,
  firstName,
  schoolName,
}: {
  schoolId: string;
  pupilId: string;
  firstName: string;
  schoolName: string;
}) {
  const [text, setText] = useState('');
  const [submissionKey, setSubmissionKey] = useState(newSubmissionKey);
  const [sent, setSent] = useState(false);
  const form = useFormErrors(FIELDS);
  const action = useAction(form);

  const submit = async () => {
    const parsed = tellSchoolSchema.safeParse({ text, submissionKey });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    await action.run(async () => {
      await apiPost(`${childApi(schoolId, pupilId)}/messages`, parsed.data, idResponse);
      form.clear();
      setSent(true);
    });
  };

  return (
    <div className="family">
      <BackLink to={childPage(schoolId, pupilId)}>{W.backTo(firstName)}</BackLink>
      {!sent && <ErrorSummary errors={form.errors} />}
      <PageTitle caption={schoolName}>{W.tellTitle}</PageTitle>
      {sent ? (
        <Received
          title={W.tellDoneTitle}
          text={W.tellDoneText}
          backTo={childPage(schoolId, pupilId)}
          backText={W.backTo(firstName)}
          again={{
            text: W.tellAnother,
            onAgain: () => {
              setText('');
              setSubmissionKey(newSubmissionKey());
              setSent(false);
            },
          }}
        />
      ) : (
        <>
          <p className="lead">{W.tellIntro(firstName)}</p>
          <WarningText>{W.tellDanger}</WarningText>
          <Form onSubmit={submit}>
            <TextareaField
              name="text"
              label={W.tellLabel}
              hint={W.tellHint}
              rows={8}
              maxChars={5000}
              value={text}
              onValueChange={setText}
              error={form.errorFor('text')}
            />
            <Button type="submit" busy={action.busy} busyText={W.sendBusy}>
              {W.tellSend}
            </Button>
          </Form>
        </>
      )}
    </div>
  );
}

/** After sending: "We have received this", and that they will see when it has been read. */
export function Received({
  title,
  text,
  backTo,
  backText,
  again,
}: {
  title: string;
  text: string;
  backTo: string;
  backText: string;
  again?: { text: string; onAgain: () => void };
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="family-received" role="status" tabIndex={-1} ref={ref}>
      <h2 className="family-received__title">{title}</h2>
      <p>{text}</p>
      <p>
        <Link to={backTo}>{backText}</Link>
      </p>
      {again !== undefined && (
        <p>
          <button type="button" className="link-button" onClick={again.onAgain}>
            {again.text}
          </button>
        </p>
      )}
    </div>
  );
}
