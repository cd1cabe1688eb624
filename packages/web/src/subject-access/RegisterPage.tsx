/**
 * The register of subject access requests (those who manage them): open requests soonest deadline
 * first, with the days left and where each stands; then those sent or closed.
 */
import {
  REQUESTER_KIND_LABELS,
  SAR_STATUS_LABELS,
  subjectAccessListResponse,
  type SubjectAccessRow,
} from '@tandem/core';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { countOf } from '../components/format';
import { FlashBanner, PageTitle, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { Table } from '../components/Table';
import { NotFoundPage } from '../errors/ErrorPages';
import { yearAndForm } from '../pupils/pupilsApi';
import { Link, useFlash } from '../router/router';
import { daysLeftWords, newRequestPage, registerApi, requestPage } from './subjectAccessApi';
import './subject-access.css';

const TITLE = 'Subject access requests';

export function DaysLeft({ row }: { row: Pick<SubjectAccessRow, 'daysLeft' | 'overdue' | 'nearDeadline' | 'status'> }) {
  if (row.status === 'sent' || row.status === 'closed') return <>{SAR_STATUS_LABELS[row.status]}</>;
  const tag = row.overdue ? <Tag tone="red">Overdue</Tag> : row.nearDeadline ? <Tag tone="yellow">Due soon</Tag> : null;
  return (
    <>
      {daysLeftWords(row.daysLeft)}
      {tag !== null && <> {tag}</>}
    </>
  );
}

export function RegisterPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const flash = useFlash();
  const allowed = schoolCan(school, 'records.subjectAccess');
  const { resource, reload } = useResource(allowed ? registerApi(schoolId) : null, subjectAccessListResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: TITLE,
      caption: school.name,
      loading: 'Loading the register',
      onRetry: reload,
    });
  }
  const { open, finished } = resource.data;
  const columns = [
    {
      key: 'pupil',
      header: 'Pupil',
      label: 'Pupil',
      cell: (r: SubjectAccessRow) => (
        <>
          <Link to={requestPage(schoolId, r.id)}>{r.pupil.name}</Link>
          <span className="hint sar-sub">{yearAndForm(r.pupil)}</span>
        </>
      ),
    },
    {
      key: 'who',
      header: 'Asked by',
      label: 'Asked by',
      cell: (r: SubjectAccessRow) => (
        <>
          {r.requesterName}
          <span className="hint sar-sub">{REQUESTER_KIND_LABELS[r.requesterKind].split(' (')[0]}</span>
        </>
      ),
    },
    {
      key: 'received',
      header: 'Received',
      label: 'Received',
      cell: (r: SubjectAccessRow) => formatIsoDay(r.receivedOn),
      nowrap: true,
    },
    {
      key: 'due',
      header: 'Deadline',
      label: 'Deadline',
      cell: (r: SubjectAccessRow) => formatIsoDay(r.dueOn),
      nowrap: true,
    },
    { key: 'left', header: 'Days left', label: 'Days left', cell: (r: SubjectAccessRow) => <DaysLeft row={r} /> },
    {
      key: 'status',
      header: 'Status',
      label: 'Status',
      cell: (r: SubjectAccessRow) => SAR_STATUS_LABELS[r.status],
      nowrap: true,
    },
  ];
  return (
    <div className="sar">
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>{TITLE}</PageTitle>
      <p className="lead">
        Anyone may ask for the information the school holds about a pupil. Answer within one calendar month of receiving
        the request; a complex request may be extended by up to two further months, telling the requester within the
        first month.
      </p>
      <p>
        <Link className="button" to={newRequestPage(schoolId)}>
          Record a request
        </Link>
      </p>
      <h2 className="heading-m">Open requests</h2>
      {open.length === 0 ? (
        <p>There are no open requests. When a request comes in by letter, e-mail or the portal, record it here.</p>
      ) : (
        <>
          <p className="count">{countOf(open.length, 'open request')}</p>
          <Table
            caption="Open requests, soonest deadline first"
            captionHidden
            rows={open}
            rowKey={(r) => r.id}
            columns={columns}
          />
        </>
      )}
      <h2 className="heading-m">Sent and closed</h2>
      {finished.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <Table
          caption="Requests sent or closed, newest first"
          captionHidden
          rows={finished}
          rowKey={(r) => r.id}
          columns={columns}
        />
      )}
    </div>
  );
}
