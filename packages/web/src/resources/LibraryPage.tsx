/**
 * The school's resource library: guidance, training, tools and support for each area of a whole
 * school approach, shared by the trust or added by the school, searched by area, audience, kind and
 * words (`?area=` comes straight from a low self-assessment rating). The Senior Mental Health Lead
 * adds, changes, reviews and withdraws the school's own entries here.
 */
import {
  AREA_GROUP_LABELS,
  AREA_GROUPS,
  areasOf,
  areaTitle,
  RESOURCE_AUDIENCE_LABELS,
  RESOURCE_KIND_LABELS,
  resourceListSchema,
  type Resource,
  type ResourceList,
} from '@tandem/core';
import { useState } from 'react';
import { withQuery } from '../api/client';
import { useResource } from '../api/useResource';
import { countOf, labelOf } from '../components/format';
import { BackLink, FlashBanner, InsetText, Loading, PageTitle } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash, useNavigate, useSearchParams } from '../router/router';
import { wholeSchoolPage } from '../whole-school/paths';
import { LibraryFilters } from './LibraryFilters';
import { ResourceCard } from './ResourceCard';
import {
  filtersInUse,
  searchFrom,
  searchQuery,
  useLibrary,
  type LibraryPlace,
  type LibrarySearch,
} from './resourcesApi';
import './resources.css';

export function LibraryPage({ schoolId }: { schoolId: string }) {
  const place = useLibrary({ schoolId }, 'read');
  const flash = useFlash();
  const navigate = useNavigate();
  const params = useSearchParams();
  const search = searchFrom(params);
  const { resource, reload } = useResource(
    place === null ? null : withQuery(place.api, searchQuery(search)),
    resourceListSchema,
  );
  if (place === null) return <NotFoundPage />;
  const here = withQuery(place.listPage, searchQuery(search));
  const onKept = (title: string, text: string) => {
    navigate(here, { replace: true, flash: { kind: 'success', title, text } });
    reload();
  };

  return (
    <div className="library">
      <BackLink to={wholeSchoolPage(place.id)}>Back to whole school</BackLink>
      <FlashBanner flash={flash} />
      <PageTitle caption={place.name}>Resource library</PageTitle>
      <p className="lead">
        Guidance, training, tools and support for each area of a whole school approach to mental health: shared by the
        trust, and added by the school.
      </p>
      {resource.status === 'ready' && resource.data.canAdd && <ForTheLead place={place} data={resource.data} />}
      <LibraryFilters key={params.toString()} listPage={place.listPage} initial={search} />
      {resource.status === 'loading' && <Loading what="Searching the library" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          {filtersInUse(search) === 0 && search.q === '' && resource.data.resources.length > 0 && (
            <ByArea place={place} counts={resource.data.areaCounts} />
          )}
          <Results place={place} search={search} data={resource.data} onKept={onKept} />
        </>
      )}
    </div>
  );
}

function ForTheLead({ place, data }: { place: LibraryPlace; data: ResourceList }) {
  const due = data.dueForReview;
  return (
    <>
      <p>
        <Link to={place.newPage} className="button button--primary">
          Add an entry
        </Link>
      </p>
      {due > 0 && (
        <InsetText>
          {due === 1 ? 'One of the school’s entries is' : `${String(due)} of the school’s entries are`} due for review:
          it is over a year since they were checked. Check each one, then change it or mark it as reviewed.
        </InsetText>
      )}
    </>
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function searchWords(s: LibrarySearch): string {
  const parts: string[] = [];
  if (s.area !== '') parts.push(`for ${lowerFirst(areaTitle(s.area))}`);
  if (s.audience !== '') parts.push(`for ${lowerFirst(labelOf(RESOURCE_AUDIENCE_LABELS, s.audience))}`);
  if (s.kind !== '') parts.push(`of the kind ${lowerFirst(labelOf(RESOURCE_KIND_LABELS, s.kind))}`);
  if (s.q !== '') parts.push(`matching “${s.q}”`);
  return parts.length === 0 ? '' : ` ${parts.join(', ')}`;
}

function Results({
  place,
  search,
  data,
  onKept,
}: {
  place: LibraryPlace;
  search: LibrarySearch;
  data: ResourceList;
  onKept: (title: string, text: string) => void;
}) {
  const searched = search.q !== '' || filtersInUse(search) > 0;
  const list: readonly Resource[] = data.resources;
  if (list.length === 0) {
    return (
      <div className="empty-state">
        {searched ? (
          <>
            <h2 className="heading-m">Nothing in the library matches</h2>
            <p>
              Try another word, or take a filter off. <Link to={place.listPage}>See the whole library</Link>.
            </p>
          </>
        ) : (
          <>
            <h2 className="heading-m">The library is empty</h2>
            <p>
              {data.canAdd
                ? 'Add the school’s own guidance, training and support with “Add an entry”. The trust can share entries with every school.'
                : 'Ask the Senior Mental Health Lead to add the school’s guidance, training and support.'}
            </p>
          </>
        )}
      </div>
    );
  }
  return (
    <section aria-labelledby="results-title">
      <h2 className="heading-m" id="results-title">
        {countOf(list.length, 'resource')}
        {searchWords(search)}
      </h2>
      <ul className="resource-list">
        {list.map((r) => (
          <ResourceCard key={r.id} resource={r} place={place} onKept={onKept} />
        ))}
      </ul>
    </section>
  );
}

/**
 * Every area, with how many entries serve it, each a link to its resources: open on wider screens,
 * folded away on a phone so that the entries are not pushed far down.
 */
function ByArea({ place, counts }: { place: LibraryPlace; counts: Record<string, number> }) {
  const [open, setOpen] = useState(() => window.matchMedia('(min-width: 641px)').matches);
  return (
    <details
      className="details library-areas"
      open={open}
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
      }}
    >
      <summary className="details__summary">
        <span className="details__summary-text">Browse by area</span>
      </summary>
      <div className="library-areas__groups">
        {AREA_GROUPS.map((g) => (
          <div key={g} className="library-areas__group">
            <h2 className="heading-s">{AREA_GROUP_LABELS[g]}</h2>
            <ul className="list">
              {areasOf(g).map((a) => (
                <li key={a.key}>
                  <Link to={withQuery(place.listPage, { area: a.key })}>{a.title}</Link>{' '}
                  <span className="secondary-text">({countOf(counts[a.key] ?? 0, 'entry', 'entries')})</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </details>
  );
}
