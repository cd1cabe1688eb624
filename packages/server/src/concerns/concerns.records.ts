/**
 * The concerns' part of everything Tandem holds about a pupil (subject access, the files sent to the
 * next school, retention): each concern about the pupil, what was added to it or corrected later,
 * its actions, and the files attached to it (their names, types and sizes, never their bytes).
 * Drafts are not records: a concern being written is not yet held about anyone.
 *
 * A concern in the restricted safeguarding record is the child-protection file: it is read only
 * when the query asks for the restricted record (the DSL team, or retention), and left out in the
 * SQL itself otherwise, so nothing about it is even loaded.
 *
 * Reading is in concerns.records-read.ts (its text in concerns.records-text.ts), destroying in
 * concerns.records-destroy.ts, and the record class and suggestion in concerns.record-class.ts.
 */
import type { PupilRecordSource } from '../platform/registries';
import { CONCERN_RECORDS_SOURCE } from './concerns.record-class';
import { destroyConcernRecords } from './concerns.records-destroy';
import { readConcernRecords } from './concerns.records-read';

export {
  CHILD_PROTECTION_REASON,
  concernRecordClass,
  concernSuggestion,
  OTHER_PUPIL_REASON,
} from './concerns.record-class';

export const concernRecords: PupilRecordSource = {
  name: CONCERN_RECORDS_SOURCE,
  records: readConcernRecords,
  destroy: destroyConcernRecords,
};
