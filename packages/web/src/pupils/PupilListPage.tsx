import {
  CHARACTERISTIC_LABELS,
  CHARACTERISTICS,
  LEVEL_CODES,
  pupilListQuery,
  pupilListResponse,
  YEAR_GROUP_MAX,
  YEAR_GROUP_MIN,
  yearGroupLabel,
  type LevelCode,
  type PupilListItem,
} from '@tandem/core';
import { useEffect, useState } from 'react';
import { withQuery } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { countOf } from '../components/format';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  ErrorSummary,
  Form,
  SelectField,
  TextField,
  type Option,
} from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { LevelBadge } from '../components/LevelBadge';
import { FlashBanner, Loading, PageTitle, Tag } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash, useLocation, useNavigate, useSearchParams } from '../router/router';
import { pupilName, pupilPage, pupilsApi, rememberListSearch, schoolPage, useLevelFramework } from './pupilsApi';

const PAGE_SIZE = 25;

interface Filters {
  search: string;
  yearGroup: string;
  form: string;
  level: string;
  characteristic: string;
  includeLeft: boolean;
}

const FIELDS = ['search', 'yearGroup', 'form', 'level', 'characteristic', 'includeLeft'] as const;

/** The filters in the address, keeping only values the server would accept. */
function filtersFrom(params: URLSearchParams, canSeeCase: boolean): Filters {
  const raw = {
    search: params.get('search') ?? '',
    yearGroup: params.get('yearGroup') ?? '',
    form: params.get('form') ?? '',
    level: canSeeCase ? (params.get('level') ?? '') : '',
    characteristic: canSeeCase ? (params.get('characteristic') ?? '') : '',
    includeLeft: params.get('includeLeft') === 'true',
  };
  const ok = (key: keyof typeof raw, value: string) =>
    value === '' || pupilListQuery.safeParse({ [key]: value }).success ? value : '';
  return {
    search: ok('search', raw.search),
    yearGroup: ok('yearGroup', raw.yearGroup),
    form: ok('form', raw.form),
    level: ok('level', raw.level),
    characteristic: ok('characteristic', raw.characteristic),
    includeLeft: raw.includeLeft,
  };
}

function toQuery(f: Filters): Record<string, string | undefined> {
  return {
    search: f.search.trim() || undefined,
    yearGroup: f.yearGroup || undefined,
    form: f.form.trim() || undefined,
    level: f.level || undefined,
    characteristic: f.characteristic || undefined,
    includeLeft: f.includeLeft ? 'true' : undefined,
  };
}

function activeCount(f: Filters): number {
  return [f.yearGroup, f.form, f.level, f.characteristic].filter((v) => v !== '').length + (f.includeLeft ? 1 : 0);
}

const YEAR_OPTIONS: Option[] = [
  { value: '', label: 'All year groups' },
  ...Array.from({ length: YEAR_GROUP_MAX - YEAR_GROUP_MIN + 1 }, (_, i) => {
    const year = YEAR_GROUP_MIN + i;
    return { value: String(year), label: yearGroupLabel(year) };
  }),
];

const CHARACTERISTIC_OPTIONS: Option[] = [
  { value: '', label: 'Any' },
  ...CHARACTERISTICS.map((c) => ({ value: c, label: CHARACTERISTIC_LABELS[c] })),
];

