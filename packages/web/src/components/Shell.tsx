/** The frame around every page: skip link, header, navigation, main content and footer. */
import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useAlerts } from '../alerts/AlertsProvider';
import { rememberPlace, schoolCan, trustCan, useSession } from '../auth/session';
import {
  alertsPage,
  concernsPage,
  dutyPage,
  logConcernPage,
  mayEditDuty,
  mayReadQueue,
  myConcernsPage,
} from '../concerns/concernsApi';
import { familyHomeFor } from '../family/familyHome';
import { useMyWork } from '../home/myWorkApi';
import { ToReadLink, ToReadStrip } from '../home/ToReadInHeader';
import { useOutbox } from '../offline/OutboxProvider';
import { hasDraftsKept } from '../offline/offlineStore';
import { WaitingStrip } from '../offline/Waiting';
import { Link, matchPath, useLocation } from '../router/router';
import { ConfirmDialog } from './ConfirmDialog';
import { roleNames } from './format';
import { useAction } from './useAction';

interface NavItem {
  to: string;
  label: string;
  exact?: boolean;
}

interface Place {
  kind: 'school' | 'trust';
  id: string;
  name: string;
  rolesText: string;
  home: string;
  nav: NavItem[];
  /** Staff may log concerns here, and have alerts. */
  staff: boolean;
}

function usePlace(): Place | null {
  const { pathname } = useLocation();
  const { session } = useSession();
  const schoolMatch = /^\/schools\/([^/]+)/.exec(pathname);
  if (schoolMatch?.[1] !== undefined) {
    const id = decodeURIComponent(schoolMatch[1]);
    const school = session.schools.find((s) => s.id === id);
    if (school === undefined) return null;
    const base = `/schools/${encodeURIComponent(id)}`;
    const nav: NavItem[] = [{ to: base, label: 'Home', exact: true }];
    if (schoolCan(school, 'pupil.readList')) nav.push({ to: `${base}/pupils`, label: 'Pupils' });
    // Every member of staff may read the level framework; the list of pupils comes with it.
    if (schoolCan(school, 'pupil.readList')) nav.push({ to: `${base}/levels`, label: 'Levels' });
    // Every member of staff may read the catalogue; the server decides what each may open in it.
    if (schoolCan(school, 'pupil.readList')) nav.push({ to: `${base}/interventions`, label: 'Interventions' });
    if (schoolCan(school, 'pupil.readList')) nav.push({ to: `${base}/services`, label: 'Services' });
    // Self-assessment, action plan, resources, staff survey, training and policies: one hub.
    if (schoolCan(school, 'staff.wholeSchool')) nav.push({ to: `${base}/whole-school`, label: 'Whole school' });
    // The school's picture: figures, termly reports, the governors' version (headteacher and SMHL).
    if (schoolCan(school, 'reports.viewSchool')) nav.push({ to: `${base}/reports`, label: 'Reports' });
    if (schoolCan(school, 'early.review')) nav.push({ to: `${base}/pupils-to-review`, label: 'Pupils to review' });
    if (schoolCan(school, 'missing.view')) nav.push({ to: `${base}/missing`, label: 'Missing list' });
    if (schoolCan(school, 'provision.viewSchool')) {
      nav.push({ to: `${base}/provision`, label: 'Reduced timetables' });
    }
    if (schoolCan(school, 'records.transfer')) nav.push({ to: `${base}/transfers`, label: 'Transfers' });
    if (schoolCan(school, 'records.retention')) nav.push({ to: `${base}/retention`, label: 'Records retention' });
    if (schoolCan(school, 'records.subjectAccess')) {
      nav.push({ to: `${base}/subject-access`, label: 'Subject access requests' });
    }
    if (mayReadQueue(school)) nav.push({ to: concernsPage(id), label: 'Concerns' });
    if (schoolCan(school, 'concern.log')) nav.push({ to: myConcernsPage(id), label: 'Your concerns' });
    // A pupil's "I'd like to talk to someone" goes to their trusted adult: any member of staff.
    if (schoolCan(school, 'concern.log')) nav.push({ to: `${base}/talk-requests`, label: 'Pupils asking to talk' });
    if (schoolCan(school, 'pupil.import')) nav.push({ to: `${base}/import`, label: 'Import' });
    if (schoolCan(school, 'attendance.import')) {
      nav.push({ to: `${base}/attendance/import`, label: 'Attendance import' });
    }
    if (schoolCan(school, 'level.shareTermly')) nav.push({ to: `${base}/share-levels`, label: 'Share levels' });
    if (schoolCan(school, 'family.manage')) {
      nav.push({ to: `${base}/families`, label: 'Parents and carers' });
      nav.push({ to: `${base}/pupil-accounts`, label: 'Pupil accounts' });
    }
    if (schoolCan(school, 'family.settings')) nav.push({ to: `${base}/portal-settings`, label: 'Portal settings' });
    if (schoolCan(school, 'school.manageStaff')) nav.push({ to: `${base}/staff`, label: 'Staff and roles' });
    // A member of staff who is also a parent here reaches their own child's page as any parent does.
    if (school.roles.includes('parent')) nav.push({ to: '/family', label: 'My child (as a parent)' });
    if (schoolCan(school, 'school.viewAudit')) nav.push({ to: `${base}/audit`, label: 'Audit trail' });
    // The server lets whoever manages staff change the school's settings.
    if (schoolCan(school, 'school.manageStaff')) nav.push({ to: `${base}/settings`, label: 'School settings' });
    if (mayEditDuty(school)) nav.push({ to: dutyPage(id), label: 'DSL duty rota' });
    return {
      kind: 'school',
      id,
      name: school.name,
      rolesText: roleNames(school.roles),
      home: base,
      nav,
      staff: schoolCan(school, 'concern.log'),
    };
  }
  const trustMatch = /^\/trusts\/([^/]+)/.exec(pathname);
  if (trustMatch?.[1] !== undefined) {
    const id = decodeURIComponent(trustMatch[1]);
    const trust = session.trusts.find((t) => t.id === id);
    if (trust === undefined) return null;
    const base = `/trusts/${encodeURIComponent(id)}`;
    const nav: NavItem[] = [
      { to: base, label: 'Home', exact: true },
      { to: `${base}/schools`, label: 'Schools' },
    ];
    if (trustCan(trust, 'trust.manageSchools')) nav.push({ to: `${base}/services`, label: 'Services' });
    // The trust's picture: each school's figures side by side, small numbers hidden.
    if (trustCan(trust, 'trust.viewReports')) nav.push({ to: `${base}/reports`, label: 'Reports' });
    if (trustCan(trust, 'trust.curateResources')) nav.push({ to: `${base}/resources`, label: 'Resource library' });
    if (trustCan(trust, 'trust.viewAudit')) nav.push({ to: `${base}/audit`, label: 'Audit trail' });
    return { kind: 'trust', id, name: trust.name, rolesText: roleNames(trust.roles), home: base, nav, staff: false };
  }
  return null;
}

