/**
 * A checked attendance file: what it holds, a sample of its rows, every problem by line (then
 * nothing can be imported), and the choice to import it all or discard it.
 */
import { attendanceImportResponse, IMPORT_PREVIEW_HOURS, type AttendanceImportResponse } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime, formatIsoDay } from '../components/dates';
import { countOf } from '../components/format';
import { Button, ButtonGroup, ErrorSummary } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, InsetText, Loading, NotificationBanner, PageTitle, SummaryList } from '../components/Page';
import { Table } from '../components/Table';
import { useAction } from '../components/useAction';
import { LoadError, NotFoundContent, NotFoundPage } from '../errors/ErrorPages';
import { pupilsPage } from '../pupils/pupilsApi';
import { Link } from '../router/router';
import { attendanceImportApi, attendanceImportPage, KIND_WORDS } from './attendanceApi';

const NO_FIELDS: readonly string[] = [];

export function AttendanceImportPreviewPage({ schoolId, importId }: { schoolId: string; importId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'attendance.import');
  const { resource, reload, setData } = useResource(
    allowed ? attendanceImportApi(schoolId, importId) : null,
    attendanceImportResponse,
  );
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <>
      <BackLink to={attendanceImportPage(school.id)}>Back to import attendance</BackLink>
      {resource.status === 'loading' && (
        <>
          <PageTitle caption={school.name}>Check the attendance file</PageTitle>
          <Loading what="Loading the checked file" />
        </>
      )}
      {resource.status === 'error' &&
        (resource.error.code === 'not_found' ? (
          <>
            <PageTitle>Page not found</PageTitle>
            <NotFoundContent />
          </>
        ) : (
          <>
            <PageTitle caption={school.name}>Check the attendance file</PageTitle>
            <LoadError error={resource.error} onRetry={reload} />
          </>
        ))}
      {resource.status === 'ready' && <ImportView school={school} imp={resource.data} onChange={setData} />}
    </>
  );
}

function ImportView({
  school,
  imp,
  onChange,
}: {
  school: SessionSchool;
  imp: AttendanceImportResponse;
  onChange: (imp: AttendanceImportResponse) => void;
}) {
  const words = KIND_WORDS[imp.kind];
  const form = useFormErrors(NO_FIELDS);
  const action = useAction(form);
  const [doing, setDoing] = useState<'apply' | 'discard' | null>(null);

  const run = async (what: 'apply' | 'discard') => {
    setDoing(what);
    await action.run(async () => {
      onChange(await apiPost(`${attendanceImportApi(school.id, imp.importId)}/${what}`, {}, attendanceImportResponse));
    });
    setDoing(null);
  };

  if (imp.status === 'applied') return <Done school={school} imp={imp} />;

  const problems = imp.errorCount > 0;
  return (
    <>
      <ErrorSummary errors={form.errors} title="The file has not been imported" />
      <PageTitle caption={imp.fileName}>
        {problems ? 'Correct the attendance file' : 'Check the attendance file'}
      </PageTitle>
      {imp.status === 'discarded' && (
        <InsetText>
          <p>This file was discarded and nothing was imported. Upload it again to import it.</p>
        </InsetText>
      )}
      {problems ? (
        <ProblemList schoolId={school.id} imp={imp} />
      ) : (
        imp.status === 'previewed' && (
          <p className="lead">Nothing has been saved yet. Check what the file holds, then import it.</p>
        )
      )}

      <h2 className="heading-m">What the file holds</h2>
      <SummaryList
        rows={[
          { key: 'kind', label: 'File of', value: words.title },
          { key: 'rows', label: 'Rows in the file', value: imp.totalRows.toLocaleString('en-GB') },
          ...(problems
            ? [{ key: 'errors', label: 'Problems', value: imp.errorCount.toLocaleString('en-GB') }]
            : [
                { key: 'usable', label: 'To import', value: countOf(imp.rows, words.one, words.rows) },
                { key: 'pupils', label: 'Pupils', value: imp.pupils.toLocaleString('en-GB') },
                {
                  key: 'span',
                  label: imp.kind === 'weeks' ? 'Weeks beginning' : 'Days',
                  value:
                    imp.from === null || imp.to === null
                      ? 'None'
                      : imp.from === imp.to
                        ? formatIsoDay(imp.from)
                        : `${formatIsoDay(imp.from)} to ${formatIsoDay(imp.to)}`,
                },
                {
                  key: 'replacing',
                  label: 'Already in Tandem (will be replaced)',
                  value: imp.replacing.toLocaleString('en-GB'),
                },
              ]),
        ]}
      />
      {imp.notes.map((n) => (
        <InsetText key={n}>
          <p>{n}</p>
        </InsetText>
      ))}
      {imp.ignoredColumns.length > 0 && (
        <p>Tandem does not use these columns, so it will ignore them: {imp.ignoredColumns.join(', ')}.</p>
      )}
      {!problems && imp.sample.length > 0 && (
        <Table
          caption={`The first ${countOf(imp.sample.length, 'row')} of the file`}
          rows={imp.sample}
          rowKey={(r) => String(r.line)}
          columns={[
            { key: 'line', header: 'Line', label: 'Line', numeric: true, cell: (r) => r.line },
            {
              key: 'pupil',
              header: 'Pupil',
              label: 'Pupil',
              cell: (r) => (
                <>
                  {r.pupilName}
                  <span className="block secondary-text">UPN {r.upn}</span>
                </>
              ),
            },
            {
              key: 'on',
              header: imp.kind === 'weeks' ? 'Week beginning' : 'Day',
              label: imp.kind === 'weeks' ? 'Week beginning' : 'Day',
              nowrap: true,
              cell: (r) => formatIsoDay(r.on),
            },
            { key: 'detail', header: 'Attendance', label: 'Attendance', cell: (r) => r.detail },
          ]}
        />
      )}

      {!problems && imp.status === 'previewed' && imp.rows === 0 && (
        <InsetText>
          <p>
            There is no attendance to import in this file. Export it again from your MIS once the registers are marked.
          </p>
        </InsetText>
      )}
      {!problems && imp.status === 'previewed' && imp.rows > 0 && (
        <>
          <p>
            You can import this file for {IMPORT_PREVIEW_HOURS} hours after it was checked (
            {formatDateTime(imp.createdAt)}
            ). A week or session already in Tandem is replaced by this file. If anything goes wrong, nothing is
            imported.
          </p>
          <ButtonGroup>
            <Button busy={doing === 'apply'} busyText="Importing…" onClick={() => void run('apply')}>
              Import {countOf(imp.rows, words.one, words.rows)}
            </Button>
            <Button
              variant="secondary"
              busy={doing === 'discard'}
              busyText="Discarding…"
              onClick={() => void run('discard')}
            >
              Discard this file
            </Button>
          </ButtonGroup>
        </>
      )}
      {(problems || imp.rows === 0) && imp.status === 'previewed' && (
        <Button
          variant="secondary"
          busy={doing === 'discard'}
          busyText="Discarding…"
          onClick={() => void run('discard')}
        >
          Discard this file
        </Button>
      )}
    </>
  );
}

