/**
 * Import a file from a pupil's last school: the package file they sent (.age) with its one-time
 * code, or their Tandem's address with the code; then a preview (which pupil, which file, how many
 * items) and the pupil it goes to (the one with the same UPN, or one chosen by searching). The
 * child-protection file goes into the restricted record (DSL team only).
 */
import { useState } from 'react';
import {
  importedResponse,
  packagePreviewResponse,
  pupilListResponse,
  TRANSFER_FILE_LABELS,
  type PackagePreviewResponse,
  type PupilListItem,
} from '@tandem/core';
import { apiGet, apiPost, withQuery } from '../api/client';
import { schoolCan, useSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { Button, ErrorSummary, FileField, Form, Radios, TextField } from '../components/Form';
import { BackLink, NotificationBanner, PageTitle, SummaryList } from '../components/Page';
import { useAction } from '../components/useAction';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { pupilName, pupilPage, pupilsApi, yearAndForm } from '../pupils/pupilsApi';
import { importPackageApi, openPackageApi, transfersPage } from './transfersApi';

const TITLE = 'Import a file from another school';

function toBase64(file: File): Promise<string> {
  return file.arrayBuffer().then((buf) => {
    let binary = '';
    const bytes = new Uint8Array(buf);
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
}

export function ImportPackagePage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const [preview, setPreview] = useState<PackagePreviewResponse | null>(null);
  const [done, setDone] = useState<{ pupilId: string; receiptSent: boolean } | null>(null);
  if (school === undefined || !schoolCan(school, 'records.transfer')) return <NotFoundPage />;
  return (
    <div className="transfers">
      <BackLink to={transfersPage(schoolId)}>Back to transfers</BackLink>
      <PageTitle caption={school.name}>{TITLE}</PageTitle>
      {done !== null ? (
        <NotificationBanner kind="success" title="File imported">
          <p>
            It is on <Link to={pupilPage(schoolId, done.pupilId)}>the pupil&rsquo;s record</Link>.{' '}
            {done.receiptSent
              ? 'The sending school has been told it arrived.'
              : 'The sending school could not be reached to confirm receipt: Tandem will keep trying.'}
          </p>
        </NotificationBanner>
      ) : preview === null ? (
        <OpenForm schoolId={schoolId} onOpened={setPreview} />
      ) : (
        <ImportForm schoolId={schoolId} preview={preview} onDone={setDone} />
      )}
    </div>
  );
}

function OpenForm({ schoolId, onOpened }: { schoolId: string; onOpened: (p: PackagePreviewResponse) => void }) {
  const form = useWorkForm(['how', 'packageFile', 'address', 'code']);
  const [how, setHow] = useState('file');
  const [file, setFile] = useState<File | null>(null);
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const submit = async () => {
    const problems = [];
    if (code.trim() === '')
      problems.push({ path: 'code', message: 'Enter the one-time code the sending school gave you' });
    if (how === 'file' && file === null)
      problems.push({ path: 'packageFile', message: 'Choose the package file (.age)' });
    if (how === 'address' && address.trim() === '')
      problems.push({ path: 'address', message: 'Enter the sending school’s Tandem address' });
    if (problems.length > 0) {
      form.fromFields(problems);
      return;
    }
    await form.send(async () => {
      const body =
        how === 'file' && file !== null
          ? { code, packageBase64: await toBase64(file) }
          : { code, address: address.trim() };
      onOpened(await apiPost(openPackageApi(schoolId), body, packagePreviewResponse));
    });
  };
  return (
    <Form onSubmit={submit} label="Open the package">
      <ErrorSummary errors={form.errors} />
      <Radios
        name="how"
        legend="How did the school send it?"
        options={[
          { value: 'file', label: 'They sent a package file (.age)' },
          { value: 'address', label: 'Collect it from their Tandem' },
        ]}
        value={how}
        onValueChange={setHow}
      />
      {how === 'file' ? (
        <FileField
          name="packageFile"
          label="Package file"
          accept=".age"
          onFileChange={setFile}
          error={form.errorFor('packageFile')}
        />
      ) : (
        <TextField
          name="address"
          label="Their Tandem address"
          hint="For example https://tandem.oakfield.example"
          type="url"
          value={address}
          onValueChange={setAddress}
          error={form.errorFor('address')}
        />
      )}
      <TextField
        name="code"
        label="One-time code"
        hint="24 letters and numbers in groups of four, given to you by telephone or separately from the package"
        autoComplete="off"
        spellCheck={false}
        value={code}
        onValueChange={setCode}
        error={form.errorFor('code')}
      />
      <Button type="submit" busy={form.busy} busyText="Opening…">
        Open the package
      </Button>
    </Form>
  );
}

function ImportForm({
  schoolId,
  preview,
  onDone,
}: {
  schoolId: string;
  preview: PackagePreviewResponse;
  onDone: (d: { pupilId: string; receiptSent: boolean }) => void;
}) {
  const form = useWorkForm(['pupilId']);
  const [pupilId, setPupilId] = useState(preview.match?.id ?? '');
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<PupilListItem[] | null>(null);
  const searching = useAction();
  const find = async () => {
    await searching.run(async () => {
      const res = await apiGet(withQuery(pupilsApi(schoolId), { search, limit: 20 }), pupilListResponse);
      setFound(res.pupils);
    });
  };
  const submit = async () => {
    if (pupilId === '') {
      form.fromFields([{ path: 'pupilId', message: 'Choose the pupil this file is for' }]);
      return;
    }
    await form.send(async () => {
      const res = await apiPost(
        importPackageApi(schoolId),
        { previewId: preview.previewId, pupilId },
        importedResponse,
      );
      onDone({ pupilId, receiptSent: res.receiptSent });
    });
  };
  const options = [
    ...(preview.match ? [{ value: preview.match.id, label: `${preview.match.name} (same UPN)` }] : []),
    ...(found ?? [])
      .filter((p) => p.id !== preview.match?.id)
      .map((p) => ({ value: p.id, label: `${pupilName(p)}, ${yearAndForm(p)}` })),
  ];
  return (
    <>
      <h2 className="heading-m">What the package holds</h2>
      <SummaryList
        rows={[
          { key: 'file', label: 'File', value: TRANSFER_FILE_LABELS[preview.file] },
          {
            key: 'from',
            label: 'From',
            value: `${preview.fromSchool}${preview.fromUrn ? ` (URN ${preview.fromUrn})` : ''}`,
          },
          {
            key: 'pupil',
            label: 'Pupil',
            value: `${preview.pupil.name}, born ${formatIsoDay(preview.pupil.dateOfBirth)}`,
          },
          { key: 'upn', label: 'UPN', value: preview.pupil.upn },
          { key: 'items', label: 'Items', value: String(preview.itemCount) },
        ]}
      />
      {preview.match === null && (
        <Form onSubmit={find} label="Find the pupil">
          <p>No pupil here has this UPN. Find the pupil this file is for.</p>
          <TextField name="search" label="Pupil’s name" value={search} onValueChange={setSearch} />
          <Button type="submit" variant="secondary" busy={searching.busy} busyText="Searching…">
            Search
          </Button>
          {found !== null && found.length === 0 && (
            <p role="status">No pupil found. Add the pupil from the MIS first.</p>
          )}
        </Form>
      )}
      <Form onSubmit={submit} label="Import the file">
        <ErrorSummary errors={form.errors} />
        {options.length > 0 && (
          <Radios
            name="pupilId"
            legend="Which pupil is it for?"
            options={options}
            value={pupilId}
            onValueChange={setPupilId}
            error={form.errorFor('pupilId')}
          />
        )}
        <Button type="submit" busy={form.busy} busyText="Importing…">
          Import the file
        </Button>
      </Form>
    </>
  );
}
