/** On a pupil's record: whether they are on the missing list and why, its changes, and absences alerted. */
import { pupilMissingResponse, type PupilMissingResponse } from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { useResource } from '../api/useResource';
import { formatDate } from '../components/dates';
import { Loading, Tag } from '../components/Page';
import { LoadError } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { MissingAlerts } from './MissingAlerts';
import { missingChangePage, pupilMissingApi, whyWords } from './missingApi';

export function PupilMissingStatus({
  school,
  pupilId,
  pupilName,
}: {
  school: SessionSchool;
  pupilId: string;
  pupilName: string;
}) {
  const { resource, reload } = useResource(pupilMissingApi(school.id, pupilId), pupilMissingResponse);
  return (
    <section aria-labelledby="missing-heading" className="section">
      <h3 id="missing-heading" className="heading-m">
        Missing list
      </h3>
      {resource.status === 'loading' && <Loading what="Loading the missing list" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <Status schoolId={school.id} pupilId={pupilId} pupilName={pupilName} data={resource.data} onChanged={reload} />
      )}
    </section>
  );
}

function Status({
  schoolId,
  pupilId,
  pupilName,
  data,
  onChanged,
}: {
  schoolId: string;
  pupilId: string;
  pupilName: string;
  data: PupilMissingResponse;
  onChanged: () => void;
}) {
  return (
    <>
      {data.onList && data.why !== null ? (
        <p>
          <Tag tone="red">On the missing list</Tag> {whyWords(data.why)}. An absence without a reason alerts the DSL on
          duty at once.
        </p>
      ) : (
        <p>
          <Tag tone="grey">Not on the missing list</Tag>
        </p>
      )}
      {data.mayManage && (
        <p>
          <Link to={missingChangePage(schoolId, pupilId, data.onList ? 'remove' : 'add')}>
            {data.onList ? 'Take off the missing list' : 'Add to the missing list'}
            <span className="visually-hidden"> ({pupilName})</span>
          </Link>
        </p>
      )}
      {data.alerts.length > 0 && (
        <MissingAlerts
          schoolId={schoolId}
          alerts={data.alerts}
          mayManage={data.mayManage}
          onChanged={onChanged}
          showPupil={false}
        />
      )}
      {data.changes.length > 0 && (
        <details className="details">
          <summary className="details__summary">Changes to the list ({data.changes.length})</summary>
          <ul className="details__text">
            {data.changes.map((c) => (
              <li key={c.at}>
                {c.action === 'added' ? 'Added' : 'Taken off'} by {c.byName} on {formatDate(c.at)}: {c.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
