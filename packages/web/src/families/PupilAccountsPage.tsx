/**
 * Pupil accounts: which pupils have one, who has been given a set-up code and who has signed up.
 * Whoever runs the portal makes a printable sheet of one-time set-up codes here, for a whole year
 * group or for the pupils ticked in the list. The codes are on that sheet only: it is shown once.
 */
import {
  issueCodesSchema,
  PUPIL_ACCOUNT_STATE_LABELS,
  yearGroupLabel,
  type PupilAccountRow,
  type PupilAccountsResponse,
} from '@tandem/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { apiDownload, apiGet, withQuery } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool, type SessionSchool } from '../auth/session';
import { formatRelative } from '../components/dates';
import { saveFile } from '../components/download';
import { countOf } from '../components/format';
import { Button, ButtonGroup, ErrorSummary, Form, Radios, SelectField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { FlashBanner, Loading, NotificationBanner, PageTitle, Tag, WarningText } from '../components/Page';
import { useAction } from '../components/useAction';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash, useNavigate, useSearchParams } from '../router/router';
import {
  codesApi,
  familiesPage,
  mayManageFamilies,
  mayReadPortalSettings,
  portalSettingsPage,
  pupilAccountsApi,
  pupilAccountsPage,
  pupilAccountsResponse,
  pupilStateTone,
  YEAR_FILTER_OPTIONS,
  yearForm,
  yearsWords,
} from './familiesApi';
import './families.css';

function yearFrom(params: URLSearchParams): string {
  const year = params.get('yearGroup') ?? '';
  return YEAR_FILTER_OPTIONS.some((o) => o.value === year) ? year : '';
}

export function PupilAccountsPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayManageFamilies(school);
  const flash = useFlash();
  const params = useSearchParams();
  const yearGroup = yearFrom(params);
  const path = allowed ? withQuery(pupilAccountsApi(schoolId), { yearGroup }) : null;
  const { resource, reload } = useResource(path, pupilAccountsResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;

  return (
    <div className="families">
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Pupil accounts</PageTitle>
      <p className="lead">
        With an account, a pupil can check in to say how they feel, ask to talk to someone, see their own plan and find
        help. Each pupil uses a set-up code once to choose their password.
      </p>
      <ul className="list list--plain families-links">
        <li>
          <Link to={familiesPage(school.id)}>Parents and carers</Link>
        </li>
      </ul>
      {resource.status === 'loading' && <Loading what="Loading pupil accounts" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          <p>
            Pupils in {yearsWords(resource.data.years)} can have an account.{' '}
            {mayReadPortalSettings(school) && (
              <Link to={portalSettingsPage(school.id)}>Change the year groups in the portal settings</Link>
            )}
          </p>
          <Accounts
            key={path ?? ''}
            school={school}
            yearGroup={yearGroup}
            first={resource.data}
            onIssued={reload}
            filter={<YearFilter key={yearGroup} schoolId={school.id} initial={yearGroup} years={resource.data.years} />}
          />
        </>
      )}
    </div>
  );
}

function yearOptions(years: readonly number[]) {
  return years.map((y) => ({ value: String(y), label: yearGroupLabel(y) }));
}

function YearFilter({ schoolId, initial, years }: { schoolId: string; initial: string; years: readonly number[] }) {
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const options = [{ value: '', label: 'All year groups with accounts' }, ...yearOptions(years)];
  // A year from an old link that no longer has accounts is still shown as chosen.
  if (initial !== '' && !options.some((o) => o.value === initial)) {
    options.push({ value: initial, label: yearGroupLabel(Number(initial)) });
  }
  return (
    <Form
      className="filters filters--inline"
      label="Show one year group"
      onSubmit={() => {
        navigate(withQuery(pupilAccountsPage(schoolId), { yearGroup: value }));
      }}
    >
      <SelectField name="yearGroup" label="Show pupils in" options={options} value={value} onValueChange={setValue} />
      <ButtonGroup>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </ButtonGroup>
    </Form>
  );
}

const CODE_FIELDS = ['for', 'codeYear'] as const;

