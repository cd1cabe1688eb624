/**
 * Attendance as the school's MIS records it: the Department for Education's national attendance
 * and absence codes (School attendance regulations, from August 2024), the two kinds of file the
 * school imports (a week's totals per pupil, and each session's mark), and the missing list.
 */

/** What an attendance file holds (attendance_imports.kind). */
export const ATTENDANCE_IMPORT_KINDS = ['weeks', 'marks'] as const;
export type AttendanceImportKind = (typeof ATTENDANCE_IMPORT_KINDS)[number];
export const ATTENDANCE_IMPORT_KIND_LABELS: Record<AttendanceImportKind, string> = {
  weeks: 'Weekly totals (possible and attended sessions, authorised and unauthorised absence)',
  marks: 'Session marks (each morning and afternoon register, with its code)',
};

export const SESSIONS = ['am', 'pm'] as const;
export type Session = (typeof SESSIONS)[number];
export const SESSION_LABELS: Record<Session, string> = { am: 'Morning', pm: 'Afternoon' };

/**
 * How a code counts: present; attending an approved educational activity off site (counts as
 * attending); authorised or unauthorised absence; or not a possible session (not counted at all).
 */
export const CODE_CATEGORIES = ['present', 'approved_activity', 'authorised', 'unauthorised', 'not_possible'] as const;
export type CodeCategory = (typeof CODE_CATEGORIES)[number];

export interface AttendanceCode {
  code: string;
  meaning: string;
  category: CodeCategory;
  /** Taught elsewhere: alternative provision, dual registration, the local authority's provision. */
  elsewhere?: true;
  /** Absent because of illness or a medical appointment. */
  medical?: true;
  /** Absent and the school does not yet know why (the missing list looks for these). */
  unexplained?: true;
}

/** The national codes (2024). A code not in this list is refused by the import. */
export const ATTENDANCE_CODES: readonly AttendanceCode[] = [
  { code: '/', meaning: 'Present (morning)', category: 'present' },
  { code: '\\', meaning: 'Present (afternoon)', category: 'present' },
  { code: 'L', meaning: 'Late, arrived before the register closed', category: 'present' },
  {
    code: 'K',
    meaning: 'Attending education provision arranged by the local authority',
    category: 'approved_activity',
    elsewhere: true,
  },
  { code: 'V', meaning: 'Attending an educational visit or trip', category: 'approved_activity' },
  { code: 'P', meaning: 'Participating in a sporting activity', category: 'approved_activity' },
  { code: 'W', meaning: 'Attending work experience', category: 'approved_activity' },
  {
    code: 'B',
    meaning: 'Attending any other approved educational activity',
    category: 'approved_activity',
    elsewhere: true,
  },
  { code: 'D', meaning: 'Dual registered, at another setting', category: 'not_possible', elsewhere: true },
  { code: 'C1', meaning: 'Leave for a regulated performance or employment abroad', category: 'authorised' },
  { code: 'M', meaning: 'Leave for a medical or dental appointment', category: 'authorised', medical: true },
  { code: 'J1', meaning: 'Leave for an interview', category: 'authorised' },
  { code: 'S', meaning: 'Study leave', category: 'authorised' },
  { code: 'X', meaning: 'Not required to be in school (non-compulsory school age)', category: 'not_possible' },
  { code: 'C2', meaning: 'Leave for a part-time timetable', category: 'authorised' },
  { code: 'C', meaning: 'Leave for exceptional circumstances', category: 'authorised' },
  { code: 'T', meaning: 'Parent travelling for occupational purposes', category: 'authorised' },
  { code: 'R', meaning: 'Religious observance', category: 'authorised' },
  { code: 'I', meaning: 'Illness (not medical or dental appointment)', category: 'authorised', medical: true },
  { code: 'E', meaning: 'Suspended or permanently excluded, no alternative provision made', category: 'authorised' },
  { code: 'Q', meaning: 'Unable to attend: lack of access arrangements', category: 'not_possible' },
  { code: 'Y1', meaning: 'Unable to attend: transport normally provided not available', category: 'not_possible' },
  { code: 'Y2', meaning: 'Unable to attend: widespread disruption to travel', category: 'not_possible' },
  { code: 'Y3', meaning: 'Unable to attend: part of the school premises closed', category: 'not_possible' },
  { code: 'Y4', meaning: 'Unable to attend: whole school site unexpectedly closed', category: 'not_possible' },
  { code: 'Y5', meaning: 'Unable to attend: criminal justice detention', category: 'not_possible' },
  { code: 'Y6', meaning: 'Unable to attend: public health guidance or law', category: 'not_possible' },
  { code: 'Y7', meaning: 'Unable to attend: any other unavoidable cause', category: 'not_possible' },
  { code: 'G', meaning: 'Holiday not granted by the school', category: 'unauthorised' },
  { code: 'N', meaning: 'Reason for absence not yet established', category: 'unauthorised', unexplained: true },
  { code: 'O', meaning: 'Absent in other or unknown circumstances', category: 'unauthorised', unexplained: true },
  { code: 'U', meaning: 'Arrived in school after registration closed', category: 'unauthorised' },
  { code: 'Z', meaning: 'Prospective pupil not on admission register', category: 'not_possible' },
  { code: '#', meaning: 'Planned whole or partial school closure', category: 'not_possible' },
];

const BY_CODE = new Map(ATTENDANCE_CODES.map((c) => [c.code, c]));

/** The code as the national list spells it ("c2" and " C2 " are "C2"), or null when it is not one. */
export function attendanceCode(raw: string): AttendanceCode | null {
  const code = raw.trim().toUpperCase();
  return BY_CODE.get(code) ?? null;
}

/** Codes for an absence the school does not yet know the reason for (N, O). */
export const UNEXPLAINED_CODES: readonly string[] = ATTENDANCE_CODES.filter((c) => c.unexplained).map((c) => c.code);
/** Codes counted as absent: authorised and unauthorised. */
export const ABSENT_CODES: readonly string[] = ATTENDANCE_CODES.filter(
  (c) => c.category === 'authorised' || c.category === 'unauthorised',
).map((c) => c.code);

/** How a pupil came to be on the missing list (missing_list_changes.action). */
export const MISSING_LIST_ACTIONS = ['added', 'removed'] as const;
export type MissingListAction = (typeof MISSING_LIST_ACTIONS)[number];

/** The level from which a pupil is on the missing list without anyone adding them. */
export const MISSING_LIST_FROM_LEVEL = 'MH4' as const;

/** Consecutive school days absent without explanation before a pupil is listed for children missing education. */
export const CME_CONSECUTIVE_DAYS = 10;

/** What the DSL did about a pupil on the missing list who was absent without a reason. */
export const MISSING_ACTIONS_TAKEN = [
  'contacted_parents',
  'reason_found',
  'home_visit',
  'police_informed',
  'social_care_informed',
  'other',
] as const;
export type MissingActionTaken = (typeof MISSING_ACTIONS_TAKEN)[number];
export const MISSING_ACTION_TAKEN_LABELS: Record<MissingActionTaken, string> = {
  contacted_parents: 'Contacted parents or carers',
  reason_found: 'Reason for absence found',
  home_visit: 'Home visit made',
  police_informed: 'Police informed',
  social_care_informed: "Children's social care informed",
  other: 'Something else',
};
