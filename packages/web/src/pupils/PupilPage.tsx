import {
  CHARACTERISTIC_LABELS,
  chronologyResponse,
  EVIDENCE_LABELS,
  pupilProfileResponse,
  THRIVE_LABELS,
  yearGroupLabel,
  type LevelDefinition,
  type PupilProfileResponse,
} from '@tandem/core';
import { type ReactNode } from 'react';
import type { z } from 'zod';
import { apiGetFile } from '../api/client';
import { useResource } from '../api/useResource';
import { DownloadButton } from '../components/DownloadButton';
import { concernPage, logConcernPage } from '../concerns/concernsApi';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDate, formatDateTime, formatIsoDay, formatRelative } from '../components/dates';
import { countOf } from '../components/format';
import { LevelBadge } from '../components/LevelBadge';
import {
  BackLink,
  FlashBanner,
  HelpNow,
  InsetText,
  Loading,
  PageTitle,
  SummaryList,
  Tag,
  TagList,
} from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundContent, NotFoundPage } from '../errors/ErrorPages';
import { meetingPage } from '../meetings/meetingsApi';
import { PupilMeetingsSection } from '../meetings/PupilMeetings';
import { mayReadPlans, planPage } from '../plans/plansApi';
import { PupilPlansSection, SharedPlans } from '../plans/PupilPlans';
import { Link, useFlash, useSearchParams } from '../router/router';
import { pupilApi, pupilFirstName, pupilName, pupilPage, pupilsPageBack } from './pupilsApi';

type CaseView = Extract<PupilProfileResponse, { view: 'case' }>;
type SummaryView = Extract<PupilProfileResponse, { view: 'summary' }>;
type BasicView = Extract<PupilProfileResponse, { view: 'basic' }>;

