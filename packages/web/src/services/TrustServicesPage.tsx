/**
 * The trust's side of the services directory, for its administrator: the shared entries every school
 * of the trust sees (added, changed and retired here), and the national ones, which come with
 * Tandem and are read here only. Each school adds its own local entries itself.
 */
import { serviceListSchema, type Service } from '@tandem/core';
import type { ReactNode } from 'react';
import { useResource } from '../api/useResource';
import { BackLink, FlashBanner, Loading, PageTitle } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import { useDirectory, type DirectoryPlace } from './directoryPlace';
import { ServiceCard } from './ServiceBits';
import './services.css';

export function TrustServicesPage({ trustId }: { trustId: string }) {
  const place = useDirectory({ trustId }, 'read');
  const flash = useFlash();
  const { resource, reload } = useResource(place === null ? null : place.api, serviceListSchema);
  if (place === null) return <NotFoundPage />;
  return (
    <div className="services">
      <BackLink to={`/trusts/${encodeURIComponent(place.id)}`}>Back to the trust</BackLink>
      <FlashBanner flash={flash} />
      <PageTitle caption={place.name}>Services directory: shared entries</PageTitle>
      <p className="lead">
        Every school in {place.name} finds these services in its directory, with its own local ones. You keep the shared
        entries; the national ones come with Tandem.
      </p>
      <p>
        <Link to={place.newPage} className="button button--primary">
          Add a shared service
        </Link>
      </p>
      {resource.status === 'loading' && <Loading what="Loading the directory" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <Entries place={place} services={resource.data.services} />}
    </div>
  );
}

function Entries({ place, services }: { place: DirectoryPlace; services: readonly Service[] }) {
  const shared = services.filter((s) => s.scope === 'trust');
  const active = shared.filter((s) => s.status === 'active');
  const retired = shared.filter((s) => s.status === 'retired');
  const national = services.filter((s) => s.scope === 'national');
  return (
    <>
      <Section id="shared" title={`Shared by the trust (${String(active.length)})`}>
        {active.length === 0 ? (
          <div className="empty-state">
            <p>The trust shares no services yet.</p>
            <p>
              Add one that every school should know about, such as the local children&rsquo;s mental health service or
              early help. Schools add their own nearby services themselves.
            </p>
          </div>
        ) : (
          <Cards place={place} services={active} />
        )}
      </Section>
      {retired.length > 0 && (
        <Section id="retired" title={`Retired shared entries (${String(retired.length)})`}>
          <p className="secondary-text">Schools no longer find these. Open one to bring it back.</p>
          <Cards place={place} services={retired} />
        </Section>
      )}
      <Section id="national" title={`National services (${String(national.length)})`}>
        <p className="secondary-text">
          These come with Tandem and are the same for every school. They cannot be changed here.
        </p>
        {national.length === 0 ? <p>There are no national services.</p> : <Cards place={place} services={national} />}
      </Section>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 className="heading-m" id={`${id}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Cards({ place, services }: { place: DirectoryPlace; services: readonly Service[] }) {
  return (
    <ul className="service-list">
      {services.map((s) => (
        <ServiceCard
          key={s.id}
          service={s}
          to={place.entryPage(s.id)}
          actions={
            s.canEdit ? (
              <Link to={place.editPage(s.id)} className="button button--secondary">
                Change<span className="visually-hidden"> {s.name}</span>
              </Link>
            ) : undefined
          }
        />
      ))}
    </ul>
  );
}
