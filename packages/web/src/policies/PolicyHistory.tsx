/** A version's file or link, and every version of a policy, newest first. */
import type { PolicyDetail, PolicyVersion } from '@tandem/core';
import { DocumentLink } from '../components/DocumentUpload';
import { formatIsoDay } from '../components/dates';
import { Table } from '../components/Table';

/** The version's file and link, whichever it has. */
export function VersionSource({ schoolId, version }: { schoolId: string; version: PolicyVersion }) {
  const link = version.link;
  return (
    <>
      {version.document !== null && <DocumentLink place={{ schoolId }} doc={version.document} />}
      {version.document !== null && link !== null && <br />}
      {link !== null && (
        <a href={link} className="break-anywhere" target="_blank" rel="noreferrer">
          {link.replace(/^https:\/\//, '')}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      )}
      {version.document === null && link === null && <span className="secondary-text">No file or link</span>}
    </>
  );
}

export function PolicyHistory({ schoolId, detail }: { schoolId: string; detail: PolicyDetail }) {
  return (
    <section aria-labelledby="history-title">
      <h2 className="heading-m" id="history-title">
        Every version
      </h2>
      <p className="secondary-text">Newest first. Earlier versions are kept; only the newest is in force.</p>
      <Table
        caption="Every version of this policy, newest first"
        captionHidden
        rows={detail.history}
        rowKey={(v) => String(v.version)}
        columns={[
          { key: 'version', header: 'Version', label: 'Version', numeric: true, cell: (v) => v.version },
          {
            key: 'approved',
            header: 'Approved',
            label: 'Approved',
            cell: (v) => (
              <>
                <time dateTime={v.approvedOn}>{formatIsoDay(v.approvedOn)}</time>
                <br />
                <span className="secondary-text">by {v.approvedBy}</span>
              </>
            ),
          },
          {
            key: 'summary',
            header: 'What changed',
            label: 'What changed',
            cell: (v) => (v.summary === '' ? <span className="secondary-text">Not said</span> : v.summary),
          },
          {
            key: 'source',
            header: 'File or link',
            label: 'File or link',
            cell: (v) => <VersionSource schoolId={schoolId} version={v} />,
          },
          { key: 'by', header: 'Added by', label: 'Added by', cell: (v) => v.addedByName },
        ]}
      />
    </section>
  );
}