function Accounts({
  school,
  yearGroup,
  first,
  onIssued,
  filter,
}: {
  school: SessionSchool;
  yearGroup: string;
  first: PupilAccountsResponse;
  onIssued: () => void;
  /** Which year group the list shows. */
  filter: ReactNode;
}) {
  const [more, setMore] = useState<{ rows: PupilAccountRow[]; cursor: string | null } | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [mode, setMode] = useState<'year' | 'ticked'>('year');
  const [codeYear, setCodeYear] = useState(yearGroup !== '' ? yearGroup : String(first.years[0] ?? ''));
  const [issued, setIssued] = useState<{ fileName: string; count: string; at: number } | null>(null);
  const form = useFormErrors(CODE_FIELDS);
  const making = useAction(form);
  const loading = useAction();
  const listRef = useRef<HTMLUListElement>(null);
  // After "Show more": focus moves to the first of the new rows, once they are drawn.
  const focusAt = useRef<number | null>(null);
  useEffect(() => {
    if (focusAt.current === null) return;
    listRef.current?.querySelectorAll<HTMLElement>('.family-card__name')[focusAt.current]?.focus();
    focusAt.current = null;
  });
  const rows = [...first.rows, ...(more?.rows ?? [])];
  const cursor = more === null ? first.nextCursor : more.cursor;

  const showMore = async () => {
    if (cursor === null) return;
    const before = rows.length;
    await loading.run(async () => {
      const next = await apiGet(withQuery(pupilAccountsApi(school.id), { yearGroup, cursor }), pupilAccountsResponse);
      setMore((m) => ({ rows: [...(m?.rows ?? []), ...next.rows], cursor: next.nextCursor }));
      focusAt.current = before;
    });
  };

  const make = async (how: 'year' | 'ticked') => {
    const body =
      how === 'year' ? { yearGroup: codeYear === '' ? undefined : Number(codeYear) } : { pupilIds: [...ticked] };
    if (how === 'year' && codeYear === '') {
      form.fromFields([{ path: 'codeYear', message: 'Choose a year group' }]);
      return;
    }
    if (how === 'ticked' && ticked.size === 0) {
      form.fromFields([{ path: 'for', message: 'Tick at least one pupil in the list, or choose a whole year group' }]);
      return;
    }
    const parsed = issueCodesSchema.safeParse(body);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    const count = how === 'year' ? yearGroupLabel(Number(codeYear)) : countOf(ticked.size, 'pupil');
    await making.run(async () => {
      const { blob, fileName } = await apiDownload(codesApi(school.id), parsed.data, 'pupil-set-up-codes.pdf');
      saveFile(blob, fileName);
      form.clear();
      setTicked(new Set());
      setMode('year');
      setIssued({ fileName, count, at: Date.now() });
      onIssued();
    });
  };

  return (
    <>
      {issued !== null && (
        <NotificationBanner key={issued.at} kind="success" title={`Set-up codes made for ${issued.count}`}>
          <p>
            Your browser is saving the sheet as <strong>{issued.fileName}</strong>. Print it, give each pupil their own
            slip, then shred any slips left over. The codes are not shown again.
          </p>
        </NotificationBanner>
      )}
      <section aria-labelledby="codes-title" className="settings-section">
        <h2 className="heading-m" id="codes-title">
          Make set-up codes
        </h2>
        <ErrorSummary errors={form.errors} />
        <WarningText>
          The codes are shown only once, on the sheet you download. Keep the sheet safe, like an exam paper: anyone with
          a pupil&rsquo;s code could set up their account.
        </WarningText>
        <Form
          label="Make set-up codes"
          onSubmit={() => {
            void make(mode);
          }}
        >
          <Radios
            name="for"
            legend="Who are the codes for?"
            value={mode}
            onValueChange={(v) => {
              setMode(v === 'ticked' ? 'ticked' : 'year');
            }}
            error={form.errorFor('for')}
            options={[
              { value: 'year', label: 'Every pupil in a year group' },
              {
                value: 'ticked',
                label: `Only the pupils I tick in the list below (${String(ticked.size)} ticked)`,
              },
            ]}
          />
          {mode === 'year' && (
            <SelectField
              name="codeYear"
              label="Year group"
              options={[{ value: '', label: 'Choose a year group' }, ...yearOptions(first.years)]}
              value={codeYear}
              onValueChange={setCodeYear}
              error={form.errorFor('codeYear')}
            />
          )}
          <p className="hint">
            The sheet is a PDF with one slip for each pupil: their name, form, sign-in name and code. Each code works
            once, for 30 days. If a pupil loses theirs, make a new one here.
          </p>
          <Button type="submit" busy={making.busy} busyText="Making the codes…">
            Make set-up codes
          </Button>
        </Form>
      </section>
      <section aria-labelledby="accounts-title">
        <h2 className="heading-m" id="accounts-title">
          {yearGroup === '' ? 'Pupils' : `Pupils in ${yearGroupLabel(Number(yearGroup))}`}
        </h2>
        {filter}
        {rows.length === 0 ? (
          <div className="empty-state">
            <p>
              {first.years.length === 0
                ? 'No year group has pupil accounts yet. Choose the year groups in the portal settings first.'
                : 'No pupil here can have an account. Check that pupils have been imported from your MIS, or choose another year group.'}
            </p>
          </div>
        ) : (
          <>
            <p className="count" role="status">
              Showing {countOf(rows.length, 'pupil')}
              {cursor !== null ? ', more below' : ''}
              {ticked.size > 0 ? `. ${String(ticked.size)} ticked` : ''}
            </p>
            <ul className="family-list" aria-labelledby="accounts-title" ref={listRef}>
              {rows.map((r) => (
                <PupilCard
                  key={r.pupilId}
                  row={r}
                  ticked={ticked.has(r.pupilId)}
                  onTick={(on) => {
                    setTicked((t) => {
                      const next = new Set(t);
                      if (on) next.add(r.pupilId);
                      else next.delete(r.pupilId);
                      return next;
                    });
                    setMode('ticked');
                  }}
                />
              ))}
            </ul>
            {loading.problem !== null && (
              <p className="error-text" role="alert">
                {loading.problem}
              </p>
            )}
            <ButtonGroup>
              {cursor !== null && (
                <Button
                  variant="secondary"
                  busy={loading.busy}
                  busyText="Loading more…"
                  onClick={() => {
                    void showMore();
                  }}
                >
                  Show more<span className="visually-hidden"> pupils</span>
                </Button>
              )}
              {ticked.size > 0 && (
                <Button
                  busy={making.busy}
                  busyText="Making the codes…"
                  onClick={() => {
                    setMode('ticked');
                    void make('ticked');
                  }}
                >
                  Make set-up codes for {countOf(ticked.size, 'ticked pupil')}
                </Button>
              )}
            </ButtonGroup>
          </>
        )}
      </section>
    </>
  );
}

