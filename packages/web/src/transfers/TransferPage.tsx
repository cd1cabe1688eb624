/**
 * One leaver's transfer: the next school (name, URN, whether it uses Tandem), and each file this
 * person handles with its steps: prepare the encrypted package (the one-time code is shown once),
 * download it or print the PDF, record it sent, record the confirmation of receipt, or (the
 * child-protection file) record that none is held.
 */
import { useState } from 'react';
import {
  changeDestinationBody,
  markTransferSentBody,
  preparedPackageResponse,
  RECEIPT_HOW,
  RECEIPT_HOW_LABELS,
  recordReceiptBody,
  TRANSFER_FILE_LABELS,
  TRANSFER_SENT_HOW,
  TRANSFER_SENT_HOW_LABELS,
  transferResponse,
  type PreparedPackageResponse,
  type TransferPart,
  type TransferSummary,
  urnProblem,
} from '@tandem/core';
import { apiGetFile, apiPost, apiPut } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { DateInput, dateProblems } from '../components/DateInput';
import { formatDate, formatIsoDay, ukIsoDay } from '../components/dates';
import { DownloadButton } from '../components/DownloadButton';
import { Button, ButtonGroup, ErrorSummary, Form, Radios, SaveOrCancel, TextField } from '../components/Form';
import { BackLink, InsetText, PageTitle, SummaryList, Tag, WarningText } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { okResponse, partApi, statusTone, statusWords, transferApi, transfersPage } from './transfersApi';

export function TransferPage({ schoolId, transferId }: { schoolId: string; transferId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'records.transfer');
  const { resource, reload } = useResource(allowed ? transferApi(schoolId, transferId) : null, transferResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Transfer',
      caption: school.name,
      loading: 'Loading the transfer',
      onRetry: reload,
    });
  }
  const { transfer } = resource.data;
  return (
    <div className="transfers">
      <BackLink to={transfersPage(schoolId)}>Back to transfers</BackLink>
      <PageTitle caption={school.name}>{`${transfer.pupil.name}: files to the next school`}</PageTitle>
      <SummaryList
        rows={[
          { key: 'upn', label: 'UPN', value: transfer.pupil.upn },
          { key: 'left', label: 'Left on', value: formatIsoDay(transfer.leftOn) },
          { key: 'due', label: 'Files due by', value: formatIsoDay(transfer.dueOn) },
          {
            key: 'to',
            label: 'Next school',
            value: transfer.destinationName
              ? `${transfer.destinationName}${transfer.destinationUrn ? ` (URN ${transfer.destinationUrn})` : ''}${
                  transfer.destinationUsesTandem === true
                    ? ', uses Tandem'
                    : transfer.destinationUsesTandem === false
                      ? ', does not use Tandem'
                      : ''
                }`
              : 'Not known yet',
          },
        ]}
      />
      {!resource.data.termDatesRecorded && (
        <InsetText>No term dates are recorded, so the due day counts every weekday, holidays included.</InsetText>
      )}
      <Destination schoolId={schoolId} transfer={transfer} onDone={reload} />
      {transfer.parts.map((p) => (
        <PartSection key={p.id} schoolId={schoolId} transfer={transfer} part={p} onChange={reload} />
      ))}
    </div>
  );
}

