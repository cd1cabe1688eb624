import { useResource } from '../api/useResource';
import { trustCan, useTrust } from '../auth/session';
import { FlashBanner, Loading, PageTitle } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import { schoolsResponse, trustSchoolsPath } from './schoolsApi';
import { SchoolsTable } from './SchoolsTable';

export function TrustSchoolsPage({ trustId }: { trustId: string }) {
  const trust = useTrust(trustId);
  const flash = useFlash();
  const { resource, reload } = useResource(trust === undefined ? null : trustSchoolsPath(trustId), schoolsResponse);
  if (trust === undefined) return <NotFoundPage />;
  const canAdd = trustCan(trust, 'trust.manageSchools');
  const addPath = `/trusts/${encodeURIComponent(trust.id)}/schools/new`;

  return (
    <>
      <FlashBanner flash={flash} />
      <PageTitle caption={trust.name}>Schools</PageTitle>
      {canAdd && (
        <p>
          <Link to={addPath} className="button button--primary">
            Add a school
          </Link>
        </p>
      )}
      {resource.status === 'loading' && <Loading what="Loading schools" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.schools.length === 0 ? (
          <div className="empty-state">
            <p>There are no schools in {trust.name} on Tandem yet.</p>
            <p>
              {canAdd ? 'Add your first school to start inviting its staff.' : 'A trust administrator can add them.'}
            </p>
          </div>
        ) : (
          <SchoolsTable schools={resource.data.schools} />
        ))}
    </>
  );
}
