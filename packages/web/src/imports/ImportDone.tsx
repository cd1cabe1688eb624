import type { ImportStatusResponse } from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { countOf } from '../components/format';
import { NotificationBanner, PageTitle, SummaryList } from '../components/Page';
import { pupilsPage } from '../pupils/pupilsApi';
import { Link } from '../router/router';
import { importPage, KIND_WORDS } from './importApi';
import { rowsTitle } from './importLabels';

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

/** An import that has finished: what it changed, and where to go next. */
export function ImportDone({
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
          { key: 'updated', label: `${rowsTitle(status.kind)} updated`, value: result.updated.toLocaleString('en-GB') },
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
