/** A statement's evidence as links: web pages, records in Tandem, and documents. */
import type { Evidence } from '@tandem/core';
import { documentHref, documentSize } from '../components/DocumentUpload';
import { Link } from '../router/router';

export function evidenceKey(e: Evidence): string {
  return e.kind === 'link'
    ? `link:${e.url}`
    : e.kind === 'record'
      ? `${e.recordKind}:${e.recordId}`
      : `doc:${e.documentId}`;
}

export function EvidenceItem({ schoolId, item }: { schoolId: string; item: Evidence }) {
  if (item.kind === 'link') {
    return (
      <>
        <a href={item.url} rel="noopener noreferrer" target="_blank" className="break-anywhere">
          {item.label}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>{' '}
        <span className="secondary-text">(web page)</span>
      </>
    );
  }
  if (item.kind === 'record') {
    return (
      <>
        <Link to={item.href}>{item.label}</Link> <span className="secondary-text">(record in Tandem)</span>
      </>
    );
  }
  if (item.size === null) return <span>{item.label} (no longer available)</span>;
  return (
    <>
      <a href={documentHref({ schoolId }, item.documentId)} download={item.label} className="break-anywhere">
        {item.label}
      </a>{' '}
      <span className="secondary-text">(document, {documentSize(item.size)})</span>
    </>
  );
}

export function EvidenceList({ schoolId, items }: { schoolId: string; items: readonly Evidence[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="list sa-evidence">
      {items.map((e) => (
        <li key={evidenceKey(e)}>
          <EvidenceItem schoolId={schoolId} item={e} />
        </li>
      ))}
    </ul>
  );
}
