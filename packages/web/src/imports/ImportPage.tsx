import {
  IMPORT_KINDS,
  IMPORT_STATUS_LABELS,
  IMPORT_MAX_BYTES,
  importKindSchema,
  importListResponse,
  importPreviewResponse,
  type ImportKind,
  type ImportStatusResponse,
} from '@tandem/core';
import { csvFileProblem, xmlFileProblem } from './csvFile';
import { useState } from 'react';
import { apiUpload, toApiError, withQuery, type UploadProgress } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { countOf } from '../components/format';
import { Button, Checkboxes, ErrorSummary, FileField, Form, Radios, type Option } from '../components/Form';
import { useFormErrors, type FieldError } from '../components/formErrors';
import { Loading, PageTitle, Tag, type TagTone } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { columnsHint, importPreviewPage, importsApi, KIND_WORDS, rememberPreview } from './importApi';

const FIELDS = ['kind', 'markLeavers', 'file', 'confirmOtherDestination'] as const;

function percent(p: UploadProgress): number {
  return p.total > 0 ? Math.min(100, Math.round((p.loaded / p.total) * 100)) : 0;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

export function ImportPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.import');
  if (school === undefined || !allowed) return <NotFoundPage />;
  return <ImportForm key={school.id} school={school} />;
}

function ImportForm({ school }: { school: SessionSchool }) {
  const navigate = useNavigate();
  const [kind, setKind] = useState('');
  const [markLeavers, setMarkLeavers] = useState(false);
  // A CTF addressed to another school: what the server said, and whether the importer confirms.
  const [otherDestination, setOtherDestination] = useState<string | null>(null);
  const [confirmOther, setConfirmOther] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<'idle' | 'uploading' | 'checking'>('idle');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const form = useFormErrors(FIELDS);
  const recent = useResource(importsApi(school.id), importListResponse);

  const kindOptions: Option[] = IMPORT_KINDS.map((k) => ({
    value: k,
    label: KIND_WORDS[k].title,
    hint: columnsHint(k),
  }));

  const submit = async () => {
    const problems: FieldError[] = [];
    const parsedKind = importKindSchema.safeParse(kind);
    if (!parsedKind.success) problems.push({ path: 'kind', message: 'Choose what the file holds' });
    const fileProblem =
      kind === 'ctf'
        ? xmlFileProblem(file)
        : csvFileProblem(file, 'The file is empty. Export the list from your MIS again and upload it.');
    if (fileProblem !== null) problems.push({ path: 'file', message: fileProblem });
    if (!parsedKind.success || file === null || problems.length > 0) {
      form.fromFields(problems);
      return;
    }
    const chosen: ImportKind = parsedKind.data;
    form.clear();
    setStage('uploading');
    setProgress({ loaded: 0, total: file.size });
    try {
      const path = withQuery(importsApi(school.id), {
        kind: chosen,
        fileName: file.name.slice(-200),
        markLeavers: chosen === 'pupils' ? String(markLeavers) : undefined,
        confirmOtherDestination: chosen === 'ctf' && otherDestination !== null && confirmOther ? 'true' : undefined,
      });
      const type = chosen === 'ctf' ? 'application/xml' : 'text/csv';
      const preview = await apiUpload(path, file, type, importPreviewResponse, (p) => {
        setProgress(p);
        if (p.total > 0 && p.loaded >= p.total) setStage('checking');
      });
      rememberPreview(preview);
      navigate(importPreviewPage(school.id, preview.importId));
    } catch (error) {
      const apiError = toApiError(error);
      setStage('idle');
      setProgress(null);
      const destination = apiError.fields.find((f) => f.path === 'confirmOtherDestination');
      if (destination !== undefined) {
        setOtherDestination(destination.message);
        form.fromFields([{ path: 'confirmOtherDestination', message: destination.message }]);
      } else if (apiError.code === 'payload_too_large' || apiError.code === 'bad_request') {
        form.fromFields([{ path: 'file', message: apiError.message }]);
      } else {
        form.fromApi(apiError);
      }
    }
  };

  const busy = stage !== 'idle';

  return (
    <>
      <div className="narrow">
        <ErrorSummary errors={form.errors} />
        <PageTitle caption={school.name}>Import from your MIS</PageTitle>
        <p className="lead">
          Bring pupils, their parents and carers, and teaching groups into Tandem from a CSV file, or pupils with their
          contacts from a common transfer file (CTF).
        </p>
        <p>
          Export the list from your management information system (MIS), such as SIMS, Arbor or Bromcom, as a CSV file.
          Tandem checks the file and shows you what will change. Nothing is saved until you confirm.
        </p>
        <Form onSubmit={submit} label="Upload a file to check">
          <Radios
            name="kind"
            legend={<span className="heading-m">What does the file hold?</span>}
            hint="Import pupils first, then parents and carers, then teaching groups."
            options={kindOptions}
            value={kind}
            onValueChange={(k) => {
              setKind(k);
              setOtherDestination(null);
              setConfirmOther(false);
            }}
            error={form.errorFor('kind')}
          />
          {kind === 'pupils' && (
            <Checkboxes
              name="markLeavers"
              legend="Pupils who have left"
              options={[
                {
                  value: 'true',
                  label: 'This file is the full list of pupils on roll',
                  hint: 'Pupils in Tandem who are not in the file will be marked as having left today. Nobody is deleted: their records are kept. Leave this unticked if the file holds only some pupils, such as one year group.',
                },
              ]}
              values={markLeavers ? ['true'] : []}
              onValuesChange={(values) => {
                setMarkLeavers(values.includes('true'));
              }}
              error={form.errorFor('markLeavers')}
            />
          )}
          <FileField
            name="file"
            label={<span className="heading-m">{kind === 'ctf' ? 'CTF file' : 'CSV file'}</span>}
            hint={
              kind === 'ctf'
                ? `An .xml file, up to ${megabytes(IMPORT_MAX_BYTES)}, exported from your MIS as a common transfer file.`
                : `A .csv file, up to ${megabytes(IMPORT_MAX_BYTES)}. The first row must be the column headings.`
            }
            accept={kind === 'ctf' ? '.xml,application/xml,text/xml' : '.csv,text/csv'}
            disabled={busy}
            onFileChange={(f) => {
              setFile(f);
              setOtherDestination(null);
              setConfirmOther(false);
            }}
            error={form.errorFor('file')}
          />
          {file !== null && (
            <p className="secondary-text">
              Chosen: {file.name} (
              {file.size < 1024 * 100
                ? `${String(Math.max(1, Math.round(file.size / 1024)))} KB`
                : megabytes(file.size)}
              )
            </p>
          )}
          {kind === 'ctf' && otherDestination !== null && (
            <Checkboxes
              name="confirmOtherDestination"
              legend="The school this file is addressed to"
              options={[
                {
                  value: 'true',
                  label: 'I have checked: this file is meant for our school',
                  hint: 'Tick this only if the pupils in the file are joining, or on roll at, your school.',
                },
              ]}
              values={confirmOther ? ['true'] : []}
              onValuesChange={(values) => {
                setConfirmOther(values.includes('true'));
              }}
              error={form.errorFor('confirmOtherDestination')}
            />
          )}
          {busy && progress !== null && (
            <div className="progress">
              <label className="label" htmlFor="upload-progress">
                {stage === 'uploading' ? 'Uploading your file' : 'Checking your file'}
              </label>
              <progress id="upload-progress" className="progress__bar" max={100} value={percent(progress)}>
                {percent(progress)}%
              </progress>
              <p className="progress__text" aria-live="polite">
                {stage === 'uploading'
                  ? `Uploaded ${String(percent(progress))}%`
                  : 'Uploaded. Checking every row against your school’s records'}
              </p>
            </div>
          )}
          <Button type="submit" busy={busy} busyText={stage === 'uploading' ? 'Uploading…' : 'Checking…'}>
            Check file
          </Button>
        </Form>
      </div>
      <section aria-labelledby="recent-imports">
        <h2 className="heading-l" id="recent-imports">
          Recent imports
        </h2>
        {recent.resource.status === 'loading' && <Loading what="Loading recent imports" />}
        {recent.resource.status === 'error' && <LoadError error={recent.resource.error} onRetry={recent.reload} />}
        {recent.resource.status === 'ready' &&
          (recent.resource.data.imports.length === 0 ? (
            <p>No files have been imported yet.</p>
          ) : (
            <RecentImports schoolId={school.id} imports={recent.resource.data.imports} />
          ))}
      </section>
    </>
  );
}