const TABS = [
  { key: 'summary', label: 'Summary' },
  { key: 'level', label: 'Level and history' },
  { key: 'chronology', label: 'Chronology' },
  { key: 'details', label: 'Details and parents' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

function tabFrom(value: string | null): TabKey {
  return TABS.find((t) => t.key === value)?.key ?? 'summary';
}

export function PupilPage({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.readList');
  const flash = useFlash();
  const tab = tabFrom(useSearchParams().get('tab'));
  const { resource, reload } = useResource(allowed ? pupilApi(schoolId, pupilId) : null, pupilProfileResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;

  return (
    <>
      <BackLink to={pupilsPageBack(school.id)}>Back to pupils</BackLink>
      <FlashBanner flash={flash} />
      {resource.status === 'loading' && (
        <>
          <PageTitle caption={school.name}>Pupil</PageTitle>
          <Loading what="Loading the pupil’s record" />
        </>
      )}
      {resource.status === 'error' &&
        (resource.error.code === 'not_found' ? (
          <>
            <PageTitle>Page not found</PageTitle>
            <NotFoundContent />
          </>
        ) : (
          <>
            <PageTitle caption={school.name}>Pupil</PageTitle>
            <LoadError error={resource.error} onRetry={reload} />
          </>
        ))}
      {resource.status === 'ready' && resource.data.view === 'basic' && (
        <BasicRecord school={school} data={resource.data} />
      )}
      {resource.status === 'ready' && resource.data.view === 'summary' && (
        <SummaryRecord school={school} data={resource.data} />
      )}
      {resource.status === 'ready' && resource.data.view === 'case' && (
        <CaseRecord school={school} data={resource.data} tab={tab} />
      )}
      {resource.status === 'ready' && schoolCan(school, 'concern.log') && (
        <LogConcernAbout school={school} pupil={resource.data.pupil} />
      )}
      <HelpNow audience="staff" />
    </>
  );
}

/** Worried about this pupil: the concern form, with the pupil already chosen. */
function LogConcernAbout({
  school,
  pupil,
}: {
  school: SessionSchool;
  pupil: { id: string; givenName: string; familyName: string; preferredName: string | null };
}) {
  return (
    <div className="home-log">
      <h2 className="heading-m home-log__title">Worried about {pupilFirstName(pupil)}?</h2>
      <p>
        <Link
          to={`${logConcernPage(school.id)}?pupil=${encodeURIComponent(pupil.id)}`}
          className="button button--secondary"
        >
          Log a concern about {pupilName(pupil)}
        </Link>
      </p>
    </div>
  );
}

function yearAndForm(p: { yearGroup: number; form: string }): string {
  return p.form === '' ? yearGroupLabel(p.yearGroup) : `${yearGroupLabel(p.yearGroup)}, form ${p.form}`;
}

function BasicRecord({ school, data }: { school: SessionSchool; data: BasicView }) {
  const p = data.pupil;
  return (
    <>
      <PageTitle caption={yearAndForm(p)}>{pupilName(p)}</PageTitle>
      <SummaryList
        rows={[
          { key: 'year', label: 'Year group', value: yearGroupLabel(p.yearGroup) },
          { key: 'form', label: 'Form', value: p.form === '' ? 'None recorded' : p.form },
        ]}
      />
      <SharedPlans school={school} pupil={{ name: pupilName(p), first: pupilFirstName(p) }} plans={data.sharedPlans} />
      <InsetText>
        <p>
          You can see more about a pupil, such as the support they have and what staff should do, if you teach them.
          {` ${pupilFirstName(p)} is not in any of your classes or groups at ${school.name}.`}
        </p>
      </InsetText>
    </>
  );
}

function BulletList({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <p className="secondary-text">{empty}</p>;
  return (
    <ul className="list list--bullet">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

function SummaryRecord({ school, data }: { school: SessionSchool; data: SummaryView }) {
  const p = data.pupil;
  const first = pupilFirstName(p);
  return (
    <>
      <PageTitle caption={yearAndForm(p)}>{pupilName(p)}</PageTitle>
      <p className="lead">The staff summary for {first}, shared with the staff who teach them.</p>
      <SharedPlans school={school} pupil={{ name: pupilName(p), first }} plans={data.sharedPlans} />
      <h2 className="heading-m">Level</h2>
      <p>
        <LevelBadge code={data.level.code} name={data.level.name} />
      </p>
      {data.level.code === null ? (
        <p>
          {first} has the support every pupil has. There is nothing extra you need to do. If that changes, the Mental
          Health Lead will let you know.
        </p>
      ) : (
        <>
          <h2 className="heading-m">What staff should do</h2>
          <BulletList items={data.level.schoolToDo} empty="Nothing extra at this level." />
          <h2 className="heading-m">What school provides at this level</h2>
          <BulletList items={data.level.schoolProvides} empty="The support every pupil has." />
        </>
      )}
      <InsetText>
        <p>
          Reasons, evidence and history are kept by the Mental Health Lead and the pastoral team. If you notice a change
          in {first}, tell them today.
        </p>
      </InsetText>
    </>
  );
}

function CaseRecord({ school, data, tab }: { school: SessionSchool; data: CaseView; tab: TabKey }) {
  const p = data.pupil;
  const base = pupilPage(school.id, p.id);
  const current = TABS.find((t) => t.key === tab) ?? TABS[0];
  return (
    <>
      <PageTitle caption={yearAndForm(p)} title={`${pupilName(p)} – ${current.label}`}>
        {pupilName(p)}
        {p.leftOn !== null && (
          <>
            {' '}
            <Tag tone="grey">Left</Tag>
          </>
        )}
      </PageTitle>
      <nav className="sub-nav" aria-label="Pupil record">
        <ul className="sub-nav__list">
          {TABS.map((t) => (
            <li key={t.key} className="sub-nav__item">
              <Link
                to={t.key === 'summary' ? base : `${base}?tab=${t.key}`}
                className="sub-nav__link"
                aria-current={t.key === tab ? 'page' : undefined}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="visually-hidden">{current.label}</h2>
      {tab === 'summary' && <CaseSummary school={school} data={data} />}
      {tab === 'level' && <LevelAndHistory school={school} data={data} />}
      {tab === 'chronology' && <Chronology school={school} pupilId={p.id} />}
      {tab === 'details' && <DetailsAndParents school={school} data={data} />}
    </>
  );
}

function characteristics(p: CaseView['pupil']): string[] {
  const list: string[] = [];
  if (p.send === 'support') list.push('SEN support');
  if (p.send === 'ehcp') list.push(CHARACTERISTIC_LABELS.ehcp);
  if (p.pupilPremium) list.push(CHARACTERISTIC_LABELS.pupil_premium);
  if (p.lookedAfter) list.push(CHARACTERISTIC_LABELS.looked_after);
  if (p.childInNeed) list.push(CHARACTERISTIC_LABELS.child_in_need);
  if (p.youngCarer) list.push(CHARACTERISTIC_LABELS.young_carer);
  if (p.eal) list.push(CHARACTERISTIC_LABELS.eal);
  return list;
}

function Characteristics({ pupil }: { pupil: CaseView['pupil'] }) {
  const list = characteristics(pupil);
  if (list.length === 0) return <span className="secondary-text">None recorded</span>;
  return (
    <TagList label="Characteristics">
      {list.map((c) => (
        <li key={c}>
          <Tag tone="blue">{c}</Tag>
        </li>
      ))}
    </TagList>
  );
}

function sharedText(at: string | null, none: string): ReactNode {
  if (at === null) return <span className="secondary-text">{none}</span>;
  return (
    <>
      <time dateTime={at}>{formatDate(at)}</time> <span className="secondary-text">({formatRelative(at)})</span>
    </>
  );
}

function ChangeLevelLink({ school, pupilId, primary }: { school: SessionSchool; pupilId: string; primary: boolean }) {
  if (!schoolCan(school, 'pupil.setLevel')) return null;
  return (
    <p>
      <Link
        to={`${pupilPage(school.id, pupilId)}/level`}
        className={primary ? 'button button--primary' : 'button button--secondary'}
      >
        Change level
      </Link>
    </p>
  );
}

function CaseSummary({ school, data }: { school: SessionSchool; data: CaseView }) {
  const p = data.pupil;
  const first = pupilFirstName(p);
  const def = data.level.definition;
  return (
    <>
      <SummaryList
        rows={[
          {
            key: 'level',
            label: 'Level',
            value: (
              <>
                <LevelBadge code={data.level.code} name={def?.name} />
                {data.level.since !== null && (
                  <span className="block secondary-text">Since {formatDate(data.level.since)}</span>
                )}
              </>
            ),
          },
          { key: 'thrive', label: 'THRIVE group', value: THRIVE_LABELS[data.level.thriveGroup] },
          { key: 'characteristics', label: 'Characteristics', value: <Characteristics pupil={p} /> },
          {
            key: 'parents',
            label: 'Level shared with parents',
            value: sharedText(data.lastSharedWithParents, 'Not shared with parents yet'),
          },
          {
            key: 'staff',
            label: 'Level shared with staff',
            value: sharedText(data.lastSharedWithStaff, 'Not shared with staff yet'),
          },
        ]}
      />
      <ChangeLevelLink school={school} pupilId={p.id} primary />
      {def === null ? (
        <p>{first} has the support every pupil has. Staff do not need to do anything extra.</p>
      ) : (
        <>
          <h3 className="heading-m">What staff should do</h3>
          <BulletList items={def.schoolToDo} empty="Nothing extra at this level." />
          <h3 className="heading-m">What home should do</h3>
          <BulletList items={def.homeToDo} empty="Nothing extra at this level." />
        </>
      )}
      {mayReadPlans(school) && (
        <>
          <PupilPlansSection school={school} pupil={{ id: p.id, name: pupilName(p), first }} />
          <PupilMeetingsSection school={school} pupil={{ id: p.id, name: pupilName(p), first }} />
        </>
      )}
    </>
  );
}

/** A level's full wording, as the school set it (now, or when a change was made). */
export function LevelWording({ def, headingLevel = 3 }: { def: LevelDefinition; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="level-wording">
      <p>{def.description}</p>
      <div className="level-wording__grid">
        <div>
          <H className="heading-s">What school provides</H>
          <BulletList items={def.schoolProvides} empty="None listed." />
          <H className="heading-s">School to do</H>
          <BulletList items={def.schoolToDo} empty="None listed." />
        </div>
        <div>
          <H className="heading-s">What home does</H>
          <BulletList items={def.homeDoes} empty="None listed." />
          <H className="heading-s">Home to do</H>
          <BulletList items={def.homeToDo} empty="None listed." />
        </div>
      </div>
      <H className="heading-s">Evidence that moves a pupil up from this level</H>
      <p>{def.evidenceToMoveUp}</p>
      <H className="heading-s">What parents and carers are told</H>
      <p className="quote">{def.parentSummary}</p>
    </div>
  );
}

function levelWords(code: string | null): string {
  return code ?? 'Thriving';
}

function LevelAndHistory({ school, data }: { school: SessionSchool; data: CaseView }) {
  const p = data.pupil;
  const def = data.level.definition;
  return (
    <>
      <p>
        <LevelBadge code={data.level.code} name={def?.name} />
      </p>
      <p className="secondary-text">
        {THRIVE_LABELS[data.level.thriveGroup]}
        {data.level.since !== null && `. Since ${formatDate(data.level.since)}.`}
      </p>
      <ChangeLevelLink school={school} pupilId={p.id} primary />
      {def !== null ? (
        <details className="details">
          <summary className="details__summary">
            <span className="details__summary-text">The school&rsquo;s wording for {def.code}</span>
          </summary>
          <div className="details__text">
            <LevelWording def={def} headingLevel={4} />
          </div>
        </details>
      ) : (
        <p>{pupilFirstName(p)} has no level: they have the support every pupil has.</p>
      )}

      <h3 className="heading-m">History</h3>
      {data.history.length === 0 ? (
        <p>The level has not been changed since {pupilFirstName(p)} was added to Tandem.</p>
      ) : (
        <ol className="timeline" aria-label="Level changes, newest first">
          {data.history.map((h) => (
            <li key={h.id} className="timeline__item">
              <h4 className="timeline__title">
                From {levelWords(h.fromLevel)} to {levelWords(h.toLevel)}
              </h4>
              <p className="timeline__meta">
                <time dateTime={h.changedAt}>{formatDateTime(h.changedAt)}</time>, by {h.changedByName}
              </p>
              <p className="timeline__label">Reason</p>
              <p className="pre-line">{h.reason}</p>
              <p className="timeline__label">Evidence</p>
              {h.evidence.length === 0 ? (
                <p className="secondary-text">None given (not needed for a move down).</p>
              ) : (
                <ul className="list list--bullet">
                  {h.evidence.map((e, i) => (
                    <li key={i}>
                      <strong>{(EVIDENCE_LABELS as Record<string, string>)[e.kind] ?? e.kind}:</strong> {e.description}
                    </li>
                  ))}
                </ul>
              )}
              {h.definition !== null && (
                <details className="details details--compact">
                  <summary className="details__summary">
                    <span className="details__summary-text">
                      Wording of {h.definition.code} at the time (version {h.definition.version})
                    </span>
                  </summary>
                  <div className="details__text">
                    <LevelWording def={h.definition} headingLevel={4} />
                  </div>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

type ChronologyEntry = z.infer<typeof chronologyResponse>['entries'][number];

function Chronology({ school, pupilId }: { school: SessionSchool; pupilId: string }) {
  const { resource, reload } = useResource(`${pupilApi(school.id, pupilId)}/chronology`, chronologyResponse);
  if (resource.status === 'loading') return <Loading what="Loading the chronology" />;
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={reload} />;
  const entries = resource.data.entries;
  if (entries.length === 0) return <p>Nothing has been recorded yet.</p>;
  return (
    <>
      <p>
        Everything recorded about this pupil that you may see, newest first.{' '}
        {countOf(entries.length, 'entry', 'entries')}.
      </p>
      <ChronologyPdf school={school} pupilId={pupilId} />
      <ol className="timeline" aria-label="Chronology, newest first">
        {entries.map((e: ChronologyEntry) => (
          <li key={e.id} className="timeline__item">
            <h3 className="timeline__title">
              {e.title}
              {e.urgent === true && (
                <>
                  {' '}
                  <Tag tone="red">Urgent</Tag>
                </>
              )}
              {e.restricted === true && (
                <>
                  {' '}
                  <Tag tone="grey">Safeguarding record: DSL team only</Tag>
                </>
              )}
            </h3>
            <p className="timeline__meta">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              {e.byName !== null && `, by ${e.byName}`}
            </p>
            {e.detail !== null && <p className="pre-line">{e.detail}</p>}
            {e.concernId !== undefined && (
              <p>
                <Link to={concernPage(school.id, e.concernId)}>
                  Open the concern{e.reference !== undefined && ` ${e.reference}`}
                  <span className="visually-hidden">
                    {' '}
                    ({e.title}, {formatDateTime(e.at)})
                  </span>
                </Link>
              </p>
            )}
            {e.planId !== undefined && (
              <p>
                <Link to={planPage(school.id, e.planId)}>
                  Open the plan
                  <span className="visually-hidden">
                    {' '}
                    ({e.title}, {formatDateTime(e.at)})
                  </span>
                </Link>
              </p>
            )}
            {e.meetingId !== undefined && (
              <p>
                <Link to={meetingPage(school.id, e.meetingId)}>
                  Open the meeting
                  <span className="visually-hidden">
                    {' '}
                    ({e.title}, {formatDateTime(e.at)})
                  </span>
                </Link>
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The chronology as a confidential PDF, filtered as on screen (the server audits each export). */
function ChronologyPdf({ school, pupilId }: { school: SessionSchool; pupilId: string }) {
  if (!schoolCan(school, 'pupil.readCase')) return null;
  return (
    <DownloadButton
      busyText="Preparing the PDF…"
      getFile={() => apiGetFile(`${pupilApi(school.id, pupilId)}/chronology.pdf`, 'chronology.pdf')}
    >
      Print or save as PDF<span className="visually-hidden">: the chronology</span>
    </DownloadButton>
  );
}

function DetailsAndParents({ school, data }: { school: SessionSchool; data: CaseView }) {
  const p = data.pupil;
  return (
    <>
      <SummaryList
        rows={[
          { key: 'legal', label: 'Legal name', value: `${p.givenName} ${p.familyName}` },
          {
            key: 'preferred',
            label: 'Preferred name',
            value: p.preferredName ?? <span className="secondary-text">None</span>,
          },
          { key: 'dob', label: 'Date of birth', value: formatIsoDay(p.dateOfBirth) },
          { key: 'upn', label: 'UPN', value: <code>{p.upn}</code> },
          { key: 'year', label: 'Year group', value: yearGroupLabel(p.yearGroup) },
          { key: 'form', label: 'Form', value: p.form === '' ? <span className="secondary-text">None</span> : p.form },
          { key: 'characteristics', label: 'Characteristics', value: <Characteristics pupil={p} /> },
          {
            key: 'groups',
            label: 'Teaching groups',
            value:
              data.teachingGroups.length === 0 ? (
                <span className="secondary-text">None</span>
              ) : (
                data.teachingGroups.map((g) => `${g.name} (${g.code})`).join(', ')
              ),
          },
          ...(p.leftOn !== null ? [{ key: 'left', label: 'Left the school', value: formatIsoDay(p.leftOn) }] : []),
        ]}
      />
      {schoolCan(school, 'pupil.editDetails') && (
        <p>
          <Link to={`${pupilPage(school.id, p.id)}/correct`} className="button button--secondary">
            Correct details
          </Link>
        </p>
      )}
      <p className="hint">
        Names, date of birth, UPN and year group come from the school&rsquo;s MIS. Correct them there, then import
        again.
      </p>

      <h3 className="heading-m">Parents and carers</h3>
      {data.contacts.length === 0 ? (
        <p>No parents or carers are recorded. They are added by importing contacts from the MIS.</p>
      ) : (
        <Table
          caption={`Parents and carers of ${pupilName(p)}, in the order to contact them`}
          captionHidden
          rows={[...data.contacts].sort((a, b) => a.priority - b.priority)}
          rowKey={(c) => c.id}
          columns={[
            { key: 'name', header: 'Name', label: 'Name', cell: (c) => c.name },
            {
              key: 'relationship',
              header: 'Relationship',
              label: 'Relationship',
              cell: (c) => (
                <>
                  {c.relationship === '' ? <span className="secondary-text">Not recorded</span> : c.relationship}
                  {c.parentalResponsibility && (
                    <span className="block secondary-text">Has parental responsibility</span>
                  )}
                </>
              ),
            },
            {
              key: 'phone',
              header: 'Phone',
              label: 'Phone',
              nowrap: true,
              cell: (c) =>
                c.phone === null ? (
                  <span className="secondary-text">None</span>
                ) : (
                  <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
                ),
            },
            {
              key: 'email',
              header: 'Email',
              label: 'Email',
              cell: (c) =>
                c.email === null ? (
                  <span className="secondary-text">None</span>
                ) : (
                  <a href={`mailto:${c.email}`} className="break-anywhere">
                    {c.email}
                  </a>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
