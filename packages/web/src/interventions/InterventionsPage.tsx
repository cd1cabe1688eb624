/**
 * The school's interventions: what runs, how many places are taken and how many wait, and who runs
 * each. The Senior Mental Health Lead adds and changes them here; retired ones are kept apart.
 */
import { interventionListSchema, type InterventionSummary } from '@tandem/core';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { countOf } from '../components/format';
import { LevelBadge } from '../components/LevelBadge';
import { FlashBanner, Loading, PageTitle, Tag } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { measuresPage } from '../questionnaires/questionnairesApi';
import { Link, useFlash } from '../router/router';
import {
  interventionPage,
  interventionsApi,
  mayReadOutcomes,
  newInterventionPage,
  outcomesPage,
  placesWords,
  scheduleWords,
  staffWords,
  statusLabel,
  statusTone,
} from './interventionsApi';
import './interventions.css';

export function InterventionsPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.readList');
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? interventionsApi(schoolId) : null, interventionListSchema);
  if (school === undefined || !allowed) return <NotFoundPage />;

  const manage = resource.status === 'ready' && resource.data.canManage;
  return (
    <div className="interventions">
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Interventions</PageTitle>
      <p className="lead">
        The support the school runs in small groups or one-to-one, with the places each has and who is waiting.
      </p>
      {manage && (
        <p>
          <Link to={newInterventionPage(school.id)} className="button button--primary">
            Add an intervention
          </Link>
        </p>
      )}
      <ul className="list list--plain">
        {mayReadOutcomes(school) && (
          <li>
            <Link to={outcomesPage(school.id)}>Outcomes: waits, attendance and improvement</Link>
          </li>
        )}
        <li>
          <Link to={measuresPage(school.id)}>Questionnaires: the outcome measures staff can ask</Link>
        </li>
      </ul>
      {resource.status === 'loading' && <Loading what="Loading interventions" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <Catalogue school={school} interventions={resource.data.interventions} manage={manage} />
      )}
    </div>
  );
}

function Catalogue({
  school,
  interventions,
  manage,
}: {
  school: SessionSchool;
  interventions: readonly InterventionSummary[];
  manage: boolean;
}) {
  const byName = [...interventions].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const current = byName.filter((i) => i.status !== 'retired');
  const retired = byName.filter((i) => i.status === 'retired');
  return (
    <>
      {current.length === 0 ? (
        <div className="empty-state">
          <p>No interventions are running or paused.</p>
          <p>
            {manage
              ? 'Add the first one: its name, who runs it, how many places it has and the levels it suits. Staff can then ask for places for pupils.'
              : 'The Senior Mental Health Lead adds the interventions the school runs. Ask them if you think a pupil needs one.'}
          </p>
        </div>
      ) : (
        <>
          <p className="count">{countOf(current.length, 'intervention')}</p>
          <InterventionTable school={school} rows={current} caption="Interventions running or paused" />
        </>
      )}
      {retired.length > 0 && (
        <details className="details">
          <summary className="details__summary">
            <span className="details__summary-text">Retired interventions ({retired.length})</span>
          </summary>
          <div className="details__text">
            <p>No longer offered. Their history and outcomes are kept.</p>
            <InterventionTable school={school} rows={retired} caption="Retired interventions" />
          </div>
        </details>
      )}
    </>
  );
}

function InterventionTable({
  school,
  rows,
  caption,
}: {
  school: SessionSchool;
  rows: readonly InterventionSummary[];
  caption: string;
}) {
  return (
    <Table
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(i) => i.id}
      columns={[
        {
          key: 'name',
          header: 'Intervention',
          label: 'Intervention',
          cell: (i) => (
            <>
              {i.canOpen ? <Link to={interventionPage(school.id, i.id)}>{i.name}</Link> : i.name}
              {i.mine && (
                <>
                  {' '}
                  <Tag tone="blue">You run this</Tag>
                </>
              )}
              <span className="block secondary-text">{scheduleWords(i)}</span>
            </>
          ),
        },
        {
          key: 'places',
          header: 'Places',
          label: 'Places',
          cell: (i) => (
            <>
              {placesWords(i)}
              <span className="block secondary-text">
                {i.waitingCount === 0 ? 'No one waiting' : `${String(i.waitingCount)} waiting`}
              </span>
            </>
          ),
        },
        {
          key: 'levels',
          header: 'Suits',
          label: 'Suits',
          cell: (i) => (
            <ul className="intervention-levels" aria-label="Levels it suits">
              {i.suitsLevels.map((l) => (
                <li key={l}>
                  <LevelBadge code={l} />
                </li>
              ))}
            </ul>
          ),
        },
        { key: 'measure', header: 'Measure', label: 'Measure', cell: (i) => i.measureName ?? 'None' },
        {
          key: 'status',
          header: 'Status',
          label: 'Status',
          nowrap: true,
          cell: (i) => <Tag tone={statusTone(i.status)}>{statusLabel(i.status)}</Tag>,
        },
        { key: 'staff', header: 'Run by', label: 'Run by', cell: (i) => staffWords(i.staff) },
      ]}
    />
  );
}
