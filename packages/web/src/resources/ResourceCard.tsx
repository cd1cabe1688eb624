/**
 * One library entry: what it is, for whom, what kind, the areas it serves, its link or document,
 * and where it comes from. For whoever keeps it: when it was last reviewed, a "Due for review"
 * mark after a year, and the ways to keep it right (change, mark reviewed, withdraw).
 */
import { areaTitle, RESOURCE_KIND_LABELS, RESOURCE_SCOPE_LABELS, type Resource } from '@tandem/core';
import { DocumentLink } from '../components/DocumentUpload';
import { formatIsoDay } from '../components/dates';
import { Tag, TagList } from '../components/Page';
import { ResourceKeeping } from './ResourceKeeping';
import { audiencesWords, webWords, type LibraryPlace } from './resourcesApi';

export function ResourceCard({
  resource: r,
  place,
  onKept,
}: {
  resource: Resource;
  place: LibraryPlace;
  /** After a review or withdrawal: the page reloads and says what happened. */
  onKept: (title: string, text: string) => void;
}) {
  return (
    <li className="resource-card">
      <h3 className="heading-s resource-card__title">{r.title}</h3>
      <TagList label="About this entry">
        <li>
          <Tag tone={r.scope === 'trust' ? 'teal' : 'green'}>{RESOURCE_SCOPE_LABELS[r.scope]}</Tag>
        </li>
        <li>
          <Tag tone="blue">{RESOURCE_KIND_LABELS[r.kind]}</Tag>
        </li>
        {r.canEdit && r.reviewDue && (
          <li>
            <Tag tone="yellow">Due for review</Tag>
          </li>
        )}
      </TagList>
      <p className="resource-card__description pre-line">{r.description.trim()}</p>
      <dl className="resource-facts">
        <div className="resource-facts__row">
          <dt className="resource-facts__key">For</dt>
          <dd className="resource-facts__value">{audiencesWords(r.audiences)}</dd>
        </div>
        <div className="resource-facts__row">
          <dt className="resource-facts__key">Areas</dt>
          <dd className="resource-facts__value">{r.areas.map((a) => areaTitle(a)).join('; ')}</dd>
        </div>
        {r.url !== '' && (
          <div className="resource-facts__row">
            <dt className="resource-facts__key">Link</dt>
            <dd className="resource-facts__value">
              <a href={r.url} className="break-anywhere" rel="noopener noreferrer">
                {webWords(r.url)}
                <span className="visually-hidden"> ({r.title})</span>
              </a>
            </dd>
          </div>
        )}
        {r.document !== null && (
          <div className="resource-facts__row">
            <dt className="resource-facts__key">Document</dt>
            <dd className="resource-facts__value">
              <DocumentLink place={place.documents} doc={r.document} />
            </dd>
          </div>
        )}
        {r.url === '' && r.document === null && (
          <div className="resource-facts__row">
            <dt className="resource-facts__key">Where to find it</dt>
            <dd className="resource-facts__value">Ask the Senior Mental Health Lead.</dd>
          </div>
        )}
        {r.canEdit && (
          <div className="resource-facts__row">
            <dt className="resource-facts__key">Last reviewed</dt>
            <dd className="resource-facts__value">
              {formatIsoDay(r.lastReviewedOn)}
              {r.lastReviewedByName !== null ? ` by ${r.lastReviewedByName}` : ''}
            </dd>
          </div>
        )}
      </dl>
      {r.canEdit && <ResourceKeeping resource={r} place={place} onKept={onKept} />}
    </li>
  );
}
