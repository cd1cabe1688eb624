/** The pupil's parents and carers on record, to pick who made a request (those who manage requests). Audited. */
import type { SubjectAccessContactsResponse } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { loadPupilInSchool, pupilName } from '../../platform/directory';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { contactsOf } from '../subject-access.queries';

export async function listContacts(
  deps: AppDeps,
  at: SchoolRequest,
  pupilId: string,
): Promise<SubjectAccessContactsResponse> {
  return inSchool(deps, at, 'records.subjectAccess', async (s) => {
    const pupil = await loadPupilInSchool(s.tx, s.schoolId, pupilId);
    const rows = (await contactsOf(s.tx, s.schoolId, pupilId)).filter((c) => !c.noContact);
    await s.audit(
      { action: 'subject_access.contacts_listed', detail: { pupilId, contacts: rows.length } },
      { type: 'pupil', id: pupilId },
    );
    return {
      pupil: { id: pupil.id, name: pupilName(pupil), yearGroup: pupil.yearGroup, form: pupil.form },
      contacts: rows.map((c) => ({
        id: c.id,
        name: c.name,
        relationship: c.relationship,
        parentalResponsibility: c.parentalResponsibility,
      })),
    };
  });
}
