/**
 * An emergency CAMHS referral, which any member of staff may start from a pupil's record: what is
 * happening, sent at once to the SENDCO and the Mental Health Lead, who take it on. The person who
 * started it is told so; unless they hold a case role, they cannot open the referral afterwards.
 */
import { pupilProfileResponse, startReferralSchema } from '@tandem/core';
import { useEffect, useState } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { Button, ErrorSummary, Form, TextareaField } from '../components/Form';
import { BackLink, HelpNow, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { pupilApi, pupilName, pupilPage, schoolPage } from '../pupils/pupilsApi';
import { Link } from '../router/router';
import { newSubmissionKey, startedResponse } from './referralsApi';
import './referrals.css';

const FIELDS = ['reason'] as const;

export function EmergencyReferralPage({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'concern.log');
  const { resource, reload } = useResource(allowed ? pupilApi(schoolId, pupilId) : null, pupilProfileResponse);
  const [started, setStarted] = useState(false);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = { to: pupilPage(school.id, pupilId), text: 'Back to the pupil' };
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Emergency CAMHS referral',
      caption: school.name,
      loading: 'Loading the pupil',
      back,
      onRetry: reload,
    });
  }
  const name = pupilName(resource.data.pupil);
  return (
    <div className="narrow-wide">
      {!started && <BackLink to={back.to}>Back to {name}</BackLink>}
      {started ? (
        <Started schoolId={school.id} pupilId={pupilId} name={name} />
      ) : (
        <>
          <PageTitle caption={name}>Emergency CAMHS referral</PageTitle>
          <section className="urgent-panel" aria-labelledby="danger-now">
            <h2 className="urgent-panel__title" id="danger-now">
              <span className="urgent-panel__icon" aria-hidden="true">
                !
              </span>
              If {name} is in immediate danger
            </h2>
            <p className="urgent-panel__lead">
              <strong>Call 999 and find the DSL in person now.</strong> Do not wait for this form. Stay with the pupil,
              or send someone you trust to fetch the DSL.
            </p>
            <p className="urgent-panel__call">
              <a href="tel:999">Call 999</a>
            </p>
          </section>
          <p>
            Use this when {name} needs an urgent mental health assessment and the people who usually make referrals are
            not here. Say what is happening. The SENDCO and the Mental Health Lead are alerted at once and will make the
            referral to CAMHS.
          </p>
          <EmergencyForm
            schoolId={school.id}
            pupilId={pupilId}
            onStarted={() => {
              setStarted(true);
            }}
          />
        </>
      )}
      <HelpNow audience="staff" />
    </div>
  );
}

function EmergencyForm({ schoolId, pupilId, onStarted }: { schoolId: string; pupilId: string; onStarted: () => void }) {
  const [reason, setReason] = useState('');
  const [submissionKey] = useState(newSubmissionKey);
  const form = useWorkForm(FIELDS);
  const submit = async () => {
    const body = form.check(
      startReferralSchema.safeParse({ service: 'camhs', emergency: true, reason, submissionKey }),
    );
    if (body === null) return;
    await form.send(async () => {
      await apiPost(`${pupilApi(schoolId, pupilId)}/referrals`, body, startedResponse);
      onStarted();
    });
  };
  return (
    <Form onSubmit={submit} label="Start an emergency CAMHS referral">
      <ErrorSummary errors={form.errors} />
      <TextareaField
        name="reason"
        label="What is happening?"
        hint="What you have seen or been told, when, and where the pupil is now. Write it as it was said, if you can."
        rows={6}
        maxChars={5000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <Button type="submit" variant="warning" busy={form.busy} busyText="Sending…">
        Start the emergency referral
      </Button>
    </Form>
  );
}

function Started({ schoolId, pupilId, name }: { schoolId: string; pupilId: string; name: string }) {
  useEffect(() => {
    document.getElementById('page-heading')?.focus();
  }, []);
  return (
    <>
      <PageTitle caption={name}>Emergency referral started</PageTitle>
      <div className="sent-panel">
        <p className="sent-panel__title">
          Started. The SENDCO and the Mental Health Lead have been alerted and will take it on.
        </p>
      </div>
      <h2 className="heading-m">What happens next</h2>
      <p>
        They write the referral to CAMHS with what you said, and may ask you about it. The referral itself is kept with
        the people who make referrals, so you will not see it in Tandem.
      </p>
      <p>If {name} is in danger now, call 999 and find the DSL in person.</p>
      <ul className="link-list">
        <li>
          <Link to={pupilPage(schoolId, pupilId)}>Back to {name}</Link>
        </li>
        <li>
          <Link to={schoolPage(schoolId)}>Go to your home page</Link>
        </li>
      </ul>
    </>
  );
}
