/**
 * One directory entry in full: what the service does, whom it is for, how to reach it, when it was
 * last checked and every version of it. Whoever keeps the entry (the school's own, for its Senior
 * Mental Health Lead; a shared one, for the trust administrator) may change it, mark it as checked,
 * or retire it. The same page for a school's directory and for the trust's.
 */
import { serviceDetailSchema, type ServiceDetail, type ServiceStatus } from '@tandem/core';
import { useState } from 'react';
import { useResource } from '../api/useResource';
import { formatDateTime, formatIsoDay } from '../components/dates';
import { BackLink, FlashBanner, NotificationBanner, PageTitle, SummaryList, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { Table } from '../components/Table';
import { NotFoundPage } from '../errors/ErrorPages';
import { useFlash } from '../router/router';
import { ServiceActions } from './ServiceActions';
import { serviceFacts, ServiceTags } from './ServiceBits';
import { useDirectory, type DirectoryAt } from './directoryPlace';
import './services.css';

const STATUS_WORDS: Record<ServiceStatus, string> = { active: 'In use', retired: 'Retired' };

export function ServicePage({ schoolId, serviceId }: { schoolId: string; serviceId: string }) {
  return <ServiceView at={{ schoolId }} serviceId={serviceId} />;
}

/** A shared entry, or a national one, for the trust administrator. */
export function TrustServicePage({ trustId, serviceId }: { trustId: string; serviceId: string }) {
  return <ServiceView at={{ trustId }} serviceId={serviceId} />;
}

function ServiceView({ at, serviceId }: { at: DirectoryAt; serviceId: string }) {
  const place = useDirectory(at, 'read');
  const flash = useFlash();
  const { resource, reload } = useResource(place === null ? null : place.entryApi(serviceId), serviceDetailSchema);
  const [done, setDone] = useState<{ title: string; text?: string; at: number } | null>(null);
  if (place === null) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Service',
      caption: place.name,
      loading: 'Loading the service',
      back: { to: place.listPage, text: 'Back to the directory' },
      onRetry: reload,
    });
  }
  const changed = (title: string, text?: string) => {
    setDone(text === undefined ? { title, at: Date.now() } : { title, text, at: Date.now() });
    reload();
    window.scrollTo(0, 0);
  };
  const data = resource.data;
  const s = data.service;
  return (
    <div className="services">
      <BackLink to={place.listPage}>Back to the directory</BackLink>
      {done !== null ? (
        <NotificationBanner key={done.at} kind="success" title={done.title}>
          {done.text !== undefined && <p>{done.text}</p>}
        </NotificationBanner>
      ) : (
        <FlashBanner flash={flash} />
      )}
      <PageTitle caption={place.name}>{s.name}</PageTitle>
      <ServiceTags service={s} />
      <p className="lead pre-line">{s.description.trim()}</p>
      <SummaryList
        rows={[
          ...serviceFacts(s),
          {
            key: 'checked',
            label: 'Last checked',
            value: (
              <>
                <time dateTime={s.lastCheckedOn}>{formatIsoDay(s.lastCheckedOn)}</time>
                {s.status === 'active' && s.checkDue && (
                  <>
                    {' '}
                    <Tag tone="yellow">Due for its yearly check</Tag>
                  </>
                )}
              </>
            ),
          },
        ]}
      />
      {s.canEdit && <ServiceActions place={place} detail={data} onDone={changed} onStale={reload} />}
      <History detail={data} />
    </div>
  );
}

function History({ detail }: { detail: ServiceDetail }) {
  const rows = [...detail.history].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="history-title">
      <h2 className="heading-m" id="history-title">
        History
      </h2>
      <p className="secondary-text">Each change makes a new version, newest first. Earlier versions are kept.</p>
      {rows.length === 0 ? (
        <p>No changes are recorded.</p>
      ) : (
        <Table
          caption="Each version of this entry, newest first"
          captionHidden
          rows={rows}
          rowKey={(h) => String(h.version)}
          columns={[
            { key: 'version', header: 'Version', label: 'Version', numeric: true, cell: (h) => h.version },
            { key: 'name', header: 'Name', label: 'Name', cell: (h) => h.name },
            { key: 'status', header: 'Status', label: 'Status', nowrap: true, cell: (h) => STATUS_WORDS[h.status] },
            {
              key: 'by',
              header: 'Changed by',
              label: 'Changed by',
              cell: (h) => h.changedByName ?? <span className="secondary-text">Not recorded</span>,
            },
            {
              key: 'when',
              header: 'When',
              label: 'When',
              nowrap: true,
              cell: (h) => <time dateTime={h.changedAt}>{formatDateTime(h.changedAt)}</time>,
            },
          ]}
        />
      )}
    </section>
  );
}