function PupilCard({ row, ticked, onTick }: { row: PupilAccountRow; ticked: boolean; onTick: (on: boolean) => void }) {
  const boxId = `pick-${row.pupilId}`;
  return (
    <li className="family-card family-card--pick">
      <div className="family-card__pick">
        <label className="pick-box" htmlFor={boxId}>
          <input
            type="checkbox"
            id={boxId}
            checked={ticked}
            onChange={(e) => {
              onTick(e.target.checked);
            }}
          />
          <span className="visually-hidden">Make a set-up code for {row.name}</span>
        </label>
      </div>
      <div className="family-card__body">
        <h3 className="heading-s family-card__name" tabIndex={-1}>
          {row.name}
        </h3>
        <p className="family-card__child secondary-text">{yearForm(row)}</p>
        <p className="family-card__state">
          <Tag tone={pupilStateTone(row.state)}>{PUPIL_ACCOUNT_STATE_LABELS[row.state]}</Tag>{' '}
          {row.state === 'active' &&
            (row.lastSeenAt === null ? (
              'Has not signed in yet.'
            ) : (
              <>
                Last seen <time dateTime={row.lastSeenAt}>{formatRelative(row.lastSeenAt)}</time>.
              </>
            ))}
          {row.state === 'code_issued' && 'Has not used the code yet.'}
        </p>
        {row.signInName !== null && (
          <p className="family-card__email">
            Signs in as <strong>{row.signInName}</strong>
          </p>
        )}
      </div>
    </li>
  );
}
