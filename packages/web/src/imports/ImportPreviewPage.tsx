import {
  IMPORT_PHASE_LABELS,
  IMPORT_PHASES,
  IMPORT_PREVIEW_HOURS,
  importApplyResponse,
  importStatusResponse,
  SEND_STATUS_SHORT_LABELS,
  SEX_LABELS,
  yearGroupLabel,
  type ImportApplyResponse,
  type ImportKind,
  type ImportPreview,
  type ImportProgress,
  type ImportSampleItem,
  type ImportStatusResponse,
} from '@tandem/core';
import { useEffect, useState } from 'react';
import { apiGet, apiPost, toApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime, formatIsoDay } from '../components/dates';
import { countOf, labelOf } from '../components/format';
import { Button, ButtonGroup, ErrorSummary } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, InsetText, Loading, NotificationBanner, PageTitle, SummaryList } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundContent, NotFoundPage } from '../errors/ErrorPages';
import { pupilsPage } from '../pupils/pupilsApi';
import { Link } from '../router/router';
import { importApi, importPage, KIND_WORDS, recallPreview } from './importApi';

const POLL_MS = 400;
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

type Run =
  | { state: 'ready' }
  | { state: 'applying'; progress: ImportProgress | null }
  | { state: 'done'; result: ImportApplyResponse | NonNullable<ImportStatusResponse['summary']['applied']> };

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
  const [run, setRun] = useState<Run>(() =>
    s.applied !== null
      ? { state: 'done', result: s.applied }
      : status.status === 'applying'
        ? { state: 'applying', progress: status.progress }
        : { state: 'ready' },
  );
  const form = useFormErrors(NO_FIELDS);
  const applying = run.state === 'applying';

  // While the import runs, ask how far it has got.
  useEffect(() => {
    if (!applying) return;
    let stopped = false;
    const timer = window.setInterval(() => {
      apiGet(importApi(school.id, status.importId), importStatusResponse).then(
        (fresh) => {
          if (stopped) return;
          if (fresh.status === 'applied' && fresh.summary.applied !== null) {
            const result = fresh.summary.applied;
            setRun((r) => (r.state === 'applying' ? { state: 'done', result } : r));
          } else if (fresh.progress !== null) {
            const progress = fresh.progress;
            setRun((r) => (r.state === 'applying' ? { state: 'applying', progress } : r));
          }
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [applying, school.id, status.importId]);

  const apply = async () => {
    form.clear();
    setRun({ state: 'applying', progress: null });
    try {
      const result = await apiPost(`${importApi(school.id, status.importId)}/apply`, {}, importApplyResponse);
      setRun({ state: 'done', result });
    } catch (error) {
      setRun({ state: 'ready' });
      form.fromApi(toApiError(error));
    }
  };

  const changing = s.toAdd + s.toUpdate;
  const buttonText =
    changing > 0
      ? `Import ${countOf(changing, words.one, words.many)}`
      : s.toMarkLeft > 0
        ? `Mark ${countOf(s.toMarkLeft, 'pupil')} as left`
        : null;

  if (run.state === 'done') {
    return <Done school={school} status={status} result={run.result} />;
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
          { key: 'rows', label: 'Rows in the file', value: s.totalRows.toLocaleString('en-GB') },
          ...(s.errorCount > 0
            ? [{ key: 'errors', label: 'Problems', value: s.errorCount.toLocaleString('en-GB') }]
            : summaryRows(status)),
        ]}
      />
      {preview !== undefined && preview.ignoredColumns.length > 0 && (
        <p>Tandem does not use these columns, so it will ignore them: {preview.ignoredColumns.join(', ')}.</p>
      )}

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
            title={`${words.title} with changes`}
            total={s.toUpdate}
            items={preview.sample.updates}
            kind={status.kind}
            withChanges
          />
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
                <Button busy={applying} busyText="Importing…" onClick={() => void apply()}>
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
    { key: 'update', label: `${words.title} with changes`, value: s.toUpdate.toLocaleString('en-GB') },
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

function ProblemList({
  schoolId,
  status,
  preview,
}: {
  schoolId: string;
  status: ImportStatusResponse;
  preview: ImportPreview | undefined;
}) {
  const count = status.summary.errorCount;
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
          <Link to={importPage(schoolId)} className="button button--primary">
            Upload a corrected file
          </Link>
        </p>
      </div>
      {preview === undefined ? (
        <p>The list of problems is shown only straight after the file is checked. Upload the file again to see it.</p>
      ) : (
        <Table
          caption="Problems in the file, by line"
          rows={preview.errors}
          rowKey={(e) => `${String(e.line)}-${e.upn ?? ''}-${e.column ?? ''}-${e.message}`}
          columns={[
            { key: 'line', header: 'Line', label: 'Line', numeric: true, cell: (e) => e.line },
            {
              // Which pupil the row is about, so the record can be found and fixed in the MIS.
              key: 'pupil',
              header: 'Pupil',
              label: 'Pupil',
              cell: (e) =>
                e.upn === undefined && e.pupilName === undefined ? (
                  <span className="secondary-text">Not given</span>
                ) : (
                  <>
                    {e.pupilName ?? <span className="secondary-text">Not on roll</span>}
                    {e.upn !== undefined && <span className="block secondary-text">UPN {e.upn}</span>}
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
      )}
    </>
  );
}

function Leavers({
  markLeavers,
  count,
  sample,
}: {
  markLeavers: boolean;
  count: number;
  sample: readonly ImportSampleItem[];
}) {
  if (!markLeavers) {
    return (
      <InsetText>
        <p>
          You did not say this file is the full list of pupils on roll, so no pupil will be marked as left. To mark
          leavers, upload the full list and tick &lsquo;This file is the full list of pupils on roll&rsquo;.
        </p>
      </InsetText>
    );
  }
  if (count === 0) {
    return (
      <InsetText>
        <p>Every pupil on roll in Tandem is in this file, so no pupil will be marked as left.</p>
      </InsetText>
    );
  }
  return (
    <>
      <h2 className="heading-m">Pupils to be marked as left</h2>
      <p>
        {countOf(count, 'pupil is', 'pupils are')} on roll in Tandem but not in this file. Because you said the file is
        the full list of pupils on roll, they will be marked as having left today. Their records are kept, and they come
        back on roll if a later file includes them.
      </p>
      {sample.length > 0 && (
        <ul className="list list--bullet">
          {sample.map((p) => (
            <li key={p.key}>
              {p.label}
              {p.detail !== null && p.detail !== '' && <span className="secondary-text"> ({p.detail})</span>}
            </li>
          ))}
        </ul>
      )}
      {count > sample.length && <p className="secondary-text">And {countOf(count - sample.length, 'more pupil')}.</p>}
    </>
  );
}

function Sample({
  title,
  total,
  items,
  kind,
  withChanges,
}: {
  title: string;
  total: number;
  items: readonly ImportSampleItem[];
  kind: ImportKind;
  withChanges: boolean;
}) {
  if (total === 0) return null;
  const keyLabel = kind === 'groups' ? 'Group' : 'UPN';
  return (
    <section aria-label={title}>
      <h2 className="heading-m">
        {title}{' '}
        <span className="secondary-text heading-count">
          ({total > items.length ? `first ${String(items.length)} of ${total.toLocaleString('en-GB')}` : total})
        </span>
      </h2>
      <Table
        caption={title}
        captionHidden
        rows={items}
        rowKey={(i) => `${i.key}-${String(i.line)}-${i.label}`}
        columns={[
          { key: 'name', header: 'Name', label: 'Name', cell: (i) => i.label },
          {
            key: 'detail',
            header: kind === 'contacts' ? 'Relationship' : 'Details',
            label: kind === 'contacts' ? 'Relationship' : 'Details',
            cell: (i) => i.detail ?? '',
          },
          ...(withChanges
            ? [
                {
                  key: 'changes',
                  header: 'Changes',
                  label: 'Changes',
                  cell: (i: ImportSampleItem) => (
                    <ul className="change-list">
                      {i.changes.map((c) => (
                        <li key={c.field}>
                          <strong>{c.field}</strong>: {display(c.field, c.from)} <span aria-hidden="true">→</span>
                          <span className="visually-hidden"> to </span> {display(c.field, c.to)}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          { key: 'key', header: keyLabel, label: keyLabel, nowrap: true, cell: (i) => <code>{i.key}</code> },
          {
            key: 'line',
            header: 'Line',
            label: 'Line',
            numeric: true,
            cell: (i) => (i.line === null ? '' : String(i.line)),
          },
        ]}
      />
    </section>
  );
}

/** A value in a change, as the school would write it. */
function display(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (field === 'SEN' && typeof value === 'string') return labelOf(SEND_STATUS_SHORT_LABELS, value);
  if (field === 'Sex' && typeof value === 'string') return labelOf(SEX_LABELS, value);
  if (field === 'Year group' && typeof value === 'number') return yearGroupLabel(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDay(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function ApplyProgress({ progress, words }: { progress: ImportProgress | null; words: string }) {
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const phase = progress === null ? 'checking' : progress.phase;
  const step = IMPORT_PHASES.indexOf(phase) + 1;
  return (
    <div className="progress">
      <label className="label" htmlFor="import-progress">
        Importing {words}
      </label>
      <progress id="import-progress" className="progress__bar" max={total > 0 ? total : 1} value={total > 0 ? done : 0}>
        {total > 0 ? `${String(done)} of ${String(total)}` : 'Starting'}
      </progress>
      <p className="progress__text" aria-live="polite">
        {IMPORT_PHASE_LABELS[phase]}
        {total > 0 && phase !== 'checking' && phase !== 'finishing' ? `: ${String(done)} of ${String(total)}` : ''}
        <span className="visually-hidden">{` (step ${String(step)} of ${String(IMPORT_PHASES.length)})`}</span>
      </p>
    </div>
  );
}

function doneTitle(
  result: { added: number; updated: number; markedLeft: number },
  words: { one: string; many: string },
): string {
  const parts: string[] = [];
  if (result.added > 0) parts.push(`${countOf(result.added, `new ${words.one}`, `new ${words.many}`)} added`);
  if (result.updated > 0) parts.push(`${countOf(result.updated, words.one, words.many)} updated`);
  if (result.markedLeft > 0) parts.push(`${countOf(result.markedLeft, 'pupil')} marked as left`);
  if (parts.length === 0) return 'Nothing needed changing.';
  const last = parts.pop() ?? '';
  return `${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}.`;
}

function Done({
  school,
  status,
  result,
}: {
  school: SessionSchool;
  status: ImportStatusResponse;
  result: { added: number; updated: number; unchanged: number; markedLeft: number };
}) {
  const words = KIND_WORDS[status.kind];
  return (
    <>
      <NotificationBanner kind="success" title={doneTitle(result, words)}>
        <p>Everything in {status.fileName} is now in Tandem.</p>
      </NotificationBanner>
      <PageTitle caption={status.fileName}>Import complete</PageTitle>
      <div className="progress">
        <label className="label" htmlFor="import-progress">
          Importing {words.many}
        </label>
        <progress id="import-progress" className="progress__bar" max={1} value={1}>
          Finished
        </progress>
        <p className="progress__text">Finished</p>
      </div>
      <SummaryList
        rows={[
          { key: 'added', label: `New ${words.many} added`, value: result.added.toLocaleString('en-GB') },
          { key: 'updated', label: `${words.title} updated`, value: result.updated.toLocaleString('en-GB') },
          { key: 'same', label: 'Already up to date', value: result.unchanged.toLocaleString('en-GB') },
          ...(status.kind === 'pupils'
            ? [{ key: 'left', label: 'Marked as left', value: result.markedLeft.toLocaleString('en-GB') }]
            : []),
        ]}
      />
      {status.appliedAt !== null && <p className="secondary-text">Imported on {formatDateTime(status.appliedAt)}.</p>}
      <h2 className="heading-m">What next</h2>
      <ul className="list list--bullet">
        <li>
          <Link to={pupilsPage(school.id)}>Go to the pupil list</Link>
        </li>
        {status.kind === 'pupils' && (
          <li>
            <Link to={importPage(school.id)}>Import parents and carers, or teaching groups</Link>
          </li>
        )}
        {status.kind !== 'pupils' && (
          <li>
            <Link to={importPage(school.id)}>Import another file</Link>
          </li>
        )}
      </ul>
    </>
  );
}
