/** One request with its deadline, extension and identity check (those who manage requests). Audited. */
import { londonToday, type SubjectAccessRequestView } from '@tandem/core';
import type { AppDeps } from '../../platform/deps';
import { inSchool, type SchoolRequest } from '../../platform/gate';
import { requestView } from '../subject-access.mapping';
import { decisionsOf, requestIn } from '../subject-access.queries';
import { decidesRestricted } from '../subject-access.rules';

export async function readRequest(
  deps: AppDeps,
  at: SchoolRequest,
  requestId: string,
): Promise<SubjectAccessRequestView> {
  return inSchool(deps, at, 'records.subjectAccess', async (s) => {
    const { tx, schoolId, actor, now } = s;
    const { r, p, recordedByName } = await requestIn(tx, schoolId, requestId);
    const sees = decidesRestricted(actor, schoolId);
    const decided = (await decisionsOf(tx, schoolId, r.id)).filter((x) => sees || !x.d.restricted).length;
    await s.audit(
      { action: 'subject_access.viewed', detail: { pupilId: p.id } },
      { type: 'subject_access_request', id: r.id },
    );
    return requestView(r, p, { today: londonToday(now), recordedByName, decidesRestricted: sees, decided });
  });
}
