/**
 * A statement's evidence as it is stored: links as given, records in Tandem checked against what
 * the school's record sources offer now (their label and page kept, as they were when cited), and
 * documents checked against the documents store (their file name kept).
 */
import { AppError, londonToday, type EvidenceInput } from '@tandem/core';
import type { StoredEvidence } from '@tandem/core/schema';
import type { DbOrTx } from '../db/client';
import type { SchoolRecord, SchoolRecordSource } from '../platform/registries';
import { documentInfos, requireDocuments } from '../platform/documents';

/** Every record the school may cite, grouped by source. */
export async function evidenceRecords(
  db: DbOrTx,
  sources: readonly SchoolRecordSource[],
  schoolId: string,
  today: string,
) {
  return Promise.all(
    sources.map(async (source) => ({
      kind: source.kind,
      heading: source.heading,
      records: await source.list(db, { schoolId, today }),
    })),
  );
}

const refused = (index: number, message: string, userMessage: string) =>
  new AppError('validation', 'evidence refused', {
    userMessage,
    fields: [{ path: `evidence.${String(index)}`, message }],
  });

export async function resolveEvidence(
  db: DbOrTx,
  o: { schoolId: string; trustId: string; now: Date; sources: readonly SchoolRecordSource[] },
  items: readonly EvidenceInput[],
): Promise<StoredEvidence[]> {
  const documentIds = items.flatMap((e) => (e.kind === 'document' ? [e.documentId] : []));
  await requireDocuments(db, { schoolId: o.schoolId, trustId: o.trustId }, documentIds, 'evidence');
  const docs = await documentInfos(db, documentIds);
  const recordKinds = new Set(items.flatMap((e) => (e.kind === 'record' ? [e.recordKind] : [])));
  const offered = new Map<string, SchoolRecord>();
  for (const source of o.sources) {
    if (!recordKinds.has(source.kind)) continue;
    for (const r of await source.list(db, { schoolId: o.schoolId, today: londonToday(o.now) })) {
      offered.set(`${source.kind}:${r.id}`, r);
    }
  }
  const seen = new Set<string>();
  const stored: StoredEvidence[] = [];
  items.forEach((e, i) => {
    const key =
      e.kind === 'link'
        ? `link:${e.url}`
        : e.kind === 'record'
          ? `${e.recordKind}:${e.recordId}`
          : `document:${e.documentId}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (e.kind === 'link') {
      stored.push({ kind: 'link', url: e.url, label: e.label });
    } else if (e.kind === 'record') {
      const r = offered.get(key);
      if (!r) {
        throw refused(
          i,
          'Choose a record from the list',
          'That record cannot be cited. Please choose one from the list.',
        );
      }
      stored.push({ kind: 'record', recordKind: e.recordKind, recordId: r.id, label: r.label, href: r.href });
    } else {
      stored.push({
        kind: 'document',
        documentId: e.documentId,
        label: docs.get(e.documentId)?.fileName ?? 'Document',
      });
    }
  });
  return stored;
}
