/**
 * Referrals' enumerated values: the services a school refers to, the parts a referral is made of,
 * and its statuses. This module imports nothing; the rules that use them are in referrals.ts.
 */

export const REFERRAL_SERVICES = [
  'camhs',
  'mhst',
  'early_help',
  'social_care',
  'school_nurse',
  'counselling',
  'medical_education',
] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];
export const REFERRAL_SERVICE_LABELS: Record<ReferralService, string> = {
  camhs: 'CAMHS / CYPMHS',
  mhst: 'Mental Health Support Team',
  early_help: 'Early Help',
  social_care: "Children's social care",
  school_nurse: 'School nurse',
  counselling: 'Counselling',
  medical_education: 'Medical education provision',
};

/** The written parts of a referral. Each service requires some of them (REQUIRED_PARTS in referrals.ts). */
export const REFERRAL_PARTS = [
  'reason',
  'durationImpact',
  'risk',
  'tried',
  'pupilView',
  'history',
  'familyContext',
  'medicalEvidence',
  'gp',
  'consent',
] as const;
export type ReferralPart = (typeof REFERRAL_PARTS)[number];
export const REFERRAL_PART_LABELS: Record<ReferralPart, { label: string; hint: string }> = {
  reason: { label: 'Reason for referral', hint: 'What the service is asked to help with, in plain words.' },
  durationImpact: {
    label: 'How long, and the impact',
    hint: 'How long the difficulties have lasted and how they affect school, home and friendships.',
  },
  risk: { label: 'Risk', hint: 'Any risk to the pupil or others, and what is in place to keep them safe.' },
  tried: {
    label: 'What school has already tried',
    hint: 'Support and interventions so far, for how long, and what changed (scores where there are any).',
  },
  pupilView: { label: 'The pupil’s view', hint: 'What the pupil says they want, in their words where possible.' },
  history: {
    label: 'History from the record',
    hint: 'Levels, concerns, plans and interventions chosen from the pupil’s record.',
  },
  familyContext: { label: 'Family context', hint: 'Who is at home and what support the family has.' },
  medicalEvidence: {
    label: 'Medical evidence',
    hint: 'The doctor’s letter or diagnosis that shows the pupil cannot attend school.',
  },
  gp: { label: 'GP', hint: 'The pupil’s GP practice.' },
  consent: { label: 'Parental consent', hint: 'Whether parents agreed, or why consent was not sought.' },
};

/**
 * A referral's path: written, sent, acknowledged by the service, accepted or declined, waiting for
 * a first appointment, seen, closed (REFERRAL_TRANSITIONS in referrals.ts says which step may follow which).
 */
export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'accepted',
  'declined',
  'waiting',
  'first_appointment',
  'closed',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  acknowledged: 'Acknowledged',
  accepted: 'Accepted',
  declined: 'Declined',
  waiting: 'Waiting for a first appointment',
  first_appointment: 'First appointment held',
  closed: 'Closed',
};

/** Where a referral stands, in plain words for the child's parents in the portal (never a draft). */
export const REFERRAL_PARENT_STATE_LABELS: Record<ReferralStatus, string> = {
  draft: 'Being written',
  sent: 'Sent, waiting to hear',
  acknowledged: 'Received, waiting to hear',
  accepted: 'Accepted, waiting for a first appointment',
  declined: 'Not accepted',
  waiting: 'Accepted, waiting for a first appointment',
  first_appointment: 'Seen',
  closed: 'Closed',
};

/** Whether parents agreed to the referral, or why they were not asked. */
export const REFERRAL_CONSENT = ['given', 'refused', 'not_sought'] as const;
export type ReferralConsent = (typeof REFERRAL_CONSENT)[number];
export const REFERRAL_CONSENT_LABELS: Record<ReferralConsent, string> = {
  given: 'Parents agreed',
  refused: 'Parents did not agree',
  not_sought: 'Not asked',
};

/** The standard a referral's wait is measured against, by default: four weeks from sent to first appointment. */
export const DEFAULT_REFERRAL_WAIT_DAYS = 28;
