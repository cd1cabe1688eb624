import {
  AUDIT_ACTION_LABELS,
  AUDIT_SUBJECT_TYPE_LABELS,
  auditListResponse,
  auditQuery,
  staffListResponse,
} from '@tandem/core';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { enc, withQuery } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, trustCan, useSchool, useTrust } from '../auth/session';
import { boxesExample, DateInput, dateProblems, isIsoDay } from '../components/DateInput';
import { addDays, formatDateTime, formatIsoDay, formatRelative, ukIsoDay } from '../components/dates';
import { countOf, labelOf } from '../components/format';
import { Button, ButtonGroup, ErrorSummary, Form, SelectField, type Option } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { Loading, PageTitle } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useLocation, useNavigate, useSearchParams } from '../router/router';
import { schoolsResponse, trustSchoolsPath } from '../schools/schoolsApi';
import { staffPath } from '../staff/staffApi';

type AuditEntry = z.infer<typeof auditListResponse>['entries'][number];

interface Filters {
  action: string;
  actorUserId: string;
  from: string;
  to: string;
}

const FILTER_KEYS = ['action', 'actorUserId', 'from', 'to'] as const;
const FIELDS = ['action', 'actorUserId', 'from', 'to'] as const;
const PAGE_SIZE = 50;

const ACTION_OPTIONS: Option[] = [
  { value: '', label: 'All actions' },
  ...Object.entries(AUDIT_ACTION_LABELS)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB')),
];

