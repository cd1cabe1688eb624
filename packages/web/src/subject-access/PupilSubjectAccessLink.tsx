/** On a pupil's record, for those who manage subject access requests: record one about this pupil. */
import { schoolCan, type SessionSchool } from '../auth/session';
import { Link } from '../router/router';
import { newRequestPage } from './subjectAccessApi';

export function PupilSubjectAccessLink({
  school,
  pupil,
}: {
  school: SessionSchool;
  pupil: { id: string; name: string };
}) {
  if (!schoolCan(school, 'records.subjectAccess')) return null;
  return (
    <p>
      <Link to={newRequestPage(school.id, pupil.id)}>Record a subject access request about {pupil.name}</Link>
    </p>
  );
}