function Destination({
  schoolId,
  transfer,
  onDone,
}: {
  schoolId: string;
  transfer: TransferSummary;
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const form = useWorkForm(['destinationName', 'destinationUrn', 'usesTandem']);
  const [name, setName] = useState(transfer.destinationName ?? '');
  const [urn, setUrn] = useState(transfer.destinationUrn ?? '');
  const [uses, setUses] = useState(
    transfer.destinationUsesTandem === null ? 'unknown' : transfer.destinationUsesTandem ? 'yes' : 'no',
  );
  if (!open) {
    return (
      <p>
        <Button
          variant="secondary"
          onClick={() => {
            setOpen(true);
          }}
        >
          Change the next school
        </Button>
      </p>
    );
  }
  const submit = async () => {
    const data = form.check(
      changeDestinationBody.safeParse({
        destinationName: name,
        destinationUrn: urn.trim() === '' ? null : urn.trim(),
        usesTandem: uses === 'unknown' ? null : uses === 'yes',
      }),
      urnProblem(urn.trim()) === null ? [] : [{ path: 'destinationUrn', message: urnProblem(urn.trim()) ?? '' }],
    );
    if (data === null) return;
    await form.send(async () => {
      await apiPut(`${transferApi(schoolId, transfer.id)}/destination`, data, okResponse);
      setOpen(false);
      onDone();
    });
  };
  return (
    <Form onSubmit={submit} label="The next school">
      <ErrorSummary errors={form.errors} />
      <TextField
        name="destinationName"
        label="Next school’s name"
        value={name}
        onValueChange={setName}
        error={form.errorFor('destinationName')}
      />
      <TextField
        name="destinationUrn"
        label="Its URN, if known"
        hint="Six or seven digits, from Get Information about Schools. A package can only be opened by the school with this URN."
        width="code"
        inputMode="numeric"
        value={urn}
        onValueChange={setUrn}
        error={form.errorFor('destinationUrn')}
      />
      <Radios
        name="usesTandem"
        legend="Does it use Tandem?"
        options={[
          { value: 'yes', label: 'Yes: send an encrypted package' },
          { value: 'no', label: 'No: send the files as PDF by secure means' },
          { value: 'unknown', label: 'Not known' },
        ]}
        value={uses}
        onValueChange={setUses}
        error={form.errorFor('usesTandem')}
      />
      <SaveOrCancel
        busy={form.busy}
        submitText="Save the next school"
        onCancel={() => {
          setOpen(false);
        }}
      />
    </Form>
  );
}

type Panel = 'none' | 'sent' | 'receipt';

function PartSection({
  schoolId,
  transfer,
  part,
  onChange,
}: {
  schoolId: string;
  transfer: TransferSummary;
  part: TransferPart;
  onChange: () => void;
}) {
  const [code, setCode] = useState<PreparedPackageResponse | null>(null);
  const [panel, setPanel] = useState<Panel>('none');
  const action = useAction<'prepare' | 'none'>();
  const closed = part.status === 'received' || part.status === 'none_held';
  const cp = part.file === 'child-protection';
  const prepare = () =>
    action.runAs('prepare', async () => {
      setCode(await apiPost(`${partApi(schoolId, part.id)}/package`, {}, preparedPackageResponse));
      onChange();
    });
  const noneHeld = () =>
    action.runAs('none', async () => {
      await apiPost(`${partApi(schoolId, part.id)}/none-held`, {}, okResponse);
      onChange();
    });
  const headingId = `part-${part.id}`;
  // Each part has the same buttons: the hidden words tell them apart to a screen reader.
  const which = <span className="visually-hidden"> ({TRANSFER_FILE_LABELS[part.file].toLowerCase()})</span>;
  return (
    <section className="transfer-part" aria-labelledby={headingId}>
      <h2 className="heading-m" id={headingId}>
        {TRANSFER_FILE_LABELS[part.file]} <Tag tone={statusTone(part)}>{statusWords(part)}</Tag>
      </h2>
      {cp && <p>Only the DSL team handles this file. Send it separately from the main pupil file.</p>}
      <SummaryList
        rows={[
          { key: 'items', label: 'Items', value: part.items === null ? 'Not prepared yet' : String(part.items) },
          { key: 'prepared', label: 'Package prepared', value: part.preparedAt ? formatDate(part.preparedAt) : 'No' },
          { key: 'sent', label: 'Sent', value: part.sentAt ? formatDate(part.sentAt) : 'Not yet' },
          {
            key: 'receipt',
            label: 'Receipt confirmed',
            value: part.receivedAt
              ? `${formatDate(part.receivedAt)} by ${part.receiptBy ?? ''}, ${part.receiptSchool ?? ''}`
              : 'Not yet',
          },
        ]}
      />
      {code !== null && (
        <div className="panel" role="status">
          <h3 className="heading-s">One-time code: write it down now</h3>
          <p className="secret-key transfer-code">
            <span className="visually-hidden">Code: </span>
            <code>{code.code}</code>
          </p>
          <WarningText>
            This code is shown once. Give it to the next school&rsquo;s {cp ? 'DSL' : 'SMHL'} by telephone or another
            route than the package itself. Their Tandem collects the package from {code.address} with it.
          </WarningText>
        </div>
      )}
      {action.problem !== null && (
        <p className="error-text" role="alert">
          {action.problem}
        </p>
      )}
      {!closed && (
        <ButtonGroup>
          <Button
            variant={part.status === 'sent' ? 'secondary' : 'primary'}
            busy={action.running === 'prepare'}
            busyText="Preparing…"
            disabled={action.busy}
            onClick={() => {
              void prepare();
            }}
          >
            {part.preparedAt ? 'Prepare a new package and code' : 'Prepare the encrypted package'}
            {which}
          </Button>
          {cp && (
            <Button
              variant="secondary"
              busy={action.running === 'none'}
              busyText="Saving…"
              disabled={action.busy}
              onClick={() => {
                void noneHeld();
              }}
            >
              No child-protection file held
            </Button>
          )}
        </ButtonGroup>
      )}
      <ButtonGroup>
        {part.preparedAt !== null && !closed && (
          <DownloadButton
            busyText="Downloading…"
            getFile={() => apiGetFile(`${partApi(schoolId, part.id)}/package.age`, `${part.file}.age`)}
          >
            Download the package (.age)
            {which}
          </DownloadButton>
        )}
        <DownloadButton
          busyText="Preparing the PDF…"
          getFile={() => apiGetFile(`${partApi(schoolId, part.id)}/file.pdf`, `${part.file}.pdf`)}
        >
          Print as PDF (school without Tandem)
          {which}
        </DownloadButton>
      </ButtonGroup>
      {!closed && panel === 'none' && (
        <ButtonGroup>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setPanel('sent');
            }}
          >
            Record it sent
            {which}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setPanel('receipt');
            }}
          >
            Record confirmation of receipt
            {which}
          </button>
        </ButtonGroup>
      )}
      {panel === 'sent' && (
        <SentForm
          schoolId={schoolId}
          part={part}
          onCancel={() => {
            setPanel('none');
          }}
          onDone={() => {
            setPanel('none');
            onChange();
          }}
        />
      )}
      {panel === 'receipt' && (
        <ReceiptForm
          schoolId={schoolId}
          part={part}
          school={transfer.destinationName ?? ''}
          onCancel={() => {
            setPanel('none');
          }}
          onDone={() => {
            setPanel('none');
            onChange();
          }}
        />
      )}
    </section>
  );
}

