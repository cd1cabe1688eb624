import { useResource } from '../api/useResource';
import { trustCan, useSession, useTrust } from '../auth/session';
import { greeting } from '../components/dates';
import { firstName, roleNames } from '../components/format';
import { CardGrid, FlashBanner, Loading, PageTitle, type CardItem } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import { schoolsResponse, trustSchoolsPath } from '../schools/schoolsApi';
import { SchoolsTable } from '../schools/SchoolsTable';

export function TrustHomePage({ trustId }: { trustId: string }) {
  const trust = useTrust(trustId);
  const { session } = useSession();
  const flash = useFlash();
  const { resource, reload } = useResource(trust === undefined ? null : trustSchoolsPath(trustId), schoolsResponse);
  if (trust === undefined || session.user === null) return <NotFoundPage />;

  const base = `/trusts/${encodeURIComponent(trust.id)}`;
  const canAdd = trustCan(trust, 'trust.manageSchools');
  const cards: CardItem[] = [];
  if (canAdd) {
    cards.push({
      key: 'add',
      title: 'Add a school',
      to: `${base}/schools/new`,
      description: 'Set up a new school in the trust on Tandem.',
    });
  }
  if (canAdd) {
    cards.push({
      key: 'services',
      title: 'Services directory: shared entries',
      to: `${base}/services`,
      description: 'Add and keep the services every school in the trust finds in its directory.',
    });
  }
  if (trustCan(trust, 'trust.curateResources')) {
    cards.push({
      key: 'resources',
      title: 'Resource library: shared entries',
      to: `${base}/resources`,
      description:
        'Guidance, training and support for each area of a whole school approach, for every school in the trust. Review each entry yearly.',
    });
  }
  if (trustCan(trust, 'trust.viewAudit')) {
    cards.push({
      key: 'audit',
      title: 'Audit trail',
      to: `${base}/audit`,
      description: 'See who did what across the trust, and when.',
    });
  }

  return (
    <>
      <FlashBanner flash={flash} />
      <PageTitle caption={trust.name}>
        {greeting()}, {firstName(session.user.displayName)}
      </PageTitle>
      <p className="lead">
        You are {roleNames(trust.roles)} for {trust.name}.
      </p>
      {cards.length > 0 && <CardGrid items={cards} label="What you can do" />}
      <h2 className="heading-l">Schools</h2>
      {resource.status === 'loading' && <Loading what="Loading schools" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.schools.length === 0 ? (
          <div className="empty-state">
            <p>There are no schools in {trust.name} on Tandem yet.</p>
            {canAdd && (
              <p>
                <Link to={`${base}/schools/new`} className="button button--primary">
                  Add the first school
                </Link>
              </p>
            )}
          </div>
        ) : (
          <SchoolsTable schools={resource.data.schools} />
        ))}
      <p className="secondary-text">
        Trust-wide reports will appear here when they are ready. They will never name a pupil.
      </p>
    </>
  );
}