export function PupilListPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.readList');
  const canSeeCase = schoolCan(school, 'pupil.readCase');
  const params = useSearchParams();
  const { pathname, search } = useLocation();
  const flash = useFlash();
  useEffect(() => {
    rememberListSearch(schoolId, search);
  }, [schoolId, search]);
  const filters = filtersFrom(params, canSeeCase);
  const after = params.get('after');
  const startParam = Number(params.get('start') ?? '0');
  const start = Number.isInteger(startParam) && startParam > 0 && after !== null ? startParam : 0;
  const apiPath = allowed
    ? withQuery(pupilsApi(schoolId), { ...toQuery(filters), after: after ?? undefined, limit: PAGE_SIZE })
    : null;
  const { resource, reload } = useResource(apiPath, pupilListResponse);
  const framework = useLevelFramework(allowed ? schoolId : null);

  if (school === undefined || !allowed) return <NotFoundPage />;
  const filtered = filters.search.trim() !== '' || activeCount(filters) > 0;

  return (
    <>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Pupils</PageTitle>
      <FilterForm
        key={params.toString()}
        initial={filters}
        canSeeCase={canSeeCase}
        pathname={pathname}
        levelNames={framework.byCode}
      />
      {resource.status === 'loading' && <Loading what="Loading pupils" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <section aria-labelledby="pupil-results">
          <h2 className="visually-hidden" id="pupil-results">
            {filtered ? 'Matching pupils' : 'All pupils'}
          </h2>
          {resource.data.total === 0 ? (
            <EmptyState school={school} filtered={filtered} pathname={pathname} />
          ) : (
            <>
              <p className="count" role="status">
                {filtered
                  ? `${countOf(resource.data.total, 'pupil')} ${resource.data.total === 1 ? 'matches' : 'match'}`
                  : countOf(resource.data.total, 'pupil')}
                {resource.data.total > resource.data.pupils.length && (
                  <span className="secondary-text">
                    {`, showing ${String(start + 1)} to ${String(start + resource.data.pupils.length)}`}
                  </span>
                )}
              </p>
              <PupilTable
                schoolId={school.id}
                pupils={resource.data.pupils}
                showLevel={resource.data.canSeeCase || resource.data.pupils.some((p) => p.level !== undefined)}
                levelNames={framework.byCode}
              />
              <nav className="pager" aria-label="More pupils">
                <ul className="pager__list">
                  {after !== null && (
                    <li>
                      <Link to={withQuery(pathname, toQuery(filters))}>Back to the first page</Link>
                    </li>
                  )}
                  {resource.data.nextAfter !== null && (
                    <li>
                      <Link
                        to={withQuery(pathname, {
                          ...toQuery(filters),
                          after: resource.data.nextAfter,
                          start: start + resource.data.pupils.length,
                        })}
                      >
                        Next {Math.min(PAGE_SIZE, resource.data.total - start - resource.data.pupils.length)}
                        <span className="visually-hidden"> pupils</span>
                      </Link>
                    </li>
                  )}
                </ul>
              </nav>
              <p>
                <a
                  href={withQuery(`${pupilsApi(school.id)}.csv`, toQuery(filters))}
                  download
                  className="button button--secondary"
                >
                  Download as CSV
                  <span className="visually-hidden"> of {filtered ? 'the matching' : 'all'} pupils</span>
                </a>
              </p>
            </>
          )}
        </section>
      )}
    </>
  );
}

