import { yearGroupLabel, type PupilListQuery } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { toCsv } from '../../http/csv';
import { pupilListFor } from './list-pupils';

const EXPORT_LIMIT = 5000;

/** The pupil list as CSV, with the same filters and the same need-to-know rules as on screen. Audited. */
export async function exportPupils(deps: AppDeps, request: SchoolRequest, q: PupilListQuery): Promise<string> {
  const page = await inSchool(deps, request, 'pupil.readList', async (w) => {
    const listed = await pupilListFor(w, { ...q, after: undefined, limit: EXPORT_LIMIT });
    await w.audit(
      { action: 'pupil.list_exported', detail: { rows: listed.pupils.length } },
      { type: 'pupil_list', id: null },
    );
    return listed;
  });
  const header = ['Surname', 'First name', 'Preferred name', 'Year group', 'Form', 'Level', 'Left'];
  return toCsv(
    header,
    page.pupils.map((p) => [
      p.familyName,
      p.givenName,
      p.preferredName ?? '',
      yearGroupLabel(p.yearGroup),
      p.form,
      'level' in p ? (p.level ?? 'Thriving') : '',
      p.left ? 'Yes' : 'No',
    ]),
  );
}
