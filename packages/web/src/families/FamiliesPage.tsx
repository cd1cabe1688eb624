/**
 * Parents and carers: who is invited to Tandem, who has signed up and when they were last seen, and
 * who cannot be invited (and why). Whoever runs the portal invites them from here; the DSL team and
 * the lead can stop one parent or carer seeing a child, and give access back. The list searches and
 * filters by state and year group (kept in the address) and shows more on request.
 */
import {
  PARENT_ACCOUNT_STATE_LABELS,
  PARENT_ACCOUNT_STATES,
  type FamilyContactRow,
  type FamilyContactsResponse,
  type ParentAccountState,
} from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { apiGet, withQuery } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { countOf, isOneOf } from '../components/format';
import { Button, ButtonGroup, ErrorSummary, Form, SelectField, TextField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { FlashBanner, Loading, NotificationBanner, PageTitle } from '../components/Page';
import { useAction } from '../components/useAction';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash, useNavigate, useSearchParams } from '../router/router';
import { ContactCard } from './ContactCard';
import {
  contactsApi,
  familiesPage,
  familyContactsResponse,
  mayManageFamilies,
  mayRestrictFamilies,
  portalSettingsPage,
  pupilAccountsPage,
  mayReadPortalSettings,
  YEAR_FILTER_OPTIONS,
} from './familiesApi';
import './families.css';

interface Filters {
  q: string;
  state: ParentAccountState | '';
  yearGroup: string;
}

const FIELDS = ['q', 'state', 'yearGroup'] as const;

function filtersFrom(params: URLSearchParams): Filters {
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const state = params.get('state') ?? '';
  const year = params.get('yearGroup') ?? '';
  return {
    q,
    state: isOneOf(PARENT_ACCOUNT_STATES, state) ? state : '',
    yearGroup: YEAR_FILTER_OPTIONS.some((o) => o.value === year) ? year : '',
  };
}

const toQuery = (f: Filters) => ({ q: f.q.trim(), state: f.state, yearGroup: f.yearGroup });

const STATE_OPTIONS = [
  { value: '', label: 'Any state' },
  ...PARENT_ACCOUNT_STATES.map((s) => ({ value: s, label: PARENT_ACCOUNT_STATE_LABELS[s] })),
];

export function FamiliesPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayManageFamilies(school);
  const flash = useFlash();
  const params = useSearchParams();
  const filters = filtersFrom(params);
  const path = allowed ? withQuery(contactsApi(schoolId), toQuery(filters)) : null;
  const { resource, reload } = useResource(path, familyContactsResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const filtered = filters.q !== '' || filters.state !== '' || filters.yearGroup !== '';

  return (
    <div className="families">
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Parents and carers</PageTitle>
      <p className="lead">
        Invite parents and carers to Tandem. There they see what the school shares about their child, and can tell the
        school about something at home.
      </p>
      <ul className="list list--plain families-links">
        <li>
          <Link to={pupilAccountsPage(school.id)}>Pupil accounts and set-up codes</Link>
        </li>
        {mayReadPortalSettings(school) && (
          <li>
            <Link to={portalSettingsPage(school.id)}>Portal settings: the partnership statement and check-ins</Link>
          </li>
        )}
      </ul>
      <SearchForm key={params.toString()} schoolId={school.id} initial={filters} />
      {resource.status === 'loading' && <Loading what="Loading parents and carers" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <Results
          // A new search starts again from its first page.
          key={path ?? ''}
          school={school}
          filters={filters}
          filtered={filtered}
          first={resource.data}
        />
      )}
    </div>
  );
}

