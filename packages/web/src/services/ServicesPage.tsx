/**
 * The services directory: national services, the trust's shared entries and the school's own,
 * searched by need, age, who they are for and words. Each result says plainly what the service
 * does and how to reach it. The Senior Mental Health Lead adds the school's own entries here.
 */
import { SERVICE_AUDIENCE_LABELS, SERVICE_NEED_LABELS, serviceListSchema, type Service } from '@tandem/core';
import { withQuery } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { countOf, labelOf } from '../components/format';
import { FlashBanner, Loading, PageTitle } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash, useSearchParams } from '../router/router';
import { ServiceCard } from './ServiceBits';
import { ServiceSearchForm } from './ServiceSearchForm';
import {
  filtersInUse,
  mayReadServices,
  newServicePage,
  searchFrom,
  searchQuery,
  servicePage,
  servicesApi,
  servicesPage,
  type ServiceSearch,
} from './servicesApi';
import './services.css';

export function ServicesPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayReadServices(school);
  const flash = useFlash();
  const params = useSearchParams();
  const search = searchFrom(params);
  const { resource, reload } = useResource(
    allowed ? withQuery(servicesApi(schoolId), searchQuery(search)) : null,
    serviceListSchema,
  );
  if (school === undefined || !allowed) return <NotFoundPage />;

  return (
    <div className="services">
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Services directory</PageTitle>
      <p className="lead">
        Services that can help pupils, their families and staff: national ones, those the trust shares, and the
        school&rsquo;s own local ones.
      </p>
      {resource.status === 'ready' && resource.data.canAdd && (
        <p>
          <Link to={newServicePage(school.id)} className="button button--primary">
            Add a local service
          </Link>
        </p>
      )}
      <ServiceSearchForm key={params.toString()} schoolId={school.id} initial={search} />
      {resource.status === 'loading' && <Loading what="Searching the directory" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <Results schoolId={school.id} search={search} services={resource.data.services} />
      )}
    </div>
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** " for worry and anxiety, age 14, matching “sleep”" */
function searchWords(s: ServiceSearch): string {
  const parts: string[] = [];
  if (s.need !== '') parts.push(`for ${lowerFirst(labelOf(SERVICE_NEED_LABELS, s.need))}`);
  if (s.age !== '') parts.push(`age ${s.age}`);
  if (s.audience !== '') parts.push(`for ${lowerFirst(labelOf(SERVICE_AUDIENCE_LABELS, s.audience))}`);
  if (s.q !== '') parts.push(`matching “${s.q}”`);
  return parts.length === 0 ? '' : ` ${parts.join(', ')}`;
}

function Results({
  schoolId,
  search,
  services,
}: {
  schoolId: string;
  search: ServiceSearch;
  services: readonly Service[];
}) {
  const searched = search.q !== '' || filtersInUse(search) > 0;
  if (services.length === 0) {
    return (
      <div className="empty-state">
        <h2 className="heading-m">No service matches: try fewer filters</h2>
        {searched ? (
          <p>
            Try another word, or take a filter off. <Link to={servicesPage(schoolId)}>See every service</Link>.
          </p>
        ) : (
          <p>The directory is empty. The Senior Mental Health Lead can add the school&rsquo;s local services.</p>
        )}
      </div>
    );
  }
  return (
    <section aria-labelledby="results-title">
      <h2 className="heading-m" id="results-title">
        {countOf(services.length, 'service')}
        {searched ? searchWords(search) : ''}
      </h2>
      <ul className="service-list">
        {services.map((s) => (
          <ServiceCard key={s.id} service={s} to={servicePage(schoolId, s.id)} />
        ))}
      </ul>
    </section>
  );
}
