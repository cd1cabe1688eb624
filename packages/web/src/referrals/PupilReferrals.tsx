/**
 * The "Referrals" section of a pupil's record: each referral with where it stands and how long the
 * family has waited, and starting a new one. Restricted referrals (social care without asking
 * parents) are in the list only for the DSL team: the server decides.
 */
import { REFERRAL_SERVICE_LABELS, REFERRAL_SERVICES, referralListSchema, type ReferralSummary } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import type { SessionSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { ErrorSummary, Form, SaveOrCancel, SelectField } from '../components/Form';
import { Loading, Tag } from '../components/Page';
import { useWorkForm } from '../components/useWorkForm';
import { LoadError } from '../errors/ErrorPages';
import { FormOpener } from '../interventions/FormOpener';
import { Link, useNavigate } from '../router/router';
import { ReferralTags } from './ReferralTags';
import {
  daysWords,
  mayViewWaits,
  newSubmissionKey,
  OVER_STANDARD,
  pupilReferralsApi,
  referralPage,
  referralWaitsPage,
  serviceWords,
  startedResponse,
} from './referralsApi';
import './referrals.css';

export function PupilReferrals({ school, pupil }: { school: SessionSchool; pupil: { id: string; name: string } }) {
  const { resource, reload } = useResource(pupilReferralsApi(school.id, pupil.id), referralListSchema);
  const [starting, setStarting] = useState(false);
  return (
    <section aria-labelledby="pupil-referrals-title" className="referral-section">
      <h3 className="heading-m" id="pupil-referrals-title">
        Referrals
      </h3>
      {mayViewWaits(school) && (
        <p>
          <Link to={referralWaitsPage(school.id)}>See referral waits across the school</Link>
        </p>
      )}
      {resource.status === 'loading' && <Loading what="Loading referrals" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          {resource.data.referrals.length === 0 ? (
            <p className="empty-state">
              No referrals yet.{resource.data.canStart && ' Start one below when a service outside school can help.'}
            </p>
          ) : (
            <ul className="referral-list">
              {resource.data.referrals.map((r) => (
                <ReferralLine key={r.id} schoolId={school.id} referral={r} />
              ))}
            </ul>
          )}
          {resource.data.canStart && (
            <FormOpener buttonText="Start a referral" open={starting} onOpenChange={setStarting}>
              {(close) => <StartReferralForm schoolId={school.id} pupilId={pupil.id} onCancel={close} />}
            </FormOpener>
          )}
        </>
      )}
    </section>
  );
}

function ReferralLine({ schoolId, referral: r }: { schoolId: string; referral: ReferralSummary }) {
  return (
    <li className="referral-list__item">
      <p className="referral-list__name">
        <Link to={referralPage(schoolId, r.id)}>{serviceWords(r)}</Link>
      </p>
      <ReferralTags referral={r} />
      <dl className="referral-facts">
        <div>
          <dt>Sent</dt>
          <dd>{r.sentOn === null ? 'Not yet' : <time dateTime={r.sentOn}>{formatIsoDay(r.sentOn)}</time>}</dd>
        </div>
        {r.waitDays !== null && (
          <div>
            <dt>{r.firstAppointmentOn === null ? 'Waiting so far' : 'Waited'}</dt>
            <dd>
              {daysWords(r.waitDays)}
              {r.overdue && (
                <>
                  {' '}
                  <Tag tone="yellow">{OVER_STANDARD}</Tag>
                </>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>Made by</dt>
          <dd>{r.madeByName}</dd>
        </div>
      </dl>
    </li>
  );
}

const START_FIELDS = ['service'] as const;

function StartReferralForm({
  schoolId,
  pupilId,
  onCancel,
}: {
  schoolId: string;
  pupilId: string;
  onCancel: () => void;
}) {
  const navigate = useNavigate();
  const [service, setService] = useState('');
  const [submissionKey] = useState(newSubmissionKey);
  const form = useWorkForm(START_FIELDS);
  const submit = async () => {
    if (service === '') {
      form.fromFields([{ path: 'service', message: 'Choose the service' }]);
      return;
    }
    await form.send(async () => {
      const started = await apiPost(
        pupilReferralsApi(schoolId, pupilId),
        { service, emergency: false, reason: '', submissionKey },
        startedResponse,
      );
      navigate(referralPage(schoolId, started.id), {
        flash: { kind: 'success', title: 'Referral started', text: 'It is a draft: write each part, then send it.' },
      });
    });
  };
  return (
    <Form onSubmit={submit} label="Start a referral">
      <ErrorSummary errors={form.errors} />
      <SelectField
        name="service"
        label="Which service?"
        hint="You write the referral next. It stays a draft until you mark it as sent."
        options={[
          { value: '', label: 'Choose a service' },
          ...REFERRAL_SERVICES.map((s) => ({ value: s, label: REFERRAL_SERVICE_LABELS[s] })),
        ]}
        value={service}
        onValueChange={setService}
        error={form.errorFor('service')}
      />
      <SaveOrCancel busy={form.busy} submitText="Start the referral" onCancel={onCancel} />
    </Form>
  );
}
