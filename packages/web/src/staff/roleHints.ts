import type { SchoolStaffRole } from '@tandem/core';

/** What each staff role can see and do, in plain words, for the invite and role forms. */
export const ROLE_HINTS: Record<SchoolStaffRole, string> = {
  school_admin:
    'Manages staff accounts, roles and school settings, and imports the pupil list. Does not see case records.',
  headteacher:
    'Sees everything in the school except the restricted safeguarding record (unless also a DSL). Can manage staff and see the audit trail.',
  smhl: 'Leads mental health: levels, plans, interventions, referrals and reports. Sees full case records.',
  dsl: 'Receives urgent and child-protection concerns. Can read the restricted safeguarding record and the audit trail.',
  deputy_dsl: 'Shares the DSL’s work: urgent concerns, the restricted safeguarding record and the audit trail.',
  sendco: 'Case work for their pupils: concerns, plans, referrals and meetings. Sees full case records.',
  early_help_lead: 'Case work for their pupils: concerns, plans, referrals and meetings. Sees full case records.',
  pastoral_lead: 'Case work for their pupils: concerns, plans, referrals and meetings. Sees full case records.',
  intervention_staff: 'Runs interventions and records sessions and scores for the pupils in their groups.',
  teacher: 'Logs concerns. Sees only the staff summary (level and what to do) for pupils they teach.',
  support_staff: 'Logs concerns. Sees only the staff summary (level and what to do) for pupils they work with.',
  first_aider: 'Logs concerns. Sees only the staff summary (level and what to do) for pupils they work with.',
};

/** What someone stops being able to see or do when a role is removed. */
export const ROLE_ACCESS: Record<SchoolStaffRole, string> = {
  school_admin: 'managing staff, school settings and the pupil import',
  headteacher: 'the school’s case records, managing staff and the audit trail',
  smhl: 'pupils’ case records, levels, plans, referrals and reports',
  dsl: 'urgent concerns, the restricted safeguarding record and the audit trail',
  deputy_dsl: 'urgent concerns, the restricted safeguarding record and the audit trail',
  sendco: 'pupils’ case records, plans and referrals',
  early_help_lead: 'pupils’ case records, plans and referrals',
  pastoral_lead: 'pupils’ case records, plans and referrals',
  intervention_staff: 'their intervention groups and the pupils in them',
  teacher: 'staff summaries of the pupils they teach',
  support_staff: 'staff summaries of the pupils they work with',
  first_aider: 'staff summaries of the pupils they work with',
};
