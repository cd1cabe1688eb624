/**
 * One subject access request: who asked, how and when, its deadline and days left, the identity
 * check (the review starts only after it), an extension with its reason, and recording it sent or
 * closed. The review of what is held is its own page; the forms are in RequestForms.tsx.
 */
import {
  RECEIVED_HOW_LABELS,
  REQUESTER_KIND_LABELS,
  SAR_STATUS_LABELS,
  subjectAccessRequestSchema,
} from '@tandem/core';
import { useState } from 'react';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { Button, ButtonGroup } from '../components/Form';
import { BackLink, FlashBanner, InsetText, NotificationBanner, PageTitle, SummaryList } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { pupilPage, yearAndForm } from '../pupils/pupilsApi';
import { Link, useFlash } from '../router/router';
import { DaysLeft } from './RegisterPage';
import { CloseForm, ExtendForm, IdentityForm, SentForm } from './RequestForms';
import { registerPage, requestApi, reviewPage } from './subjectAccessApi';
import './subject-access.css';

type Open = 'identity' | 'extend' | 'sent' | 'close' | null;

export function RequestPage({ schoolId, requestId }: { schoolId: string; requestId: string }) {
  const school = useSchool(schoolId);
  const flash = useFlash();
  const allowed = schoolCan(school, 'records.subjectAccess');
  const { resource, reload } = useResource(
    allowed ? requestApi(schoolId, requestId) : null,
    subjectAccessRequestSchema,
  );
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = { to: registerPage(schoolId), text: 'Subject access requests' };
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Subject access request',
      caption: school.name,
      loading: 'Loading the request',
      back,
      onRetry: reload,
    });
  }
  const r = resource.data;
  const isOpen = r.status !== 'sent' && r.status !== 'closed';
  const finish = (message: string) => {
    setOpen(null);
    setDone(message);
    reload();
  };
  const cancel = () => {
    setOpen(null);
  };
  return (
    <div className="sar">
      <BackLink to={back.to}>{back.text}</BackLink>
      <FlashBanner flash={flash} />
      {done !== null && <NotificationBanner kind="success" title={done} />}
      <PageTitle caption={school.name}>Subject access request: {r.pupil.name}</PageTitle>
      <SummaryList
        rows={[
          {
            key: 'pupil',
            label: 'Pupil',
            value: (
              <>
                <Link to={pupilPage(schoolId, r.pupil.id)}>{r.pupil.name}</Link>, {yearAndForm(r.pupil)}
              </>
            ),
          },
          {
            key: 'who',
            label: 'Asked by',
            value: `${r.requesterName}: ${REQUESTER_KIND_LABELS[r.requesterKind]}${r.requesterRelationship === '' ? '' : `, ${r.requesterRelationship}`}`,
          },
          {
            key: 'how',
            label: 'Received',
            value: `${formatIsoDay(r.receivedOn)}, by ${RECEIVED_HOW_LABELS[r.receivedHow].toLowerCase()}`,
          },
          { key: 'status', label: 'Status', value: SAR_STATUS_LABELS[r.status] },
          {
            key: 'deadline',
            label: 'Deadline',
            value: (
              <>
                {formatIsoDay(r.dueOn)} (<DaysLeft row={r} />)
                {r.extendedTo !== null && (
                  <span className="hint sar-sub">
                    Extended from {formatIsoDay(r.deadline)}: {r.extensionReason}. The requester was told on{' '}
                    {formatIsoDay(r.requesterToldOn ?? r.deadline)}.
                  </span>
                )}
              </>
            ),
          },
          {
            key: 'identity',
            label: 'Identity checked',
            value:
              r.identity === null
                ? 'Not yet'
                : `${formatIsoDay(r.identity.checkedOn)} by ${r.identity.byName}: ${r.identity.how}`,
          },
          { key: 'recorded', label: 'Recorded by', value: r.recordedByName },
          ...(r.sentOn === null ? [] : [{ key: 'sent', label: 'Sent', value: formatIsoDay(r.sentOn) }]),
          ...(r.closedReason === null ? [] : [{ key: 'closed', label: 'Closed', value: r.closedReason }]),
        ]}
      />
      <h2 className="heading-m">Review what is held</h2>
      {r.identity === null ? (
        <InsetText>
          Check the requester’s identity first: the review cannot start until their identity is checked.
        </InsetText>
      ) : (
        <p>
          <Link className="button" to={reviewPage(schoolId, r.id)}>
            {r.decided === 0 ? 'Start the review' : 'Continue the review'}
          </Link>{' '}
          <span className="hint">
            {r.decided === 0 ? 'No items decided yet.' : `${String(r.decided)} items decided.`}
          </span>
        </p>
      )}
      {isOpen && open === 'identity' && <IdentityForm r={r} schoolId={schoolId} onCancel={cancel} onDone={finish} />}
      {isOpen && open === 'extend' && <ExtendForm r={r} schoolId={schoolId} onCancel={cancel} onDone={finish} />}
      {isOpen && open === 'sent' && <SentForm r={r} schoolId={schoolId} onCancel={cancel} onDone={finish} />}
      {open === 'close' && <CloseForm r={r} schoolId={schoolId} onCancel={cancel} onDone={finish} />}
      {open === null && r.status !== 'closed' && (
        <>
          <h2 className="heading-m">Next steps</h2>
          <ButtonGroup>
            {isOpen && (
              <Button
                variant={r.identity === null ? 'primary' : 'secondary'}
                onClick={() => {
                  setOpen('identity');
                }}
              >
                {r.identity === null ? 'Record the identity check' : 'Change the identity check'}
              </Button>
            )}
            {isOpen && r.extendedTo === null && (
              <Button
                variant="secondary"
                onClick={() => {
                  setOpen('extend');
                }}
              >
                Extend the deadline
              </Button>
            )}
            {isOpen && r.identity !== null && (
              <Button
                variant="secondary"
                onClick={() => {
                  setOpen('sent');
                }}
              >
                Record the response as sent
              </Button>
            )}
            <Button
              variant="secondary"
              onClick={() => {
                setOpen('close');
              }}
            >
              Close the request
            </Button>
          </ButtonGroup>
        </>
      )}
    </div>
  );
}
