/**
 * The "Interventions" section of a pupil's record: where they wait (position, expected start), what
 * they are in and what they have finished, and asking for a place for them.
 */
import { interventionListSchema, PLACE_STATUS_LABELS, pupilPlacesSchema, type PupilPlaces } from '@tandem/core';
import { useState } from 'react';
import { useResource } from '../api/useResource';
import { formatDate, formatIsoDay } from '../components/dates';
import { Loading } from '../components/Page';
import { LoadError } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { FormOpener } from './FormOpener';
import { interventionPage, interventionsApi, pupilPlacesApi } from './interventionsApi';
import { RequestPlaceForm } from './RequestPlaceForm';
import './interventions.css';

type Place = PupilPlaces['places'][number];

function PlaceLine({ schoolId, place: p }: { schoolId: string; place: Place }) {
  const name = <Link to={interventionPage(schoolId, p.interventionId)}>{p.interventionName}</Link>;
  if (p.status === 'waiting') {
    return (
      <>
        {name}: waiting{p.position !== null && `, number ${String(p.position)} on the list`}.{' '}
        {p.expectedStart === null ? (
          <span className="secondary-text">No expected start while the intervention is not running.</span>
        ) : (
          <>
            Expected to start <time dateTime={p.expectedStart}>{formatIsoDay(p.expectedStart)}</time>{' '}
            <span className="secondary-text">(an estimate)</span>.
          </>
        )}
      </>
    );
  }
  if (p.status === 'in') {
    return (
      <>
        {name}: in it{p.startedOn !== null && <>, started {formatIsoDay(p.startedOn)}</>}.
      </>
    );
  }
  return (
    <>
      {name}: {PLACE_STATUS_LABELS[p.status].toLowerCase()}
      {p.endedAt !== null && <>, {formatDate(p.endedAt)}</>}.
    </>
  );
}

function PlaceList({ schoolId, title, places }: { schoolId: string; title: string; places: readonly Place[] }) {
  if (places.length === 0) return null;
  return (
    <>
      <h4 className="heading-s">{title}</h4>
      <ul className="list list--bullet">
        {places.map((p) => (
          <li key={p.placeId}>
            <PlaceLine schoolId={schoolId} place={p} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function PupilInterventions({ schoolId, pupil }: { schoolId: string; pupil: { id: string; name: string } }) {
  const { resource, reload } = useResource(pupilPlacesApi(schoolId, pupil.id), pupilPlacesSchema);
  const list = useResource(interventionsApi(schoolId), interventionListSchema);
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const running =
    list.resource.status === 'ready'
      ? list.resource.data.interventions
          .filter((i) => i.status === 'running')
          .map((i) => ({ id: i.id, name: i.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      : [];
  const places = resource.status === 'ready' ? resource.data.places : [];
  const now = places.filter((p) => p.status === 'in');
  const waiting = places.filter((p) => p.status === 'waiting');
  const past = places.filter((p) => p.status !== 'in' && p.status !== 'waiting');
  return (
    <section aria-labelledby="pupil-interventions-title" className="intervention-section">
      <h3 className="heading-m" id="pupil-interventions-title">
        Interventions
      </h3>
      {resource.status === 'loading' && <Loading what="Loading interventions" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (places.length === 0 ? (
          <p className="empty-state">Not on any intervention. Ask for a place below.</p>
        ) : (
          <>
            <PlaceList schoolId={schoolId} title="In now" places={now} />
            <PlaceList schoolId={schoolId} title="Waiting" places={waiting} />
            <PlaceList schoolId={schoolId} title="Finished or left" places={past} />
          </>
        ))}
      <p role="status" className={done === null ? 'visually-hidden' : 'success-text'}>
        {done}
      </p>
      {list.resource.status === 'ready' &&
        (running.length === 0 ? (
          <p className="secondary-text">No intervention is running now, so there is nothing to ask for a place in.</p>
        ) : (
          <FormOpener
            buttonText={`Ask for a place for ${pupil.name}`}
            open={asking}
            onOpenChange={(o) => {
              setAsking(o);
              if (o) setDone(null);
            }}
          >
            {(close) => (
              <RequestPlaceForm
                schoolId={schoolId}
                fixed={{ kind: 'pupil', id: pupil.id, name: pupil.name, interventions: running }}
                onDone={(title) => {
                  close();
                  setDone(`${title}.`);
                  reload();
                }}
                onCancel={close}
              />
            )}
          </FormOpener>
        ))}
    </section>
  );
}
