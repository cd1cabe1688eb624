/**
 * Leavers' files to the next school (due day and status of each part this person handles) and files
 * received from pupils' last schools (SMHL and DSL team; the child-protection file for the DSL team only).
 */
import { TRANSFER_FILE_LABELS, transferListResponse } from '@tandem/core';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatIsoDay, formatDate } from '../components/dates';
import { InsetText, PageTitle, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { Table } from '../components/Table';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { pupilPage, schoolPage } from '../pupils/pupilsApi';
import { importPage, statusTone, statusWords, termDatesPage, transferPage, transfersApi } from './transfersApi';

const TITLE = 'Transfers to and from other schools';

export function TransfersListPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'records.transfer');
  const { resource, reload } = useResource(allowed ? transfersApi(schoolId) : null, transferListResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: TITLE,
      caption: school.name,
      loading: 'Loading transfers',
      onRetry: reload,
    });
  }
  const { outgoing, incoming, termDatesRecorded, seeChildProtection } = resource.data;
  return (
    <div className="transfers">
      <PageTitle caption={school.name}>{TITLE}</PageTitle>
      <p className="lead">
        When a pupil leaves, their files go to the next school within 5 school days: the child-protection file
        separately, by the DSL team{seeChildProtection ? '' : ' (you see only the wellbeing file)'}.
      </p>
      {!termDatesRecorded && (
        <InsetText>
          No term dates are recorded, so due days count every weekday, holidays included.{' '}
          <Link to={termDatesPage(schoolId)}>Record the term dates</Link>.
        </InsetText>
      )}
      <h2 className="heading-m">Leavers&rsquo; files to send</h2>
      {outgoing.length === 0 ? (
        <p>No pupil has left yet. Record a leaver from their pupil record (&ldquo;Record leaving&rdquo;).</p>
      ) : (
        <Table
          caption="Leavers, most recent first"
          captionHidden
          rows={outgoing}
          rowKey={(t) => t.id}
          columns={[
            {
              key: 'pupil',
              header: 'Pupil',
              label: 'Pupil',
              cell: (t) => <Link to={transferPage(schoolId, t.id)}>{t.pupil.name}</Link>,
            },
            { key: 'left', header: 'Left', label: 'Left', cell: (t) => formatIsoDay(t.leftOn), nowrap: true },
            {
              key: 'to',
              header: 'Next school',
              label: 'Next school',
              cell: (t) => t.destinationName ?? 'Not known yet',
            },
            { key: 'due', header: 'Due', label: 'Due', cell: (t) => formatIsoDay(t.dueOn), nowrap: true },
            {
              key: 'parts',
              header: 'Files',
              label: 'Files',
              cell: (t) => (
                <ul className="list list--plain">
                  {t.parts.map((p) => (
                    <li key={p.id}>
                      {TRANSFER_FILE_LABELS[p.file]}: <Tag tone={statusTone(p)}>{statusWords(p)}</Tag>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      <h2 className="heading-m">Files received from other schools</h2>
      <p>
        <Link to={importPage(schoolId)} className="button button--secondary">
          Import a file from another school
        </Link>
      </p>
      {incoming.length === 0 ? (
        <p>
          No file has been received yet. When a pupil joins from a school using Tandem, import their file with the code
          that school gives you.
        </p>
      ) : (
        <Table
          caption="Files received, most recent first"
          captionHidden
          rows={incoming}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'pupil',
              header: 'Pupil',
              label: 'Pupil',
              cell: (r) => <Link to={pupilPage(schoolId, r.pupil.id)}>{r.pupil.name}</Link>,
            },
            {
              key: 'file',
              header: 'File',
              label: 'File',
              cell: (r) => (
                <Link to={`${schoolPage(schoolId)}/received-files/${encodeURIComponent(r.id)}`}>
                  {TRANSFER_FILE_LABELS[r.file]}
                </Link>
              ),
            },
            { key: 'from', header: 'From', label: 'From', cell: (r) => r.fromSchoolName },
            { key: 'items', header: 'Items', label: 'Items', cell: (r) => String(r.itemCount), numeric: true },
            { key: 'when', header: 'Imported', label: 'Imported', cell: (r) => formatDate(r.importedAt), nowrap: true },
            {
              key: 'receipt',
              header: 'Receipt',
              label: 'Receipt',
              cell: (r) => (r.receiptSent ? 'Confirmed to the sender' : 'Not yet confirmed: Tandem will keep trying'),
            },
          ]}
        />
      )}
    </div>
  );
}
