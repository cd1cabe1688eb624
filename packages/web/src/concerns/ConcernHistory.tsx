/** What has been added to a concern since it was logged, and what has happened to it. */
import {
  CONCERN_CATEGORY_LABELS,
  CONCERN_CORRECTION_FIELD_LABELS,
  CONCERN_OUTCOME_LABELS,
  type ConcernCorrectionField,
  type ConcernDetail,
} from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { labelOf } from '../components/format';
import { concernApi, toldHowWords, type ConcernFull } from './concernsApi';
import { fileSize } from './files';

export function Addenda({ addenda }: { addenda: ConcernFull['addenda'] }) {
  return (
    <>
      <h2 className="heading-m">Additions</h2>
      {addenda.length === 0 ? (
        <p className="secondary-text">Nothing has been added.</p>
      ) : (
        <ol className="timeline" aria-label="Additions, oldest first">
          {addenda.map((a) => (
            <li key={a.id} className="timeline__item">
              <h3 className="timeline__title">{a.reason}</h3>
              <p className="timeline__meta">
                <time dateTime={a.addedAt}>{formatDateTime(a.addedAt)}</time>, by {a.addedByName}
              </p>
              <p className="pre-line">{a.text}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** A corrected value in words; `value` is what the correction stored (JSON), so it is checked first. */
function correctionValue(field: ConcernCorrectionField, value: unknown, pupils: ConcernFull['pupils']): string {
  if (field === 'category' && typeof value === 'string') return labelOf(CONCERN_CATEGORY_LABELS, value);
  if (field === 'restricted') return value === true ? 'In the safeguarding record' : 'Not in the safeguarding record';
  if (field === 'occurredAt' && typeof value === 'string') return formatDateTime(value);
  if (field === 'pupils' && Array.isArray(value)) {
    const names = value.map((id) => pupils.find((p) => p.id === id)?.name ?? 'a pupil no longer on this concern');
    return names.join(', ');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function Corrections({ concern: c }: { concern: ConcernFull }) {
  if (c.corrections.length === 0) return null;
  return (
    <>
      <h2 className="heading-m">Corrections</h2>
      <ol className="timeline" aria-label="Corrections, oldest first">
        {c.corrections.map((k) => (
          <li key={k.id} className="timeline__item">
            <h3 className="timeline__title">{CONCERN_CORRECTION_FIELD_LABELS[k.field]}</h3>
            <p className="timeline__meta">
              <time dateTime={k.changedAt}>{formatDateTime(k.changedAt)}</time>, by {k.changedByName}
            </p>
            <p className="change">
              <span className="change__old">
                <span className="visually-hidden">Was: </span>
                {correctionValue(k.field, k.from, c.pupils)}
              </span>
              <span className="change__arrow" aria-hidden="true">
                →
              </span>
              <span className="change__new">
                <span className="visually-hidden">, now: </span>
                {correctionValue(k.field, k.to, c.pupils)}
              </span>
            </p>
            <p className="timeline__label">Reason</p>
            <p className="pre-line">{k.reason}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

export function Files({ school, concern: c }: { school: SessionSchool; concern: ConcernFull }) {
  if (c.files.length === 0) return null;
  return (
    <>
      <h2 className="heading-m">Files</h2>
      <ul className="list list--plain">
        {c.files.map((f) => (
          <li key={f.id}>
            <a
              href={`${concernApi(school.id, c.id)}/files/${encodeURIComponent(f.id)}`}
              download={f.fileName}
              className="break-anywhere"
            >
              {f.fileName}
            </a>{' '}
            <span className="secondary-text">
              ({f.contentType === 'application/pdf' ? 'PDF' : 'photo'}, {fileSize(f.size)})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function StatusTimeline({ concern: c }: { concern: ConcernDetail }) {
  const events: { key: string; at: string; title: string; detail?: string }[] = [
    { key: 'logged', at: c.loggedAt, title: `Logged by ${c.loggedByName}` },
  ];
  if (c.acknowledgedAt !== null) {
    events.push({
      key: 'ack',
      at: c.acknowledgedAt,
      title: `Acknowledged${c.acknowledgedByName !== null ? ` by ${c.acknowledgedByName}` : ''}`,
    });
  }
  if (c.escalatedToDslAt !== null) events.push({ key: 'dsl', at: c.escalatedToDslAt, title: 'Passed to the DSL' });
  if (c.parentsToldAt !== null && !c.fromParent) {
    events.push({
      key: 'parents',
      at: c.parentsToldAt,
      title: `Parents told ${toldHowWords(c.parentsToldHow).toLowerCase()}`,
    });
  }
  if (c.closedAt !== null) {
    events.push({
      key: 'closed',
      at: c.closedAt,
      title: `Closed: ${c.outcome !== null ? CONCERN_OUTCOME_LABELS[c.outcome] : 'no outcome recorded'}`,
      ...(c.outcomeNote !== null ? { detail: c.outcomeNote } : {}),
    });
  }
  events.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <>
      <h2 className="heading-m">What has happened</h2>
      <ol className="timeline" aria-label="What has happened, oldest first">
        {events.map((e) => (
          <li key={e.key} className="timeline__item">
            <h3 className="timeline__title">{e.title}</h3>
            <p className="timeline__meta">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            </p>
            {e.detail !== undefined && <p className="pre-line">{e.detail}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}
