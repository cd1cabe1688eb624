/**
 * The parts of a directory entry shown both in the search results and on the entry's own page:
 * where it comes from (and whether it is retired or due its yearly check), the needs it helps with,
 * and how to reach it.
 */
import { SERVICE_NEED_LABELS, SERVICE_SCOPE_LABELS, type Service, type ServiceScope } from '@tandem/core';
import type { ReactNode } from 'react';
import { Tag, TagList, type TagTone } from '../components/Page';
import { Link } from '../router/router';
import { agesWords, audiencesWords, dialNumber, webWords } from './servicesApi';

const SCOPE_TONES: Record<ServiceScope, TagTone> = { national: 'blue', trust: 'teal', school: 'green' };

/** Where the entry comes from, and whether it is retired or due for its yearly check. */
export function ServiceTags({ service }: { service: Service }) {
  return (
    <TagList label="About this entry">
      <li>
        <Tag tone={SCOPE_TONES[service.scope]}>{SERVICE_SCOPE_LABELS[service.scope]}</Tag>
      </li>
      {service.status === 'retired' && (
        <li>
          <Tag tone="grey">Retired</Tag>
        </li>
      )}
      {service.status === 'active' && service.checkDue && (
        <li>
          <Tag tone="yellow">Due for its yearly check</Tag>
        </li>
      )}
    </TagList>
  );
}

export function NeedTags({ service }: { service: Pick<Service, 'needs'> }) {
  return (
    <div className="service-needs">
      <TagList label="Needs it helps with">
        {service.needs.map((n) => (
          <li key={n}>
            <Tag tone="grey">{SERVICE_NEED_LABELS[n]}</Tag>
          </li>
        ))}
      </TagList>
    </div>
  );
}

export function PhoneLink({ phone }: { phone: string }) {
  const dial = dialNumber(phone);
  return dial === null ? <>{phone}</> : <a href={`tel:${dial}`}>{phone}</a>;
}

export function WebLink({ web, name }: { web: string; name: string }) {
  return (
    <a href={web} className="break-anywhere" rel="noopener noreferrer">
      {webWords(web)}
      <span className="visually-hidden"> (the website of {name})</span>
    </a>
  );
}

/** The facts of an entry, one row each, leaving out what it does not say. */
export function serviceFacts(service: Service): { key: string; label: string; value: ReactNode }[] {
  const rows: { key: string; label: string; value: ReactNode }[] = [
    { key: 'for', label: 'Who it is for', value: `${audiencesWords(service.audiences)}. ${agesWords(service)}.` },
    { key: 'needs', label: 'Helps with', value: <NeedTags service={service} /> },
  ];
  if (service.howToRefer !== '') {
    rows.push({ key: 'refer', label: 'How to refer', value: <span className="pre-line">{service.howToRefer}</span> });
  }
  rows.push({
    key: 'self',
    label: 'Self-referral',
    value: service.selfReferral ? 'Families can refer themselves' : 'Families cannot refer themselves',
  });
  if (service.openingHours !== '') rows.push({ key: 'hours', label: 'Opening hours', value: service.openingHours });
  if (service.phone !== '') rows.push({ key: 'phone', label: 'Phone', value: <PhoneLink phone={service.phone} /> });
  if (service.text !== '') rows.push({ key: 'text', label: 'Text', value: service.text });
  if (service.web !== '') {
    rows.push({ key: 'web', label: 'Web', value: <WebLink web={service.web} name={service.name} /> });
  }
  return rows;
}

/** The facts as a compact list (a search result). */
export function ServiceFacts({ service }: { service: Service }) {
  return (
    <dl className="service-facts">
      {serviceFacts(service).map((r) => (
        <div className="service-facts__row" key={r.key}>
          <dt className="service-facts__key">{r.label}</dt>
          <dd className="service-facts__value">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One entry in a list: its name linking to its page, where it comes from, what it does and how to
 * reach it; `actions` below (such as "Change") for whoever keeps it.
 */
export function ServiceCard({ service, to, actions }: { service: Service; to: string; actions?: ReactNode }) {
  return (
    <li className={service.status === 'retired' ? 'service-card service-card--retired' : 'service-card'}>
      <h3 className="heading-s service-card__title">
        <Link to={to}>{service.name}</Link>
      </h3>
      <ServiceTags service={service} />
      <p className="service-card__description pre-line">{service.description.trim()}</p>
      <ServiceFacts service={service} />
      {actions !== undefined && <div className="service-card__actions">{actions}</div>}
    </li>
  );
}
