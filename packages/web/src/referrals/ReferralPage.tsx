/**
 * One referral, for those who make referrals: where it stands and how long the family has waited;
 * while it is a draft, the editor and the check that it is complete; once sent, its next step.
 */
import { referralDetailSchema } from '@tandem/core';
import { useState } from 'react';
import { apiGetFile } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { DownloadButton } from '../components/DownloadButton';
import { BackLink, FlashBanner, HelpNow, NotificationBanner, PageTitle, SummaryList, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { pupilPage } from '../pupils/pupilsApi';
import { Link, useFlash } from '../router/router';
import { ReferralEditor } from './ReferralEditor';
import { ReferralTags } from './ReferralTags';
import { ReferralSteps, WhileYouWait } from './ReferralSteps';
import { daysWords, referralApi, serviceWords, standardWords, type Detail } from './referralsApi';
import { ShareWithParents } from './ShareWithParents';
import { StepForm } from './StepForm';
import './referrals.css';

export function ReferralPage({ schoolId, referralId }: { schoolId: string; referralId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.readList');
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? referralApi(schoolId, referralId) : null, referralDetailSchema);
  const [done, setDone] = useState<{ title: string; text?: string; at: number } | null>(null);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Referral',
      caption: school.name,
      loading: 'Loading the referral',
      onRetry: reload,
    });
  }
  const data = resource.data;
  const r = data.referral;
  const changed = (title: string, text?: string) => {
    setDone(text === undefined ? { title, at: Date.now() } : { title, text, at: Date.now() });
    reload();
  };
  return (
    <>
      <BackLink to={pupilPage(school.id, r.pupilId)}>Back to {r.pupilName}</BackLink>
      {done !== null ? (
        <NotificationBanner key={done.at} kind="success" title={done.title}>
          {done.text !== undefined && <p>{done.text}</p>}
        </NotificationBanner>
      ) : (
        <FlashBanner flash={flash} />
      )}
      <Header school={school} data={data} />
      {r.status === 'draft' ? (
        // Keyed by the referral, so another referral's page starts with its own text.
        <ReferralEditor key={r.id} school={school} data={data} onDone={changed} onStale={reload} />
      ) : (
        // Keyed by the version too: after a step is recorded the form starts afresh with the new choices.
        data.nextSteps.length > 0 && (
          <StepForm key={`${r.id}.${String(r.version)}`} schoolId={school.id} data={data} onDone={changed} />
        )
      )}
      <ShareWithParents schoolId={school.id} data={data} onDone={changed} />
      <WhileYouWait schoolId={school.id} data={data} />
      <ReferralSteps steps={data.steps} />
      <section aria-labelledby="letter-title" className="referral-section">
        <h2 className="heading-l" id="letter-title">
          The referral letter
        </h2>
        <p>
          {r.status === 'draft'
            ? 'The letter as it stands, from the last saved draft: save first to include what you have just written.'
            : 'The referral as it was sent, to keep or send again.'}
        </p>
        <DownloadButton
          busyText="Making the letter…"
          getFile={() => apiGetFile(`${referralApi(school.id, r.id)}/letter.pdf`, 'referral.pdf')}
        >
          Download the referral letter (PDF)
        </DownloadButton>
      </section>
      <HelpNow audience="staff" />
    </>
  );
}

function Header({ school, data }: { school: SessionSchool; data: Detail }) {
  const r = data.referral;
  const title = `Referral to ${serviceWords(r)}`;
  return (
    <>
      <PageTitle caption={r.pupilName} title={title}>
        {title}
      </PageTitle>
      <ReferralTags referral={r} />
      <SummaryList
        rows={[
          {
            key: 'to',
            label: 'To',
            value: r.serviceName ?? 'No directory entry chosen yet',
          },
          {
            key: 'pupil',
            label: 'Pupil',
            value: <Link to={pupilPage(school.id, r.pupilId)}>{r.pupilName}</Link>,
          },
          { key: 'by', label: 'Made by', value: r.madeByName },
          {
            key: 'sent',
            label: 'Sent',
            value: r.sentOn === null ? 'Not yet' : <time dateTime={r.sentOn}>{formatIsoDay(r.sentOn)}</time>,
          },
          {
            key: 'wait',
            label: 'Wait',
            value: <WaitWords data={data} />,
          },
          ...(r.status === 'declined' || r.declineReason !== null
            ? [
                { key: 'declined', label: 'Why it was declined', value: r.declineReason ?? 'Not recorded' },
                { key: 'signposted', label: 'Signposted to', value: r.signpostedTo ?? 'Not recorded' },
              ]
            : []),
        ]}
      />
    </>
  );
}

/** "12 days so far. The standard is 4 weeks." with a tag when it is over the standard. */
function WaitWords({ data }: { data: Detail }) {
  const r = data.referral;
  const standard = `The standard is ${standardWords(data.waitStandardDays)} from sent to first appointment.`;
  if (r.sentOn === null) return <>Not sent yet. {standard}</>;
  if (r.waitDays === null) return <>Not counted: the referral ended without a first appointment.</>;
  return (
    <>
      {daysWords(r.waitDays)}
      {r.firstAppointmentOn === null ? ' so far' : ' to the first appointment'}.{' '}
      {r.overdue && (
        <>
          <Tag tone="yellow">Over {standardWords(data.waitStandardDays)}</Tag>{' '}
        </>
      )}
      {standard}
    </>
  );
}
