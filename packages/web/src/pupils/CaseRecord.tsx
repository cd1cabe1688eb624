/** A pupil's full record, for those who may read their case: four tabs, each a section of its own. */
import type { SessionSchool } from '../auth/session';
import { PageTitle, Tag } from '../components/Page';
import { Link } from '../router/router';
import { PupilAttendance } from '../attendance/PupilAttendance';
import { PupilMissingStatus } from '../attendance/PupilMissingStatus';
import { PupilProvision } from '../provision/PupilProvision';
import { CaseSummary } from './CaseSummary';
import { CaseTeam } from './CaseTeam';
import { Chronology } from './Chronology';
import { DetailsAndParents } from './DetailsAndParents';
import { LevelAndHistory } from './LevelAndHistory';
import { PupilCheckins } from './PupilCheckins';
import { pupilName, pupilPage, yearAndForm, type PupilCaseView } from './pupilsApi';

const TABS = [
  { key: 'summary', label: 'Summary' },
  { key: 'level', label: 'Level and history' },
  { key: 'attendance', label: 'Attendance and provision' },
  { key: 'chronology', label: 'Chronology' },
  { key: 'details', label: 'Details and parents' },
] as const;
export type TabKey = (typeof TABS)[number]['key'];

/** The tab named in the address (?tab=level), or the summary. */
export function tabFrom(value: string | null): TabKey {
  return TABS.find((t) => t.key === value)?.key ?? 'summary';
}

export function CaseRecord({ school, data, tab }: { school: SessionSchool; data: PupilCaseView; tab: TabKey }) {
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
      {tab === 'summary' && (
        <>
          <CaseSummary school={school} data={data} />
          <CaseTeam school={school} pupilId={p.id} pupilName={pupilName(p)} />
          <PupilCheckins school={school} pupilId={p.id} pupilName={pupilName(p)} />
        </>
      )}
      {tab === 'level' && <LevelAndHistory school={school} data={data} />}
      {tab === 'attendance' && (
        <>
          <PupilMissingStatus school={school} pupilId={p.id} pupilName={pupilName(p)} />
          <PupilProvision school={school} pupilId={p.id} pupilName={pupilName(p)} />
          <PupilAttendance school={school} pupilId={p.id} pupilName={pupilName(p)} />
        </>
      )}
      {tab === 'chronology' && <Chronology school={school} pupilId={p.id} />}
      {tab === 'details' && <DetailsAndParents school={school} data={data} />}
    </>
  );
}
