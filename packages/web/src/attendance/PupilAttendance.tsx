import type { SessionSchool } from '../auth/session';

/** Filled in by its feature. */
export function PupilAttendance(_props: { school: SessionSchool; pupilId: string; pupilName: string }) {
  return null;
}