function SearchForm({ schoolId, initial }: { schoolId: string; initial: Filters }) {
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const form = useFormErrors(FIELDS);
  const submit = () => {
    if (values.q.trim().length > 100) {
      form.fromFields([{ path: 'q', message: 'Enter 100 characters or fewer' }]);
      return;
    }
    form.clear();
    navigate(withQuery(familiesPage(schoolId), toQuery(values)));
  };
  const inUse = initial.q !== '' || initial.state !== '' || initial.yearGroup !== '';
  const applied = [initial.state, initial.yearGroup].filter((v) => v !== '').length;
  // Open on wider screens; folded away on a phone (unless in use), so the list comes sooner.
  const [open, setOpen] = useState(() => applied > 0 || window.matchMedia('(min-width: 641px)').matches);
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <Form onSubmit={submit} className="filters" label="Find parents and carers">
        <div className="filters__search">
          <TextField
            name="q"
            type="search"
            label="Search by name"
            hint="The parent’s or carer’s name, or their child’s."
            autoComplete="off"
            value={values.q}
            onValueChange={(q) => {
              setValues((v) => ({ ...v, q }));
            }}
            error={form.errorFor('q')}
          />
        </div>
        <details
          className="details filters__more"
          open={open}
          onToggle={(e) => {
            setOpen(e.currentTarget.open);
          }}
        >
          <summary className="details__summary">
            <span className="details__summary-text">Filter{applied > 0 ? ` (${String(applied)} in use)` : ''}</span>
          </summary>
          <div className="filters__grid">
            <SelectField
              name="state"
              label="State"
              options={STATE_OPTIONS}
              value={values.state}
              onValueChange={(state) => {
                setValues((v) => ({ ...v, state: isOneOf(PARENT_ACCOUNT_STATES, state) ? state : '' }));
              }}
            />
            <SelectField
              name="yearGroup"
              label="Child’s year group"
              options={YEAR_FILTER_OPTIONS}
              value={values.yearGroup}
              onValueChange={(yearGroup) => {
                setValues((v) => ({ ...v, yearGroup }));
              }}
            />
          </div>
        </details>
        <ButtonGroup>
          <Button type="submit" variant="secondary">
            Search
          </Button>
          {inUse && (
            <Link to={familiesPage(schoolId)} className="link-cancel">
              Clear search and filters
            </Link>
          )}
        </ButtonGroup>
      </Form>
    </>
  );
}

