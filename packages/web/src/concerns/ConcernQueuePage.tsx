/**
 * The triage queue: the Mental Health Lead's queue (triaged by the SMHL, SENDCO and DSL team, read by
 * the other case roles) and the DSL team's queue. Filtered by status, newest first, with older
 * concerns a page at a time, and a CSV download of everything the filter matches.
 */
import {
  CONCERN_QUEUE_FILTER_LABELS,
  CONCERN_QUEUE_LABELS,
  CONCERN_STATUS_LABELS,
  CONCERN_STATUSES,
  concernQueueResponse,
  type ConcernQueue,
  type ConcernQueueFilter,
  type ConcernSummary,
} from '@tandem/core';
import type { z } from 'zod';
import { useState } from 'react';
import { apiGet, withQuery } from '../api/client';
import { useResource } from '../api/useResource';
import { useReloadOnAlerts } from '../alerts/AlertsProvider';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime, formatRelative, ukIsoDay } from '../components/dates';
import { DownloadButton } from '../components/DownloadButton';
import { countOf } from '../components/format';
import { Button, ButtonGroup, Form, SelectField, type Option } from '../components/Form';
import { FlashBanner, Loading, PageTitle } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash, useLocation, useNavigate, useSearchParams } from '../router/router';
import { FromParentTag, OverdueTag, parentsWords, RestrictedTag, StatusTag, UrgentTag } from './ConcernBits';
import { concernPage, concernsApi, logConcernPage, mayReadQueue } from './concernsApi';

type Queue = ConcernQueue;
type ConcernQueueResponse = z.infer<typeof concernQueueResponse>;
type StatusFilter = ConcernQueueFilter;

const PAGE_SIZE = 25;

// Anything not closed comes first: it is what a queue is for.
const STATUS_OPTIONS: Option[] = (['active', ...CONCERN_STATUSES] as const).map((value) => ({
  value,
  label: CONCERN_QUEUE_FILTER_LABELS[value],
}));

function statusFrom(value: string | null): StatusFilter {
  return CONCERN_STATUSES.find((s) => s === value) ?? 'active';
}

export function ConcernQueuePage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  if (school === undefined || !mayReadQueue(school)) return <NotFoundPage />;
  return <QueueView school={school} />;
}