function ProblemList({ schoolId, imp }: { schoolId: string; imp: AttendanceImportResponse }) {
  const count = imp.errorCount;
  return (
    <>
      <div className="problem-box">
        <h2 className="problem-box__title">
          {count === 1
            ? 'There is 1 problem in the file'
            : `There are ${count.toLocaleString('en-GB')} problems in the file`}
        </h2>
        <p>Nothing has been imported. Correct these rows in your MIS export and upload the file again.</p>
        <p>
          <Link to={attendanceImportPage(schoolId)} className="button button--primary">
            Upload a corrected file
          </Link>
        </p>
      </div>
      <Table
        caption="Problems in the file, by line"
        rows={imp.errors}
        rowKey={(e) => `${String(e.line)}-${e.upn ?? ''}-${e.column ?? ''}-${e.message}`}
        columns={[
          { key: 'line', header: 'Line', label: 'Line', numeric: true, cell: (e) => e.line },
          {
            key: 'pupil',
            header: 'Pupil',
            label: 'Pupil',
            cell: (e) =>
              e.upn === undefined ? (
                <span className="secondary-text">Not given</span>
              ) : (
                <>
                  {e.pupilName ?? <span className="secondary-text">Not on roll</span>}
                  <span className="block secondary-text">UPN {e.upn}</span>
                </>
              ),
          },
          {
            key: 'column',
            header: 'Column',
            label: 'Column',
            nowrap: true,
            cell: (e) => e.column ?? <span className="secondary-text">Whole row</span>,
          },
          { key: 'problem', header: 'Problem', label: 'Problem', cell: (e) => e.message },
        ]}
      />
    </>
  );
}

function Done({ school, imp }: { school: SessionSchool; imp: AttendanceImportResponse }) {
  const words = KIND_WORDS[imp.kind];
  return (
    <>
      <NotificationBanner kind="success" title="Attendance imported">
        <p>
          {countOf(imp.applied ?? imp.rows, words.one, words.rows)} for {countOf(imp.pupils, 'pupil')} imported from{' '}
          {imp.fileName}
          {imp.appliedAt !== null && <> on {formatDateTime(imp.appliedAt)}</>}.
        </p>
      </NotificationBanner>
      <PageTitle caption={imp.fileName}>Attendance imported</PageTitle>
      <p>Each pupil’s attendance now shows on their record, under “Attendance and provision”.</p>
      <ul className="list">
        <li>
          <Link to={pupilsPage(school.id)}>Go to the pupils</Link>
        </li>
        <li>
          <Link to={attendanceImportPage(school.id)}>Import another attendance file</Link>
        </li>
      </ul>
    </>
  );
}