function EmptyState({ school, filtered, pathname }: { school: SessionSchool; filtered: boolean; pathname: string }) {
  if (filtered) {
    return (
      <div className="empty-state">
        <p>No pupils match your search.</p>
        <p>Check the spelling of the name, or remove some filters.</p>
        <p>
          <Link to={pathname}>Clear search and filters</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <p>This is where you find the pupils at {school.name}, and see the support each one has.</p>
      {schoolCan(school, 'pupil.import') ? (
        <>
          <p>
            There are no pupils in Tandem yet. Start by importing your pupil list from your school&rsquo;s management
            information system (MIS), such as SIMS, Arbor or Bromcom.
          </p>
          <p>
            <Link to={`${schoolPage(school.id)}/import`} className="button button--primary">
              Import pupils from your MIS
            </Link>
          </p>
        </>
      ) : (
        <p>
          There are no pupils in Tandem yet. Your school administrator or Senior Mental Health Lead adds them from the
          school&rsquo;s records. Ask them if you expected to see pupils here.
        </p>
      )}
    </div>
  );
}

function PupilTable({
  schoolId,
  pupils,
  showLevel,
  levelNames,
}: {
  schoolId: string;
  pupils: readonly PupilListItem[];
  showLevel: boolean;
  levelNames: ReadonlyMap<LevelCode, { name: string }>;
}) {
  return (
    <Table
      caption="Pupils, by surname"
      captionHidden
      rows={pupils}
      rowKey={(p) => p.id}
      columns={[
        {
          key: 'name',
          header: 'Name',
          label: 'Name',
          cell: (p) => (
            <>
              <Link to={pupilPage(schoolId, p.id)}>{pupilName(p)}</Link>
              {p.left && (
                <>
                  {' '}
                  <Tag tone="grey">Left</Tag>
                </>
              )}
            </>
          ),
        },
        {
          key: 'year',
          header: 'Year group',
          label: 'Year group',
          nowrap: true,
          cell: (p) => yearGroupLabel(p.yearGroup),
        },
        {
          key: 'form',
          header: 'Form',
          label: 'Form',
          cell: (p) => (p.form === '' ? <span className="secondary-text">None</span> : p.form),
        },
        ...(showLevel
          ? [
              {
                key: 'level',
                header: 'Level',
                label: 'Level',
                cell: (p: PupilListItem) =>
                  p.level === undefined ? (
                    <span className="secondary-text">Only if you teach them</span>
                  ) : (
                    <LevelBadge code={p.level} name={p.level === null ? undefined : levelNames.get(p.level)?.name} />
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

function FilterForm({
  initial,
  canSeeCase,
  pathname,
  levelNames,
}: {
  initial: Filters;
  canSeeCase: boolean;
  pathname: string;
  levelNames: ReadonlyMap<LevelCode, { name: string }>;
}) {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>(initial);
  const applied = activeCount(initial);
  // Open on wider screens, and wherever filters are already in use; folded away on a phone.
  const [open, setOpen] = useState(() => applied > 0 || window.matchMedia('(min-width: 641px)').matches);
  const form = useFormErrors(FIELDS);

  const set = (key: 'search' | 'yearGroup' | 'form' | 'level' | 'characteristic') => (value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
  };

  const levelOptions: Option[] = [
    { value: '', label: 'Any level' },
    { value: 'none', label: 'Thriving (no level)' },
    ...LEVEL_CODES.map((code) => {
      const name = levelNames.get(code)?.name;
      return { value: code, label: name === undefined ? code : `${code}: ${name}` };
    }),
  ];

  const submit = () => {
    const parsed = pupilListQuery.safeParse(toQuery(filters));
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    form.clear();
    navigate(withQuery(pathname, toQuery(filters)));
  };

  return (
    <>
      <ErrorSummary errors={form.errors} />
      <Form onSubmit={submit} className="filters" label="Find pupils">
        <div className="filters__search">
          <TextField
            name="search"
            type="search"
            label="Search by name"
            hint="First name, preferred name or surname."
            autoComplete="off"
            spellCheck={false}
            value={filters.search}
            onValueChange={set('search')}
            error={form.errorFor('search')}
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
            <span className="details__summary-text">Filters{applied > 0 ? ` (${String(applied)} in use)` : ''}</span>
          </summary>
          <div className="filters__grid">
            <SelectField
              name="yearGroup"
              label="Year group"
              options={YEAR_OPTIONS}
              value={filters.yearGroup}
              onValueChange={set('yearGroup')}
              error={form.errorFor('yearGroup')}
            />
            <TextField
              name="form"
              label="Form"
              width="number"
              autoComplete="off"
              spellCheck={false}
              value={filters.form}
              onValueChange={set('form')}
              error={form.errorFor('form')}
            />
            {canSeeCase && (
              <>
                <SelectField
                  name="level"
                  label="Level"
                  options={levelOptions}
                  value={filters.level}
                  onValueChange={set('level')}
                  error={form.errorFor('level')}
                />
                <SelectField
                  name="characteristic"
                  label="Characteristic"
                  options={CHARACTERISTIC_OPTIONS}
                  value={filters.characteristic}
                  onValueChange={set('characteristic')}
                  error={form.errorFor('characteristic')}
                />
              </>
            )}
          </div>
          <Checkboxes
            name="includeLeft"
            legend={<span className="visually-hidden">Pupils who have left</span>}
            options={[{ value: 'true', label: 'Include pupils who have left the school' }]}
            values={filters.includeLeft ? ['true'] : []}
            onValuesChange={(values) => {
              setFilters((f) => ({ ...f, includeLeft: values.includes('true') }));
            }}
          />
        </details>
        <ButtonGroup>
          <Button type="submit" variant="secondary">
            Search
          </Button>
          {(initial.search !== '' || applied > 0) && (
            <Link to={pathname} className="link-cancel">
              Clear search and filters
            </Link>
          )}
        </ButtonGroup>
      </Form>
    </>
  );
}