function PlaceSwitcher({ current }: { current: Place | null }) {
  const { session } = useSession();
  const { pathname } = useLocation();
  const [openFor, setOpenFor] = useState<string | null>(null);
  const places = [
    ...session.schools.map((s) => ({
      key: `s-${s.id}`,
      to: `/schools/${encodeURIComponent(s.id)}`,
      name: s.name,
      id: s.id,
    })),
    ...session.trusts.map((t) => ({
      key: `t-${t.id}`,
      to: `/trusts/${encodeURIComponent(t.id)}`,
      name: `${t.name} (trust)`,
      id: t.id,
    })),
  ];
  if (places.length < 2) return null;
  const label = session.trusts.length > 0 ? 'Change school or trust' : 'Change school';
  return (
    <details
      className="switcher"
      open={openFor === pathname}
      onToggle={(e) => {
        setOpenFor(e.currentTarget.open ? pathname : null);
      }}
    >
      <summary className="switcher__summary">{label}</summary>
      <ul className="switcher__list">
        {places.map((p) => (
          <li key={p.key}>
            <Link
              to={p.to}
              className="switcher__link"
              aria-current={current?.id === p.id ? 'true' : undefined}
              onClick={() => {
                setOpenFor(null);
              }}
            >
              {p.name}
              {current?.id === p.id && <span className="visually-hidden"> (current)</span>}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

function isActive(item: NavItem, pathname: string, items: readonly NavItem[]): boolean {
  if (item.exact === true) return pathname === item.to;
  const within = matchPath(item.to, pathname) !== null || pathname.startsWith(`${item.to}/`);
  // The most specific item wins ("Your concerns" rather than "Concerns" on /concerns/mine).
  return (
    within &&
    !items.some(
      (other) => other.to.length > item.to.length && other.to.startsWith(item.to) && pathname.startsWith(other.to),
    )
  );
}

/**
 * The school's or trust's pages. On a phone the links sit behind a "Menu" button (named with the
 * page you are on), so that the header stays one tidy line; wider screens show them all in a row.
 * Keyed by path, so it closes on every navigation.
 */
function PlaceNav({ label, items }: { label: string; items: readonly NavItem[] }) {
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const current = items.find((item) => isActive(item, pathname, items));
  return (
    <nav className={open ? 'nav nav--open' : 'nav'} aria-label={label}>
      <button
        type="button"
        className="nav__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        <span className="nav__toggle-icon" aria-hidden="true" />
        <span>
          Menu
          {current !== undefined && (
            <span className="nav__toggle-current">
              <span className="visually-hidden">, you are on</span>
              <span aria-hidden="true">:</span> {current.label}
            </span>
          )}
        </span>
      </button>
      <ul className="nav__list" id={listId}>
        {items.map((item) => (
          <li key={item.to} className="nav__item">
            <Link
              to={item.to}
              className="nav__link"
              aria-current={isActive(item, pathname, items) ? 'page' : undefined}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * On a phone, one button in the header bar opens everything that would otherwise take a third of
 * the screen: where you are and who you are, the place's pages, other schools, and signing out.
 * A disclosure: the button says whether it is open; Escape closes it and returns focus to it.
 * Keyed by path, so it closes on every navigation. Hidden on wider screens, which show it all.
 */
function PhoneMenu({
  place,
  pathname,
  signOut,
}: {
  place: Place | null;
  pathname: string;
  signOut: { busy: boolean; run: () => void };
}) {
  const { session } = useSession();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const user = session.user;
  const complete = session.stage === 'complete';
  const items = complete && place !== null ? place.nav : [];
  // The place's navigation landmark (as on wider screens) when there are pages to go to.
  const Wrapper = items.length > 0 ? 'nav' : 'div';
  return (
    <Wrapper
      className="phone-menu"
      aria-label={items.length > 0 ? (place?.kind === 'trust' ? 'Trust' : 'School') : undefined}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="phone-menu__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        <span className="nav__toggle-icon" aria-hidden="true" />
        <span className="phone-menu__label">Menu</span>
      </button>
      <div className="phone-menu__panel" id={panelId} hidden={!open}>
        {user !== null && (
          <p className="phone-menu__person">
            <span className="header__name">{user.displayName}</span>
            {complete && place !== null && (
              <span>
                {place.name}
                {place.rolesText !== '' && `: ${place.rolesText}`}
              </span>
            )}
          </p>
        )}
        {items.length > 0 && (
          <ul className="phone-menu__list">
            {items.map((item) => (
              <li key={item.to}>
                <Link
                  to={item.to}
                  className="phone-menu__link"
                  aria-current={isActive(item, pathname, items) ? 'page' : undefined}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {complete && familyHomeFor(session) === null && <PlaceSwitcher current={place} />}
        <button type="button" className="phone-menu__signout" disabled={signOut.busy} onClick={signOut.run}>
          {signOut.busy ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </Wrapper>
  );
}

/** The bell with the unread count, and the button every member of staff can always reach. */
function HeaderTools({ schoolId, pathname, toRead }: { schoolId: string; pathname: string; toRead: number }) {
  const { unread } = useAlerts();
  const count = unread(schoolId);
  const onLogPage = pathname === logConcernPage(schoolId);
  return (
    <div className="header__tools">
      <Link
        to={alertsPage(schoolId)}
        className={count !== null && count > 0 ? 'header__alerts header__alerts--unread' : 'header__alerts'}
        aria-current={pathname === alertsPage(schoolId) ? 'page' : undefined}
        data-live={count !== null ? 'true' : undefined}
      >
        <svg className="header__bell" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        <span className="header__alerts-label">Alerts</span>
        {count !== null && count > 0 && (
          <span className="header__count">
            <span className="visually-hidden">, </span>
            {count}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </Link>
      <ToReadLink schoolId={schoolId} count={toRead} />
      {!onLogPage && (
        <Link to={logConcernPage(schoolId)} className="header__log">
          Log a concern
        </Link>
      )}
    </div>
  );
}

/**
 * A new urgent alert, shown under the header and announced politely. The region is always there,
 * so that assistive technology notices what appears in it.
 */
function UrgentNotice({ schoolId }: { schoolId: string | null }) {
  const { notice, dismissNotice } = useAlerts();
  const show = notice !== null && notice.schoolId === schoolId && schoolId !== null;
  return (
    <div className="urgent-notice-region" role="status" aria-live="polite">
      {show && (
        <div className="urgent-notice" key={notice.at}>
          <div className="page-width urgent-notice__inner">
            <p className="urgent-notice__text">
              <span className="urgent-panel__icon" aria-hidden="true">
                !
              </span>
              <span>
                <strong>New urgent alert:</strong> {notice.message}
              </span>
            </p>
            <p className="urgent-notice__links">
              <Link to={alertsPage(schoolId)} onClick={dismissNotice}>
                Open your alerts
              </Link>
              <button type="button" className="link-button" onClick={dismissNotice}>
                Dismiss<span className="visually-hidden"> this notice</span>
              </button>
            </p>
          </div>
        </div>
      )}
    </div>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const { pathname } = useLocation();
  const place = usePlace();
  const signingOut = useAction();
  const outbox = useOutbox();
  const [askSignOut, setAskSignOut] = useState(false);
  const [draftKept, setDraftKept] = useState(false);
  // Concerns not yet sent stay on this device and go when this person next signs in here: never
  // dropped silently, so signing out with any waiting asks first. So does a concern started and
  // not sent that could only be kept on this device (it is brought back when they next open the form).
  const requestSignOut = () => {
    const id = session.user?.id ?? null;
    void (id === null ? Promise.resolve(false) : hasDraftsKept(id)).then((kept) => {
      setDraftKept(kept);
      if (outbox.mine.length > 0 || kept) setAskSignOut(true);
      else void signingOut.run(signOut);
    });
  };
  const user = session.user;
  const complete = session.stage === 'complete';
  // Plans given to them and not yet confirmed read: a safeguarding control, so always in sight.
  const staffPlace = complete && place !== null && place.kind === 'school' && place.staff ? place.id : null;
  const myWork = useMyWork(staffPlace, pathname).resource;
  const toRead = myWork.status === 'ready' ? myWork.data.counts.toRead : 0;

  const userId = user?.id ?? null;
  const placeHome = place?.home ?? null;
  useEffect(() => {
    if (complete && userId !== null && placeHome !== null) rememberPlace(userId, placeHome);
  }, [complete, userId, placeHome]);

  return (
    <>
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      <header className={session.signedIn ? 'header header--menu' : 'header'}>
        {session.demo && (
          <div className="demo-banner">
            <p className="page-width demo-banner__text">
              <strong className="tag tag--yellow">Demo</strong> Demo data: the people and pupils here are made up
            </p>
          </div>
        )}
        <div className="header__bar">
          <div className="page-width header__inner">
            <div className="header__brand">
              <Link to="/" className="header__product">
                Tandem
              </Link>
              {complete && place !== null && <span className="header__place">{place.name}</span>}
            </div>
            {complete && place !== null && place.kind === 'school' && place.staff && (
              <HeaderTools schoolId={place.id} pathname={pathname} toRead={toRead} />
            )}
            {session.signedIn && (
              <div className="header__account">
                {user !== null && (
                  <p className="header__person">
                    <span className="header__name">{user.displayName}</span>
                    {complete && place !== null && place.rolesText !== '' && (
                      <span className="header__roles">{place.rolesText}</span>
                    )}
                  </p>
                )}
                <button type="button" className="header__signout" disabled={signingOut.busy} onClick={requestSignOut}>
                  {signingOut.busy ? 'Signing out…' : 'Sign out'}
                </button>
              </div>
            )}
            {session.signedIn && (
              <PhoneMenu
                key={pathname}
                place={place}
                pathname={pathname}
                signOut={{
                  busy: signingOut.busy,
                  run: requestSignOut,
                }}
              />
            )}
          </div>
        </div>
        {complete &&
          familyHomeFor(session) === null &&
          ((place !== null && place.nav.length > 1) || session.schools.length + session.trusts.length > 1) && (
            <div className="subheader">
              <div className="page-width subheader__inner">
                {place !== null && place.nav.length > 1 && (
                  <PlaceNav key={pathname} label={place.kind === 'school' ? 'School' : 'Trust'} items={place.nav} />
                )}
                <PlaceSwitcher current={place} />
              </div>
            </div>
          )}
        {staffPlace !== null && <ToReadStrip schoolId={staffPlace} count={toRead} onHome={pathname === place?.home} />}
        <UrgentNotice schoolId={complete && place?.kind === 'school' ? place.id : null} />
        <WaitingStrip />
      </header>
      <main id="main-content" className="page-width main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <div className="page-width footer__inner">
          <p>Tandem helps schools support the mental health and wellbeing of their pupils.</p>
        </div>
      </footer>
      <ConfirmDialog
        open={askSignOut}
        title={
          outbox.mine.length + (draftKept ? 1 : 0) === 1
            ? 'A concern has not been sent yet'
            : 'Some concerns have not been sent yet'
        }
        confirmText="Sign out"
        cancelText="Stay signed in"
        onCancel={() => {
          setAskSignOut(false);
        }}
        onConfirm={() => {
          setAskSignOut(false);
          void signingOut.run(signOut);
        }}
      >
        {outbox.mine.length > 0 && (
          <p>
            Tandem could not be reached, so what you wrote is kept on this device. If you sign out, it stays here and is
            sent the next time you sign in on this device.
          </p>
        )}
        {draftKept && (
          <p>
            A concern you started writing, and have not sent, is saved on this device because Tandem could not be
            reached. If you sign out, it stays here and is brought back the next time you sign in on this device and
            open &ldquo;Log a concern&rdquo;.
          </p>
        )}
        <p>If it is urgent, tell the DSL in person now.</p>
      </ConfirmDialog>
    </>
  );
}
