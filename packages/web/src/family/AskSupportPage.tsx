/**
 * "Ask for support in school": one of the support the school offers, or "I don't know which would
 * help", and why. It joins that waiting list as a parent's request, or the lead's queue.
 */
import { askSupportSchema, PARENT_WORDS as W, type SupportOffer } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { Button, ErrorSummary, Form, Radios, TextareaField } from '../components/Form';
import { BackLink, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { childApi, childPage, familyHomePage, idResponse, newSubmissionKey, useChildView } from './familyApi';
import { Received } from './TellSchoolPage';
import './family.css';

const FIELDS = ['interventionId', 'text'] as const;
const DONT_KNOW = 'dont-know';

export function AskSupportPage({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const { resource, reload } = useChildView(schoolId, pupilId);
  if (resource.status !== 'ready') {
    return (
      <div className="family">
        {resourceFallback(resource, {
          title: W.askTitle,
          caption: '',
          loading: W.loading,
          back: { to: familyHomePage, text: W.homeTitle },
          onRetry: reload,
        })}
      </div>
    );
  }
  const { child, supportOffers } = resource.data;
  return (
    <AskForm
      schoolId={schoolId}
      pupilId={pupilId}
      firstName={child.firstName}
      schoolName={child.schoolName}
      offers={supportOffers}
    />
  );
}

function AskForm({
  schoolId,
  pupilId,
  firstName,
  schoolName,
  offers,
}: {
  schoolId: string;
  pupilId: string;
  firstName: string;
  schoolName: string;
  offers: SupportOffer[];
}) {
  const [choice, setChoice] = useState('');
  const [text, setText] = useState('');
  const [submissionKey] = useState(newSubmissionKey);
  const [sent, setSent] = useState(false);
  const form = useFormErrors(FIELDS);
  const action = useAction(form);

  const submit = async () => {
    const chosen = offers.length === 0 || choice === DONT_KNOW ? null : choice === '' ? undefined : choice;
    const parsed = askSupportSchema.safeParse({ interventionId: chosen ?? null, text, submissionKey });
    const extra = chosen === undefined ? [{ path: 'interventionId', message: W.askChoose }] : [];
    if (!parsed.success || extra.length > 0) {
      form.fromIssues(parsed.success ? [] : parsed.error.issues, extra);
      return;
    }
    await action.run(async () => {
      await apiPost(`${childApi(schoolId, pupilId)}/support-requests`, parsed.data, idResponse);
      form.clear();
      setSent(true);
    });
  };

  return (
    <div className="family">
      <BackLink to={childPage(schoolId, pupilId)}>{W.backTo(firstName)}</BackLink>
      {!sent && <ErrorSummary errors={form.errors} />}
      <PageTitle caption={schoolName}>{W.askTitle}</PageTitle>
      {sent ? (
        <Received
          title={W.askDoneTitle}
          text={W.askDoneText}
          backTo={childPage(schoolId, pupilId)}
          backText={W.backTo(firstName)}
        />
      ) : (
        <>
          <p className="lead">{W.askIntro(firstName)}</p>
          <Form onSubmit={submit}>
            {offers.length > 0 ? (
              <Radios
                name="interventionId"
                legend={W.askWhich}
                value={choice}
                onValueChange={setChoice}
                error={form.errorFor('interventionId')}
                options={[
                  ...offers.map((o) => ({
                    value: o.interventionId,
                    label: o.name,
                    ...(o.description !== '' ? { hint: o.description } : {}),
                  })),
                  { value: DONT_KNOW, label: W.askDontKnow, hint: W.askDontKnowHint },
                ]}
              />
            ) : (
              <p>{W.askNone}</p>
            )}
            <TextareaField
              name="text"
              label={W.askWhy}
              hint={W.askWhyHint}
              rows={6}
              maxChars={2000}
              value={text}
              onValueChange={setText}
              error={form.errorFor('text')}
            />
            <Button type="submit" busy={action.busy} busyText={W.sendBusy}>
              {W.askSend}
            </Button>
          </Form>
        </>
      )}
    </div>
  );
}