type FormProps = { schoolId: string; part: TransferPart; onCancel: () => void; onDone: () => void };

function SentForm({ schoolId, part, onCancel, onDone }: FormProps) {
  const form = useWorkForm(['how']);
  const [how, setHow] = useState('');
  const submit = async () => {
    const data = form.check(markTransferSentBody.safeParse({ how }));
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${partApi(schoolId, part.id)}/sent`, data, okResponse);
      onDone();
    });
  };
  return (
    <Form onSubmit={submit} label="Record it sent">
      <ErrorSummary errors={form.errors} />
      <Radios
        name="how"
        legend="How was it sent?"
        options={TRANSFER_SENT_HOW.filter((h) => h !== 'tandem_fetch').map((h) => ({
          value: h,
          label: TRANSFER_SENT_HOW_LABELS[h],
        }))}
        value={how}
        onValueChange={setHow}
        error={form.errorFor('how')}
      />
      <SaveOrCancel busy={form.busy} submitText="Record it sent" onCancel={onCancel} />
    </Form>
  );
}

function ReceiptForm({ schoolId, part, school, onCancel, onDone }: FormProps & { school: string }) {
  const form = useWorkForm(['receiptBy', 'receiptSchool', 'receivedOn', 'how']);
  const [by, setBy] = useState('');
  const [where, setWhere] = useState(school);
  const [on, setOn] = useState(ukIsoDay());
  const [how, setHow] = useState('');
  const submit = async () => {
    const dates = dateProblems([{ path: 'receivedOn', value: on, what: 'The day it was received' }]);
    const data = form.check(
      recordReceiptBody.safeParse({ receiptBy: by, receiptSchool: where, receivedOn: on, how }),
      dates,
    );
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${partApi(schoolId, part.id)}/receipt`, data, okResponse);
      onDone();
    });
  };
  return (
    <Form onSubmit={submit} label="Record confirmation of receipt">
      <ErrorSummary errors={form.errors} />
      <TextField
        name="receiptBy"
        label="Who confirmed receipt"
        hint="Their name and role, e.g. Ms Jones, DSL"
        value={by}
        onValueChange={setBy}
        error={form.errorFor('receiptBy')}
      />
      <TextField
        name="receiptSchool"
        label="School"
        value={where}
        onValueChange={setWhere}
        error={form.errorFor('receiptSchool')}
      />
      <DateInput
        name="receivedOn"
        legend="When was it received?"
        value={on}
        onValueChange={setOn}
        error={form.errorFor('receivedOn')}
      />
      <Radios
        name="how"
        legend="How did they confirm?"
        options={RECEIPT_HOW.filter((h) => h !== 'tandem').map((h) => ({ value: h, label: RECEIPT_HOW_LABELS[h] }))}
        value={how}
        onValueChange={setHow}
        error={form.errorFor('how')}
      />
      <SaveOrCancel busy={form.busy} submitText="Record receipt" onCancel={onCancel} />
    </Form>
  );
}
