/**
 * The trust's side of the resource library, for its curators (trust administrator, trust lead): the
 * shared entries every school of the trust sees, those due for their yearly review first. Each
 * school adds its own entries itself.
 */
import { resourceListSchema, type Resource } from '@tandem/core';
import { enc } from '../api/client';
import { useResource } from '../api/useResource';
import { BackLink, FlashBanner, Loading, PageTitle } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash, useNavigate } from '../router/router';
import { ResourceCard } from './ResourceCard';
import { useLibrary, type LibraryPlace } from './resourcesApi';
import './resources.css';

export function TrustLibraryPage({ trustId }: { trustId: string }) {
  const place = useLibrary({ trustId }, 'manage');
  const flash = useFlash();
  const navigate = useNavigate();
  const { resource, reload } = useResource(place === null ? null : place.api, resourceListSchema);
  if (place === null) return <NotFoundPage />;
  const onKept = (title: string, text: string) => {
    navigate(place.listPage, { replace: true, flash: { kind: 'success', title, text } });
    reload();
  };
  return (
    <div className="library">
      <BackLink to={`/trusts/${enc(place.id)}`}>Back to the trust</BackLink>
      <FlashBanner flash={flash} />
      <PageTitle caption={place.name}>Resource library: shared entries</PageTitle>
      <p className="lead">
        Every school in {place.name} sees these entries in its library, beside its own. Review each one once a year:
        those due come first.
      </p>
      <p>
        <Link to={place.newPage} className="button button--primary">
          Add a shared entry
        </Link>
      </p>
      {resource.status === 'loading' && <Loading what="Loading the library" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <Entries place={place} list={resource.data.resources} onKept={onKept} />}
    </div>
  );
}

function Entries({
  place,
  list,
  onKept,
}: {
  place: LibraryPlace;
  list: readonly Resource[];
  onKept: (title: string, text: string) => void;
}) {
  if (list.length === 0) {
    return (
      <div className="empty-state">
        <h2 className="heading-m">The trust shares no entries yet</h2>
        <p>
          Add guidance, training or support every school should know about, such as your local authority&rsquo;s
          training offer. Schools add their own entries themselves.
        </p>
      </div>
    );
  }
  const due = list.filter((r) => r.reviewDue);
  const rest = list.filter((r) => !r.reviewDue);
  return (
    <>
      {due.length > 0 && (
        <section aria-labelledby="due-title">
          <h2 className="heading-m" id="due-title">
            Due for review ({due.length})
          </h2>
          <p className="secondary-text">
            Not reviewed for a year. Check each one, then change it, mark it as reviewed, or withdraw it.
          </p>
          <ul className="resource-list">
            {due.map((r) => (
              <ResourceCard key={r.id} resource={r} place={place} onKept={onKept} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="shared-title">
        <h2 className="heading-m" id="shared-title">
          {due.length > 0
            ? `Reviewed in the last year (${String(rest.length)})`
            : `Shared entries (${String(rest.length)})`}
        </h2>
        {rest.length === 0 ? (
          <p>None yet: mark the entries above as reviewed once you have checked them.</p>
        ) : (
          <ul className="resource-list">
            {rest.map((r) => (
              <ResourceCard key={r.id} resource={r} place={place} onKept={onKept} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
