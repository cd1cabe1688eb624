/** Import attendance from the MIS: choose what the file holds, upload it, and see it checked. */
import { csvFileProblem } from '../imports/csvFile';
import {
  ATTENDANCE_IMPORT_KINDS,
  attendanceImportKindSchema,
  attendanceImportListResponse,
  attendanceImportResponse,
  IMPORT_STATUS_LABELS,
  type AttendanceImportListResponse,
} from '@tandem/core';
import { useState } from 'react';
import { apiUpload, toApiError, withQuery } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { countOf } from '../components/format';
import { Button, ErrorSummary, FileField, Form, Radios, type Option } from '../components/Form';
import { useFormErrors, type FieldError } from '../components/formErrors';
import { Loading, PageTitle, Tag, type TagTone } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { attendanceImportPreviewPage, attendanceImportsApi, columnsHint, KIND_WORDS } from './attendanceApi';

const FIELDS = ['kind', 'file'] as const;

export function AttendanceImportPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  if (school === undefined || !schoolCan(school, 'attendance.import')) return <NotFoundPage />;
  return <ImportForm key={school.id} school={school} />;
}

function ImportForm({ school }: { school: SessionSchool }) {
  const navigate = useNavigate();
  const [kind, setKind] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(FIELDS);
  const recent = useResource(attendanceImportsApi(school.id), attendanceImportListResponse);

  const kindOptions: Option[] = ATTENDANCE_IMPORT_KINDS.map((k) => ({
    value: k,
    label: KIND_WORDS[k].title,
    hint: columnsHint(k),
  }));

  const submit = async () => {
    const problems: FieldError[] = [];
    const parsedKind = attendanceImportKindSchema.safeParse(kind);
    if (!parsedKind.success) problems.push({ path: 'kind', message: 'Choose what the file holds' });
    const fileProblem = csvFileProblem(file, 'The file is empty. Export the attendance from your MIS again.');
    if (fileProblem !== null) problems.push({ path: 'file', message: fileProblem });
    if (!parsedKind.success || file === null || problems.length > 0) {
      form.fromFields(problems);
      return;
    }
    form.clear();
    setBusy(true);
    try {
      const path = withQuery(attendanceImportsApi(school.id), {
        kind: parsedKind.data,
        fileName: file.name.slice(-200),
      });
      const preview = await apiUpload(path, file, 'text/csv', attendanceImportResponse, () => undefined);
      navigate(attendanceImportPreviewPage(school.id, preview.importId));
    } catch (error) {
      const apiError = toApiError(error);
      setBusy(false);
      if (apiError.code === 'payload_too_large' || apiError.code === 'bad_request') {
        form.fromFields([{ path: 'file', message: apiError.message }]);
      } else {
        form.fromApi(apiError);
      }
    }
  };

  return (
    <>
      <div className="narrow">
        <ErrorSummary errors={form.errors} />
        <PageTitle caption={school.name}>Import attendance</PageTitle>
        <p className="lead">Bring pupils’ attendance into Tandem from your MIS, such as SIMS, Arbor or Bromcom.</p>
        <p>
          Export the attendance as a CSV file: either each pupil’s weekly totals, or each session’s mark. Tandem checks
          every row and shows you what it found. Nothing is saved until you confirm, and a file with any problem is not
          imported at all.
        </p>
        <Form onSubmit={submit} label="Upload an attendance file to check">
          <Radios
            name="kind"
            legend={<span className="heading-m">What does the file hold?</span>}
            options={kindOptions}
            value={kind}
            onValueChange={setKind}
            error={form.errorFor('kind')}
          />
          <FileField
            name="file"
            label={<span className="heading-m">CSV file</span>}
            hint="A .csv file, up to 10 MB. The first row must be the column headings."
            accept=".csv,text/csv"
            disabled={busy}
            onFileChange={setFile}
            error={form.errorFor('file')}
          />
          <Button type="submit" busy={busy} busyText="Checking…">
            Check file
          </Button>
        </Form>
      </div>
      <section aria-labelledby="recent-attendance-imports">
        <h2 className="heading-l" id="recent-attendance-imports">
          Recent attendance files
        </h2>
        {recent.resource.status === 'loading' && <Loading what="Loading recent files" />}
        {recent.resource.status === 'error' && <LoadError error={recent.resource.error} onRetry={recent.reload} />}
        {recent.resource.status === 'ready' &&
          (recent.resource.data.imports.length === 0 ? (
            <p>No attendance has been imported yet. Choose a file above to start.</p>
          ) : (
            <RecentImports schoolId={school.id} imports={recent.resource.data.imports} />
          ))}
      </section>
    </>
  );
}

type Recent = AttendanceImportListResponse['imports'][number];

const STATUS_TONES: Record<Recent['status'], TagTone> = { previewed: 'yellow', applied: 'green', discarded: 'grey' };

function outcome(i: Recent): string {
  if (i.applied !== null) return `${countOf(i.applied, KIND_WORDS[i.kind].one, KIND_WORDS[i.kind].rows)} imported`;
  if (i.errorCount > 0) return `${countOf(i.errorCount, 'problem')} to correct`;
  return countOf(i.totalRows, 'row');
}

function RecentImports({ schoolId, imports }: { schoolId: string; imports: readonly Recent[] }) {
  return (
    <Table
      caption="Recent attendance files, newest first"
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
              <Link to={attendanceImportPreviewPage(schoolId, i.importId)} className="break-anywhere">
                {i.fileName}
              </Link>
              <span className="block secondary-text">{i.kind === 'weeks' ? 'Weekly totals' : 'Session marks'}</span>
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