/** The number in each state, each a link that shows only those. */
function StateCounts({
  schoolId,
  filters,
  counts,
}: {
  schoolId: string;
  filters: Filters;
  counts: FamilyContactsResponse['counts'];
}) {
  const total = PARENT_ACCOUNT_STATES.reduce((n, s) => n + counts[s], 0);
  return (
    <section aria-labelledby="state-counts-title" className="family-counts">
      <h2 className="heading-s" id="state-counts-title">
        {countOf(total, 'parent or carer', 'parents and carers')}
        {filters.q !== '' || filters.yearGroup !== '' ? ' matching your search' : ''}
      </h2>
      <ul className="family-counts__list">
        {PARENT_ACCOUNT_STATES.map((s) => (
          <li key={s} className="family-counts__item">
            <Link
              to={withQuery(familiesPage(schoolId), toQuery({ ...filters, state: s }))}
              className="family-counts__link"
              aria-current={filters.state === s ? 'true' : undefined}
            >
              <span className="family-counts__number">{counts[s].toLocaleString('en-GB')}</span>{' '}
              {PARENT_ACCOUNT_STATE_LABELS[s].toLowerCase()}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Results({
  school,
  filters,
  filtered,
  first,
}: {
  school: SessionSchool;
  filters: Filters;
  filtered: boolean;
  first: FamilyContactsResponse;
}) {
  // Later pages, fetched with "Show more"; and rows as this page's own changes left them, which
  // stay in place (with their new state) until the next search, rather than jump out of the list.
  const [more, setMore] = useState<{ rows: FamilyContactRow[]; cursor: string | null } | null>(null);
  const [changed, setChanged] = useState<ReadonlyMap<string, FamilyContactRow>>(new Map());
  const [counts, setCounts] = useState(first.counts);
  const [message, setMessage] = useState<{ title: string; text?: string; at: number } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const loading = useAction();
  const listRef = useRef<HTMLUListElement>(null);
  // After "Show more": focus moves to the first of the new rows, once they are drawn.
  const focusAt = useRef<number | null>(null);
  useEffect(() => {
    if (focusAt.current === null) return;
    listRef.current?.querySelectorAll<HTMLElement>('.family-card__name')[focusAt.current]?.focus();
    focusAt.current = null;
  });

  const rows = [...first.rows, ...(more?.rows ?? [])].map((r) => changed.get(rowKey(r)) ?? r);
  const cursor = more === null ? first.nextCursor : more.cursor;

  const showMore = async () => {
    if (cursor === null) return;
    const before = rows.length;
    await loading.run(async () => {
      const next = await apiGet(
        withQuery(contactsApi(school.id), { ...toQuery(filters), cursor }),
        familyContactsResponse,
      );
      setMore((m) => ({ rows: [...(m?.rows ?? []), ...next.rows], cursor: next.nextCursor }));
      focusAt.current = before;
    });
  };

  const done = (row: FamilyContactRow, title: string, text?: string) => {
    setChanged((m) => new Map(m).set(rowKey(row), row));
    setOpen(null);
    setMessage({ title, text, at: Date.now() });
    // The numbers in each state change too.
    apiGet(withQuery(contactsApi(school.id), toQuery(filters)), familyContactsResponse).then(
      (fresh) => {
        setCounts(fresh.counts);
      },
      () => undefined,
    );
  };

  if (rows.length === 0) {
    return (
      <>
        {message !== null && <NotificationBanner key={message.at} kind="success" title={message.title} />}
        <StateCounts schoolId={school.id} filters={filters} counts={counts} />
        <div className="empty-state">
          {filtered ? (
            <>
              <h2 className="heading-m">No parent or carer matches</h2>
              <p>
                Check the spelling, or take a filter off.{' '}
                <Link to={familiesPage(school.id)}>See every parent and carer</Link>.
              </p>
            </>
          ) : (
            <>
              <h2 className="heading-m">No parents or carers yet</h2>
              <p>
                Parents and carers come from your school&rsquo;s MIS, with each pupil&rsquo;s contacts.{' '}
                {schoolCan(school, 'pupil.import') ? (
                  <>
                    <Link to={`/schools/${encodeURIComponent(school.id)}/import`}>Import them from your MIS</Link>, then
                    invite them here.
                  </>
                ) : (
                  'Ask whoever imports from your MIS to bring in the contacts, then invite them here.'
                )}
              </p>
            </>
          )}
        </div>
      </>
    );
  }

  return (
    <>
      {message !== null && (
        <NotificationBanner key={message.at} kind="success" title={message.title}>
          {message.text !== undefined && <p>{message.text}</p>}
        </NotificationBanner>
      )}
      <StateCounts schoolId={school.id} filters={filters} counts={counts} />
      <h2 className="visually-hidden" id="family-list-title">
        {filtered ? 'Matching parents and carers' : 'All parents and carers'}
      </h2>
      <p className="count" role="status">
        Showing {countOf(rows.length, 'contact')}
        {cursor !== null ? ', more below' : ''}
      </p>
      <ul className="family-list" aria-labelledby="family-list-title" ref={listRef}>
        {rows.map((r) => (
          <ContactCard
            key={rowKey(r)}
            schoolId={school.id}
            row={r}
            canRestrict={mayRestrictFamilies(school)}
            open={open?.startsWith(`${rowKey(r)}:`) === true ? open.slice(rowKey(r).length + 1) : null}
            onOpen={(action) => {
              setOpen(action === null ? null : `${rowKey(r)}:${action}`);
            }}
            onDone={done}
          />
        ))}
      </ul>
      {loading.problem !== null && (
        <p className="error-text" role="alert">
          {loading.problem}
        </p>
      )}
      {cursor !== null && (
        <p>
          <Button
            variant="secondary"
            busy={loading.busy}
            busyText="Loading more…"
            onClick={() => {
              void showMore();
            }}
          >
            Show more<span className="visually-hidden"> parents and carers</span>
          </Button>
        </p>
      )}
    </>
  );
}

/** A contact may stand for one parent of several children: one row per child. */
const rowKey = (r: FamilyContactRow) => `${r.contactId}-${r.pupilId}`;
