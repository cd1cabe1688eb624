/** Transfer rows to API answers, in one place. */
import type { TransferPart, TransferSummary } from '@tandem/core';
import { pupilName } from '../platform/directory';
import { unsent, type PartRow, type PupilRow, type TransferRow } from './transfers.queries';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function partOut(part: PartRow, dueOn: string, today: string): TransferPart {
  return {
    id: part.id,
    file: part.file,
    status: part.status,
    overdue: unsent(part) && dueOn < today,
    items: part.items,
    preparedAt: iso(part.preparedAt),
    downloadedAt: iso(part.downloadedAt),
    fetchedAt: iso(part.fetchedAt),
    sentAt: iso(part.sentAt),
    sentHow: part.sentHow,
    receivedAt: iso(part.receivedAt),
    receiptBy: part.receiptBy,
    receiptSchool: part.receiptSchool,
    receiptHow: part.receiptHow,
  };
}

export function transferOut(row: { t: TransferRow; p: PupilRow; parts: PartRow[] }, today: string): TransferSummary {
  return {
    id: row.t.id,
    pupil: { id: row.p.id, name: pupilName(row.p), upn: row.p.upn },
    leftOn: row.t.leftOn,
    dueOn: row.t.dueOn,
    destinationName: row.t.destinationName,
    destinationUrn: row.t.destinationUrn,
    destinationUsesTandem: row.t.destinationUsesTandem,
    // The child-protection file first, as it is listed everywhere.
    parts: [...row.parts].sort((a, b) => a.file.localeCompare(b.file)).map((p) => partOut(p, row.t.dueOn, today)),
  };
}