function QueueView({ school }: { school: SessionSchool }) {
  const params = useSearchParams();
  const { pathname } = useLocation();
  const flash = useFlash();
  const canDsl = schoolCan(school, 'safeguarding.read');
  const canMh = schoolCan(school, 'concern.triage') || schoolCan(school, 'pupil.readCase');
  const asked = params.get('queue');
  const queue: Queue =
    asked === 'dsl' && canDsl
      ? 'dsl'
      : asked === 'mental_health' && canMh
        ? 'mental_health'
        : canDsl
          ? 'dsl'
          : 'mental_health';
  const status = statusFrom(params.get('status'));
  const before = params.get('before');
  const startParam = Number(params.get('start') ?? '0');
  const start = before !== null && Number.isInteger(startParam) && startParam > 0 ? startParam : 0;
  const filterQuery = { queue, status: status === 'active' ? undefined : status };
  const { resource, reload } = useResource(
    withQuery(concernsApi(school.id), { queue, status, before: before ?? undefined, limit: PAGE_SIZE }),
    concernQueueResponse,
  );
  useReloadOnAlerts(reload);

  const tabs: Queue[] = [...(canMh ? (['mental_health'] as const) : []), ...(canDsl ? (['dsl'] as const) : [])];

  return (
    <>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name} title={`Concerns: ${CONCERN_QUEUE_LABELS[queue]}`}>
        Concerns
      </PageTitle>
      {tabs.length > 1 && (
        <nav className="sub-nav" aria-label="Queues">
          <ul className="sub-nav__list">
            {tabs.map((t) => (
              <li key={t} className="sub-nav__item">
                <Link
                  to={withQuery(pathname, { queue: t, status: status === 'active' ? undefined : status })}
                  className="sub-nav__link"
                  aria-current={t === queue ? 'page' : undefined}
                >
                  {CONCERN_QUEUE_LABELS[t]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <h2 className="heading-m">{CONCERN_QUEUE_LABELS[queue]}</h2>
      <p>
        {queue === 'dsl'
          ? 'Urgent and possible child-protection concerns, for the DSL team only. Acknowledge each new one as soon as you can: if an urgent concern waits 15 minutes, the deputy DSLs and the headteacher are alerted.'
          : schoolCan(school, 'concern.triage')
            ? 'Concerns for the Mental Health Lead and SENDCO, logged by staff or sent by parents and carers. Acknowledge each new one, decide what to do and close it with an outcome.'
            : 'Concerns for the Mental Health Lead and SENDCO, logged by staff or sent by parents and carers. You can read them; the Mental Health Lead, SENDCO and DSL team work on them.'}
      </p>
      <StatusFilterForm key={params.toString()} pathname={pathname} queue={queue} status={status} />
      {resource.status === 'loading' && <Loading what="Loading concerns" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <section aria-labelledby="concern-results">
          <h3 className="visually-hidden" id="concern-results">
            Concerns in this queue
          </h3>
          {resource.data.total === 0 ? (
            <div className="empty-state">
              <p>
                {status === 'active'
                  ? 'There are no open concerns in this queue. When a member of staff logs one, it appears here and you are alerted.'
                  : `There are no ${CONCERN_STATUS_LABELS[status].toLowerCase()} concerns in this queue.`}
              </p>
              <p>
                <Link to={logConcernPage(school.id)}>Log a concern yourself</Link>
              </p>
            </div>
          ) : (
            <>
              <p className="count" role="status">
                {countOf(resource.data.total, 'concern')}
                {resource.data.total > resource.data.concerns.length && (
                  <span className="secondary-text">
                    {`, showing ${String(start + 1)} to ${String(start + resource.data.concerns.length)}`}
                  </span>
                )}
              </p>
              <QueueTable school={school} concerns={resource.data.concerns} />
              <nav className="pager" aria-label="More concerns">
                <ul className="pager__list">
                  {before !== null && (
                    <li>
                      <Link to={withQuery(pathname, filterQuery)}>Back to the newest</Link>
                    </li>
                  )}
                  {resource.data.nextBefore !== null && (
                    <li>
                      <Link
                        to={withQuery(pathname, {
                          ...filterQuery,
                          before: resource.data.nextBefore,
                          start: start + resource.data.concerns.length,
                        })}
                      >
                        Older concerns
                      </Link>
                    </li>
                  )}
                </ul>
              </nav>
              <CsvDownload school={school} queue={queue} status={status} />
            </>
          )}
        </section>
      )}
    </>
  );
}

function StatusFilterForm({ pathname, queue, status }: { pathname: string; queue: Queue; status: StatusFilter }) {
  const navigate = useNavigate();
  const [value, setValue] = useState<string>(status);
  return (
    <Form
      className="filters filters--inline"
      label="Filter concerns"
      onSubmit={() => {
        navigate(withQuery(pathname, { queue, status: value === 'active' ? undefined : value }));
      }}
    >
      <SelectField name="status" label="Show" options={STATUS_OPTIONS} value={value} onValueChange={setValue} />
      <ButtonGroup>
        <Button type="submit" variant="secondary">
          Show concerns
        </Button>
      </ButtonGroup>
    </Form>
  );
}

function QueueTable({ school, concerns }: { school: SessionSchool; concerns: readonly ConcernSummary[] }) {
  return (
    <Table
      caption="Concerns, newest first"
      captionHidden
      rows={concerns}
      rowKey={(c) => c.id}
      columns={[
        {
          key: 'concern',
          header: 'Concern',
          label: 'Concern',
          cell: (c) => (
            <>
              <Link to={concernPage(school.id, c.id)} className="queue__link">
                {c.pupils.map((p) => p.name).join(', ') || 'No pupil'}
                <span className="visually-hidden">, concern {c.reference}</span>
              </Link>
              <span className="block secondary-text">
                {c.reference}
                {c.pupils.some((p) => p.form !== '') && `, ${c.pupils.map((p) => p.form).join(', ')}`}
              </span>
              {c.urgent && (
                <span className="block">
                  <UrgentTag />
                </span>
              )}
            </>
          ),
        },
        {
          key: 'logged',
          header: 'Logged',
          label: 'Logged',
          cell: (c) => (
            <>
              <time dateTime={c.loggedAt}>{formatRelative(c.loggedAt)}</time>
              <span className="block secondary-text">
                {formatDateTime(c.loggedAt)}, by {c.loggedByName}
              </span>
            </>
          ),
        },
        {
          key: 'status',
          header: 'Status',
          label: 'Status',
          cell: (c) => (
            <ul className="tag-list">
              <li>
                <StatusTag status={c.status} />
              </li>
              {c.fromParent && (
                <li>
                  <FromParentTag />
                </li>
              )}
              {c.restricted && (
                <li>
                  <RestrictedTag />
                </li>
              )}
              {c.overdueActions > 0 && (
                <li>
                  <OverdueTag count={c.overdueActions} />
                </li>
              )}
            </ul>
          ),
        },
        {
          key: 'parents',
          header: 'Parents',
          label: 'Parents',
          cell: (c) => parentsWords(c.parentsStatus, c.pupilTellsBy, c.restricted),
        },
      ]}
    />
  );
}

/** A CSV cell: quoted, with anything a spreadsheet would run as a formula made plain text. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function CsvDownload({ school, queue, status }: { school: SessionSchool; queue: Queue; status: StatusFilter }) {
  const makeCsv = async () => {
    const rows: ConcernSummary[] = [];
    let before: string | null = null;
    // Every page the filter matches, a hundred at a time.
    for (let page = 0; page < 100; page++) {
      const data: ConcernQueueResponse = await apiGet(
        withQuery(concernsApi(school.id), { queue, status, before: before ?? undefined, limit: 100 }),
        concernQueueResponse,
      );
      rows.push(...data.concerns);
      before = data.nextBefore;
      if (before === null) break;
    }
    const header = [
      'Reference',
      'Logged',
      'Logged by',
      'Happened',
      'Pupils',
      'Forms',
      'Urgent',
      'Status',
      'Overdue actions',
      'Parents',
    ];
    const lines = rows.map((c) =>
      [
        c.reference,
        formatDateTime(c.loggedAt),
        c.loggedByName,
        formatDateTime(c.occurredAt),
        c.pupils.map((p) => p.name).join('; '),
        c.pupils.map((p) => p.form).join('; '),
        c.urgent ? 'Urgent' : '',
        CONCERN_STATUS_LABELS[c.status],
        String(c.overdueActions),
        parentsWords(c.parentsStatus, c.pupilTellsBy, c.restricted),
      ]
        .map(csvCell)
        .join(','),
    );
    const text = `\uFEFF${[header.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
    return {
      blob: new Blob([text], { type: 'text/csv;charset=utf-8' }),
      fileName: `concerns-${queue === 'dsl' ? 'dsl' : 'mental-health'}-${status}-${ukIsoDay()}.csv`,
    };
  };
  return (
    <DownloadButton busyText="Preparing the CSV…" getFile={makeCsv}>
      Download as CSV<span className="visually-hidden"> (every concern this filter shows)</span>
    </DownloadButton>
  );
}
