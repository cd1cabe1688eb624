import {
  IMPORT_PREVIEW_HOURS,
  importStatusResponse,
  type ImportPreview,
  type ImportStatusResponse,
} from '@tandem/core';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { countOf } from '../components/format';
import { Button, ButtonGroup, ErrorSummary } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, InsetText, Loading, PageTitle, SummaryList } from '../components/Page';
import { LoadError, NotFoundContent, NotFoundPage } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { ApplyProgress } from './ApplyProgress';
import { CtfDetails } from './CtfDetails';
import { ImportDone } from './ImportDone';
import { importApi, importPage, KIND_WORDS, recallPreview } from './importApi';
import { lineLabel, rowsTitle } from './importLabels';
import { ProblemList } from './ImportProblems';
import { Leavers, Sample } from './ImportSamples';
import { useImportRun } from './useImportRun';

const NO_FIELDS: readonly string[] = [];

export function ImportPreviewPage({ schoolId, importId }: { schoolId: string; importId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.import');
  const { resource, reload } = useResource(allowed ? importApi(schoolId, importId) : null, importStatusResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <>
      <BackLink to={importPage(school.id)}>Back to import from your MIS</BackLink>
      {resource.status === 'loading' && (
        <>
          <PageTitle caption={school.name}>Check the changes</PageTitle>
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
            <PageTitle caption={school.name}>Check the changes</PageTitle>
            <LoadError error={resource.error} onRetry={reload} />
          </>
        ))}
      {resource.status === 'ready' && (
        <ImportView
          key={resource.data.importId}
          school={school}
          status={resource.data}
          preview={recallPreview(resource.data.importId)}
        />
      )}
    </>
  );
}

function ImportView({
  school,
  status,
  preview,
}: {
  school: SessionSchool;
  status: ImportStatusResponse;
  preview: ImportPreview | undefined;
}) {
  const words = KIND_WORDS[status.kind];
  const s = status.summary;
  const form = useFormErrors(NO_FIELDS);
  const { run, apply } = useImportRun(school.id, status, form.fromApi);
  const start = () => {
    form.clear();
    void apply();
  };
  const applying = run.state === 'applying';

  const ctf = preview?.ctf ?? s.ctf;
  const contactsChanging = ctf === undefined ? 0 : ctf.contacts.toAdd + ctf.contacts.toUpdate;
  const changing = s.toAdd + s.toUpdate;
  const buttonText =
    status.kind === 'ctf' && changing + contactsChanging > 0
      ? 'Import the pupils and their contacts'
      : changing > 0
        ? `Import ${countOf(changing, words.one, words.many)}`
        : s.toMarkLeft > 0
          ? `Mark ${countOf(s.toMarkLeft, 'pupil')} as left`
          : null;

  if (run.state === 'done') {
    return <ImportDone school={school} status={status} result={run.result} />;
  }

  return (
    <>
      <ErrorSummary errors={form.errors} title="The file has not been imported" />
      <PageTitle caption={status.fileName}>{s.errorCount > 0 ? 'Correct the file' : 'Check the changes'}</PageTitle>
      {s.errorCount > 0 ? (
        <ProblemList schoolId={school.id} status={status} preview={preview} />
      ) : (
        <p className="lead">Nothing has been saved yet. Check what will change, then import the file.</p>
      )}

      <h2 className="heading-m">What the file holds</h2>
      <SummaryList
        rows={[
          { key: 'kind', label: 'File of', value: words.title },
          {
            key: 'rows',
            label: status.kind === 'ctf' ? 'Pupils in the file' : 'Rows in the file',
            value: s.totalRows.toLocaleString('en-GB'),
          },
          ...(s.errorCount > 0
            ? [{ key: 'errors', label: 'Problems', value: s.errorCount.toLocaleString('en-GB') }]
            : summaryRows(status)),
        ]}
      />
      {preview !== undefined && preview.ignoredColumns.length > 0 && (
        <p>Tandem does not use these columns, so it will ignore them: {preview.ignoredColumns.join(', ')}.</p>
      )}

      {ctf !== undefined && <CtfDetails ctf={ctf} errors={s.errorCount > 0} />}

      {status.kind === 'pupils' && s.errorCount === 0 && (
        <Leavers markLeavers={s.markLeavers} count={s.toMarkLeft} sample={preview?.sample.leavers ?? []} />
      )}

      {preview !== undefined && s.errorCount === 0 && (
        <>
          <Sample
            title={`New ${words.many}`}
            total={s.toAdd}
            items={preview.sample.adds}
            kind={status.kind}
            withChanges={false}
          />
          <Sample
            title={`${rowsTitle(status.kind)} with changes`}
            total={s.toUpdate}
            items={preview.sample.updates}
            kind={status.kind}
            withChanges
          />
          {preview.ctf !== undefined && (
            <>
              <Sample
                title="New parents and carers"
                total={preview.ctf.contacts.toAdd}
                items={preview.ctf.contactSample.adds}
                kind="contacts"
                withChanges={false}
                lineHeader={lineLabel('ctf')}
              />
              <Sample
                title="Parents and carers with changes"
                total={preview.ctf.contacts.toUpdate}
                items={preview.ctf.contactSample.updates}
                kind="contacts"
                withChanges
                lineHeader={lineLabel('ctf')}
              />
            </>
          )}
        </>
      )}
      {preview === undefined && s.errorCount === 0 && (
        <p className="secondary-text">
          Examples of the changes are shown only straight after the file is checked. Upload it again to see them.
        </p>
      )}

      {s.errorCount === 0 && status.status === 'previewed' && (
        <>
          {buttonText === null ? (
            <InsetText>
              <p>Everything in this file is already in Tandem. There is nothing to import.</p>
            </InsetText>
          ) : (
            <>
              <p>
                You can import this file for {IMPORT_PREVIEW_HOURS} hours after it was checked (
                {formatDateTime(status.createdAt)}). If anything goes wrong, nothing is imported.
              </p>
              {applying && <ApplyProgress progress={run.progress} words={words.many} />}
              <ButtonGroup>
                <Button busy={applying} busyText="Importing…" onClick={start}>
                  {buttonText}
                </Button>
                {!applying && (
                  <Link to={importPage(school.id)} className="link-cancel">
                    Cancel and choose another file
                  </Link>
                )}
              </ButtonGroup>
            </>
          )}
        </>
      )}
      {status.status === 'discarded' && <p>This check was discarded. Upload the file again to import it.</p>}
    </>
  );
}

/** What checking the file found, for a file without problems. */
function summaryRows(status: ImportStatusResponse) {
  const words = KIND_WORDS[status.kind];
  const s = status.summary;
  return [
    { key: 'add', label: `New ${words.many}`, value: s.toAdd.toLocaleString('en-GB') },
    { key: 'update', label: `${rowsTitle(status.kind)} with changes`, value: s.toUpdate.toLocaleString('en-GB') },
    { key: 'same', label: 'Already up to date', value: s.unchanged.toLocaleString('en-GB') },
    ...(status.kind === 'pupils'
      ? [
          {
            key: 'left',
            label: 'To be marked as left',
            value: s.markLeavers ? s.toMarkLeft.toLocaleString('en-GB') : 'None (not the full list)',
          },
        ]
      : []),
  ];
}
