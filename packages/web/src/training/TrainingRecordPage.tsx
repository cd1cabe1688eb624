/**
 * One training record: the person's own, or anyone's for the training leads, who may confirm it
 * (when the person added it themself) or correct it.
 */
import { TRAINING_RECORD_STATUS_LABELS, trainingRecordSchema, type TrainingRecord } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatDateTime, formatIsoDay } from '../components/dates';
import { DocumentLink } from '../components/DocumentUpload';
import { Button, ButtonGroup } from '../components/Form';
import { BackLink, FlashBanner, NotificationBanner, PageTitle, SummaryList } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import { RecordTag } from './TrainingTags';
import { editTrainingPage, mayKeepOwnTraining, savedResponse, trainingPage, trainingRecordApi } from './trainingApi';
import './training.css';

export function TrainingRecordPage({ schoolId, recordId }: { schoolId: string; recordId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayKeepOwnTraining(school);
  const flash = useFlash();
  const { resource, reload } = useResource(
    allowed ? trainingRecordApi(schoolId, recordId) : null,
    trainingRecordSchema,
  );
  const [confirmed, setConfirmed] = useState(false);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Training record',
      caption: school.name,
      loading: 'Loading the record',
      back: { to: trainingPage(school.id), text: 'Back to training' },
      onRetry: reload,
    });
  }
  const r = resource.data;
  return (
    <div className="training">
      <BackLink to={trainingPage(school.id)}>Back to training</BackLink>
      {confirmed ? (
        <NotificationBanner kind="success" title="Training confirmed">
          <p>It now counts in the school’s training record.</p>
        </NotificationBanner>
      ) : (
        <FlashBanner flash={flash} />
      )}
      <PageTitle caption={r.staffName} title={`${r.courseName}: ${r.staffName}`}>
        {r.courseName}
      </PageTitle>
      <p>
        <RecordTag record={r} />
      </p>
      <SummaryList rows={facts(school.id, r)} />
      {(r.canConfirm || r.canEdit) && (
        <LeadActions
          schoolId={school.id}
          record={r}
          onConfirmed={() => {
            setConfirmed(true);
            reload();
          }}
        />
      )}
    </div>
  );
}

function facts(schoolId: string, r: TrainingRecord) {
  const confirmed =
    r.status === 'confirmed' && r.confirmedAt !== null
      ? `${r.confirmedByName ?? 'The lead'}, ${formatDateTime(r.confirmedAt)}`
      : TRAINING_RECORD_STATUS_LABELS.awaiting_confirmation;
  return [
    { key: 'who', label: 'Member of staff', value: r.staffName },
    { key: 'done', label: 'Done on', value: formatIsoDay(r.completedOn) },
    { key: 'provider', label: 'Given by', value: r.provider },
    {
      key: 'renewal',
      label: 'Renewal',
      value:
        r.renewalMonths === null || r.expiresOn === null
          ? 'Does not expire'
          : `Every ${String(r.renewalMonths)} months: renew by ${formatIsoDay(r.expiresOn)}`,
    },
    {
      key: 'certificate',
      label: 'Certificate',
      value: r.certificate === null ? 'None added' : <DocumentLink place={{ schoolId }} doc={r.certificate} />,
    },
    { key: 'notes', label: 'Notes', value: r.notes === '' ? 'None' : <span className="pre-line">{r.notes}</span> },
    { key: 'recorded', label: 'Added by', value: `${r.recordedByName}, ${formatDateTime(r.recordedAt)}` },
    { key: 'confirmed', label: 'Confirmed', value: confirmed },
  ];
}

function LeadActions({
  schoolId,
  record,
  onConfirmed,
}: {
  schoolId: string;
  record: TrainingRecord;
  onConfirmed: () => void;
}) {
  const action = useAction();
  return (
    <>
      {action.problem !== null && (
        <p className="error-text" role="alert">
          {action.problem}
        </p>
      )}
      <ButtonGroup>
        {record.canConfirm && (
          <Button
            busy={action.busy}
            busyText="Confirming…"
            onClick={() => {
              void action.run(async () => {
                await apiPost(
                  `${trainingRecordApi(schoolId, record.id)}/confirm`,
                  { version: record.version },
                  savedResponse,
                );
                onConfirmed();
              });
            }}
          >
            Confirm this training
          </Button>
        )}
        {record.canEdit && (
          <Link to={editTrainingPage(schoolId, record.id)} className="button button--secondary">
            Correct this record
          </Link>
        )}
      </ButtonGroup>
    </>
  );
}