const STATUS_TONES: Record<ImportStatusResponse['status'], TagTone> = {
  previewed: 'yellow',
  applying: 'blue',
  applied: 'green',
  discarded: 'grey',
};

function outcome(i: ImportStatusResponse): string {
  const words = KIND_WORDS[i.kind];
  const s = i.summary;
  if (s.applied !== null) {
    const parts = [`${String(s.applied.added)} added`, `${String(s.applied.updated)} updated`];
    if (s.applied.markedLeft > 0) parts.push(`${String(s.applied.markedLeft)} marked as left`);
    return parts.join(', ');
  }
  if (s.errorCount > 0) return `${countOf(s.errorCount, 'problem')} to correct`;
  return `${countOf(s.totalRows, 'row')} of ${words.many}`;
}

function RecentImports({ schoolId, imports }: { schoolId: string; imports: readonly ImportStatusResponse[] }) {
  return (
    <Table
      caption="Recent imports, newest first"
      captionHidden
      rows={imports}
      rowKey={(i) => i.importId}
      columns={[
        {
          key: 'when',
          header: 'When',
          label: 'When',
          nowrap: true,
          cell: (i) => <time dateTime={i.createdAt}>{formatDateTime(i.createdAt)}</time>,
        },
        {
          key: 'file',
          header: 'File',
          label: 'File',
          cell: (i) => (
            <>
              <Link to={importPreviewPage(schoolId, i.importId)} className="break-anywhere">
                {i.fileName}
              </Link>
              <span className="block secondary-text">{KIND_WORDS[i.kind].title}</span>
            </>
          ),
        },
        { key: 'who', header: 'By', label: 'By', cell: (i) => i.createdByName },
        {
          key: 'status',
          header: 'Status',
          label: 'Status',
          cell: (i) => (
            <>
              <Tag tone={STATUS_TONES[i.status]}>{IMPORT_STATUS_LABELS[i.status]}</Tag>
              <span className="block secondary-text">{outcome(i)}</span>
            </>
          ),
        },
      ]}
    />
  );
}