function filtersFrom(params: URLSearchParams): Filters {
  return {
    action: params.get('action') ?? '',
    actorUserId: params.get('actorUserId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

function hasFilters(f: Filters): boolean {
  return FILTER_KEYS.some((k) => f[k] !== '');
}

export function SchoolAuditPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  if (school === undefined || !schoolCan(school, 'school.viewAudit')) return <NotFoundPage />;
  const api = `/api/schools/${enc(school.id)}`;
  return (
    <AuditView
      placeName={school.name}
      listApi={`${api}/audit`}
      csvApi={`${api}/audit.csv`}
      peopleApi={schoolCan(school, 'school.manageStaff') ? staffPath(school.id) : null}
      knownNames={new Map([[school.id, school.name]])}
    />
  );
}

export function TrustAuditPage({ trustId }: { trustId: string }) {
  const trust = useTrust(trustId);
  const allowed = trustCan(trust, 'trust.viewAudit');
  const schools = useResource(allowed ? trustSchoolsPath(trustId) : null, schoolsResponse);
  if (trust === undefined || !allowed) return <NotFoundPage />;
  const knownNames = new Map<string, string>([[trust.id, trust.name]]);
  if (schools.resource.status === 'ready') {
    for (const school of schools.resource.data.schools) knownNames.set(school.id, school.name);
  }
  return (
    <AuditView
      placeName={trust.name}
      listApi={`/api/trusts/${enc(trust.id)}/audit`}
      csvApi={null}
      peopleApi={null}
      knownNames={knownNames}
    />
  );
}

function AuditView({
  placeName,
  listApi,
  csvApi,
  peopleApi,
  knownNames,
}: {
  placeName: string;
  listApi: string;
  csvApi: string | null;
  peopleApi: string | null;
  /** Names of schools and trusts that entries may be about. */
  knownNames: ReadonlyMap<string, string>;
}) {
  const params = useSearchParams();
  const { pathname } = useLocation();
  const filters = filtersFrom(params);
  const beforeParam = params.get('before');
  const before = beforeParam !== null && /^\d+$/.test(beforeParam) ? beforeParam : null;
  const query = { ...filters, before: before ?? undefined, limit: PAGE_SIZE };
  const { resource, reload } = useResource(withQuery(listApi, query), auditListResponse);
  const people = useResource(peopleApi, staffListResponse);

  const names = useMemo(() => {
    const map = new Map<string, string>();
    if (people.resource.status === 'ready') {
      for (const s of people.resource.data.staff) map.set(s.userId, s.displayName);
    }
    if (resource.status === 'ready') {
      for (const e of resource.data.entries) {
        if (e.actorUserId !== null && e.actorName !== null) map.set(e.actorUserId, e.actorName);
      }
    }
    return map;
  }, [people.resource, resource]);

  const filtered = hasFilters(filters);
  const csvHref = csvApi === null ? null : withQuery(csvApi, { ...filters });

  return (
    <>
      <PageTitle caption={placeName}>Audit trail</PageTitle>
      <p>Every sign-in, change and look at sensitive records is recorded here. Entries cannot be changed or deleted.</p>
      <FilterForm key={params.toString()} initial={filters} names={names} pathname={pathname} />

      {resource.status === 'loading' && <Loading what="Loading entries" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <section aria-labelledby="audit-results">
          <h2 className="heading-m" id="audit-results">
            {filtered ? 'Matching entries' : 'All entries'}
          </h2>
          {resource.data.restrictedActivity !== null && (
            <p className="inset-text" data-testid="restricted-activity">
              <strong>Restricted record activity: </strong>
              {countOf(resource.data.restrictedActivity.count, 'entry', 'entries')}
              {filters.from !== '' || filters.to !== '' ? ' in these dates' : ' in all'}. Entries about the restricted
              safeguarding record (who logged, read or was refused a concern in it) are shown only to the DSL team.
            </p>
          )}
          {resource.data.entries.length === 0 ? (
            <div className="empty-state">
              {filtered ? (
                <>
                  <p>No entries match these filters.</p>
                  <p>Try choosing ‘All actions’, removing the person, or widening the dates.</p>
                  <p>
                    <Link to={pathname}>Clear filters</Link>
                  </p>
                </>
              ) : (
                <p>Nothing has been recorded yet. Entries will appear here as people use Tandem.</p>
              )}
            </div>
          ) : (
            <>
              <p className="count">
                {before === null ? 'Newest ' : 'Showing '}
                {countOf(resource.data.entries.length, 'entry', 'entries')}
                {describeFilters(filters, names)}
              </p>
              <AuditTable entries={resource.data.entries} names={names} subjects={new Map([...knownNames, ...names])} />
            </>
          )}
          <nav className="pager" aria-label="More entries">
            <ul className="pager__list">
              {before !== null && (
                <li>
                  <Link to={withQuery(pathname, { ...filters })}>Back to newest entries</Link>
                </li>
              )}
              {resource.data.nextBefore !== null && (
                <li>
                  <Link to={withQuery(pathname, { ...filters, before: resource.data.nextBefore })}>
                    Older entries<span className="visually-hidden"> in the audit trail</span>
                  </Link>
                </li>
              )}
            </ul>
          </nav>
          {csvHref !== null && resource.data.entries.length > 0 && (
            <p>
              <a href={csvHref} download className="button button--secondary">
                Download CSV<span className="visually-hidden"> of {filtered ? 'matching' : 'all'} entries</span>
              </a>
            </p>
          )}
          {csvHref !== null && resource.data.entries.length > 0 && (
            <p className="hint">
              The file includes every matching entry, not only this page. Downloading it is recorded in the audit trail.
            </p>
          )}
        </section>
      )}
    </>
  );
}

function describeFilters(f: Filters, names: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  if (f.action !== '') parts.push(`‘${labelOf(AUDIT_ACTION_LABELS, f.action)}’`);
  if (f.actorUserId !== '') parts.push(`by ${names.get(f.actorUserId) ?? 'the chosen person'}`);
  if (f.from !== '') parts.push(`from ${formatIsoDay(f.from)}`);
  if (f.to !== '') parts.push(`to ${formatIsoDay(f.to)}`);
  return parts.length === 0 ? '' : `: ${parts.join(', ')}`;
}

function FilterForm({
  initial,
  names,
  pathname,
}: {
  initial: Filters;
  names: ReadonlyMap<string, string>;
  pathname: string;
}) {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>(initial);
  const form = useFormErrors(FIELDS);
  const today = ukIsoDay();

  const set = (key: keyof Filters) => (value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
  };

  const personOptions: Option[] = [
    { value: '', label: 'Anyone' },
    ...[...names.entries()]
      .sort((a, b) => a[1].localeCompare(b[1], 'en-GB'))
      .map(([value, label]) => ({ value, label })),
  ];
  if (filters.actorUserId !== '' && !names.has(filters.actorUserId)) {
    personOptions.push({ value: filters.actorUserId, label: 'The chosen person' });
  }

  const submit = () => {
    const parsed = auditQuery.safeParse({
      action: filters.action === '' ? undefined : filters.action,
      actorUserId: filters.actorUserId === '' ? undefined : filters.actorUserId,
      from: filters.from === '' ? undefined : filters.from,
      to: filters.to === '' ? undefined : filters.to,
    });
    const extra = dateProblems([
      { path: 'from', value: filters.from, what: '‘From’ date', required: false },
      { path: 'to', value: filters.to, what: '‘To’ date', required: false },
    ]);
    if (isIsoDay(filters.from) && isIsoDay(filters.to) && filters.from > filters.to) {
      extra.push({ path: 'to', message: 'The ‘to’ date must be the same as or after the ‘from’ date' });
    }
    if (!parsed.success || extra.length > 0) {
      form.fromIssues(parsed.success ? [] : parsed.error.issues, extra);
      return;
    }
    form.clear();
    navigate(withQuery(pathname, { ...filters }));
  };

  return (
    <>
      <ErrorSummary errors={form.errors} />
      <Form onSubmit={submit} className="filters" label="Filter the audit trail">
        <h2 className="heading-s filters__title">Filter entries</h2>
        <div className="filters__grid">
          <SelectField
            name="action"
            label="What happened"
            options={ACTION_OPTIONS}
            value={filters.action}
            onValueChange={set('action')}
            error={form.errorFor('action')}
          />
          <SelectField
            name="actorUserId"
            label="Who did it"
            options={personOptions}
            value={filters.actorUserId}
            onValueChange={set('actorUserId')}
            error={form.errorFor('actorUserId')}
          />
          <DateInput
            name="from"
            legend="From"
            hint={`For example, ${boxesExample(addDays(today, -7))}`}
            value={filters.from}
            onValueChange={set('from')}
            error={form.errorFor('from')}
          />
          <DateInput
            name="to"
            legend="To"
            hint={`For example, ${boxesExample(today)}`}
            value={filters.to}
            onValueChange={set('to')}
            error={form.errorFor('to')}
          />
        </div>
        <ButtonGroup>
          <Button type="submit" variant="secondary">
            Apply filters
          </Button>
          {hasFilters(initial) && (
            <Link to={pathname} className="link-cancel">
              Clear filters
            </Link>
          )}
        </ButtonGroup>
      </Form>
    </>
  );
}

function subjectText(entry: AuditEntry, names: ReadonlyMap<string, string>) {
  if (entry.subjectType === null && entry.subjectId === null) return <span className="secondary-text">None</span>;
  const type = entry.subjectType === null ? '' : labelOf(AUDIT_SUBJECT_TYPE_LABELS, entry.subjectType);
  const name = entry.subjectId === null ? undefined : names.get(entry.subjectId);
  return (
    <>
      {entry.restricted && <strong className="tag tag--red">Safeguarding record</strong>} {type}
      {name !== undefined ? (
        <>: {name}</>
      ) : (
        entry.subjectId !== null && (
          <>
            {type === '' ? '' : ' '}
            <code className="break-anywhere id-text">{entry.subjectId}</code>
          </>
        )
      )}
    </>
  );
}

function AuditTable({
  entries,
  names,
  subjects,
}: {
  entries: readonly AuditEntry[];
  names: ReadonlyMap<string, string>;
  subjects: ReadonlyMap<string, string>;
}) {
  return (
    <Table
      caption="Audit trail entries, newest first"
      captionHidden
      rows={entries}
      rowKey={(e) => String(e.seq)}
      columns={[
        {
          key: 'at',
          header: 'When',
          label: 'When',
          cell: (e) => (
            <>
              <time dateTime={e.at} className="nowrap">
                {formatDateTime(e.at)}
              </time>
              <span className="secondary-text block">{formatRelative(e.at)}</span>
            </>
          ),
        },
        {
          key: 'who',
          header: 'Who',
          label: 'Who',
          cell: (e) =>
            e.actorName ??
            (e.actorUserId === null ? (
              <span className="secondary-text">Not signed in</span>
            ) : (
              (names.get(e.actorUserId) ?? 'Unknown person')
            )),
        },
        { key: 'what', header: 'What', label: 'What', cell: (e) => e.actionLabel },
        { key: 'subject', header: 'Subject', label: 'Subject', cell: (e) => subjectText(e, subjects) },
        {
          key: 'ip',
          header: 'From IP',
          label: 'From IP',
          cell: (e) =>
            e.ip === null ? <span className="secondary-text">Not recorded</span> : <span className="ip">{e.ip}</span>,
        },
      ]}
    />
  );
}
