/**
 * The enumerated values of the parent and pupil portals, with their labels: why a parent has no
 * access, what a parent sends, how a pupil feels, and the help lines shown on every pupil page.
 * This module imports nothing, so the tables and the zod schemas can both import it.
 */

/** Why the school stopped one parent or carer seeing a child in Tandem. */
export const NO_ACCESS_REASONS = ['court_order', 'school_decision'] as const;
export type NoAccessReason = (typeof NO_ACCESS_REASONS)[number];
export const NO_ACCESS_REASON_LABELS: Record<NoAccessReason, string> = {
  court_order: 'A court order',
  school_decision: "The school's decision",
};

/** What a parent sends the school: something at home to know about, or a request for support. */
export const FAMILY_MESSAGE_KINDS = ['tell', 'support'] as const;
export type FamilyMessageKind = (typeof FAMILY_MESSAGE_KINDS)[number];
export const FAMILY_MESSAGE_KIND_LABELS: Record<FamilyMessageKind, string> = {
  tell: 'Something at home',
  support: 'A request for support in school',
};

/** What a parent sees of what they sent: the school has it, then someone has read it. */
export const FAMILY_MESSAGE_STATES = ['received', 'read'] as const;
export type FamilyMessageState = (typeof FAMILY_MESSAGE_STATES)[number];
export const FAMILY_MESSAGE_STATE_LABELS: Record<FamilyMessageState, string> = {
  received: 'Received',
  read: 'Read',
};

/** What a parent confirms they have read. */
export const CONFIRMABLE_ITEMS = ['plan', 'letter'] as const;
export type ConfirmableItem = (typeof CONFIRMABLE_ITEMS)[number];

/** How a pupil feels, 1 (worst) to 5 (best): a face and words, never colour alone. */
export const MOODS = [1, 2, 3, 4, 5] as const;
export type Mood = (typeof MOODS)[number];
export const MOOD_LABELS: Record<Mood, { face: string; words: string }> = {
  1: { face: '😢', words: 'Very bad' },
  2: { face: '🙁', words: 'Not good' },
  3: { face: '😐', words: 'OK' },
  4: { face: '🙂', words: 'Good' },
  5: { face: '😄', words: 'Great' },
};

/** How often the school asks pupils to check in. */
export const CHECKIN_FREQUENCIES = ['daily', 'weekly'] as const;
export type CheckinFrequency = (typeof CHECKIN_FREQUENCIES)[number];
export const CHECKIN_FREQUENCY_LABELS: Record<CheckinFrequency, string> = {
  daily: 'Every school day',
  weekly: 'Once a week',
};

/** Pupil accounts: from Year 7 up, unless the school chooses otherwise. */
export const DEFAULT_PUPIL_ACCOUNT_YEARS = [7, 8, 9, 10, 11, 12, 13] as const;

/** A pupil's check-in that asked to talk: who has it now. */
export const TALK_STATES = ['waiting', 'acknowledged'] as const;
export type TalkState = (typeof TALK_STATES)[number];

/** Help outside school, on every pupil page (the numbers are national and free). */
export const HELP_LINES = [
  { name: 'Childline', how: 'Call 0800 1111', href: 'tel:08001111', detail: 'Free, any time, day or night.' },
  { name: 'Shout', how: 'Text SHOUT to 85258', href: 'sms:85258?body=SHOUT', detail: 'Free text help, any time.' },
  { name: 'Samaritans', how: 'Call 116 123', href: 'tel:116123', detail: 'Free, any time, day or night.' },
] as const;
export const EMERGENCY_LINE = {
  how: 'Call 999',
  href: 'tel:999',
  detail: 'If you or someone else is in danger now.',
} as const;

/**
 * Words and phrases in a check-in note that may mean a pupil is at risk: the school may add its
 * own. Matching ignores case, punctuation and spacing, and accepts the common variants listed.
 */
export const DEFAULT_RISK_WORDS = [
  'kill myself',
  'killing myself',
  'kms',
  'suicide',
  'suicidal',
  'end it',
  'end it all',
  'ending it',
  'end my life',
  'want to die',
  'wanna die',
  'better off dead',
  'hurt myself',
  'hurting myself',
  'self harm',
  'self-harm',
  'selfharm',
  'self harming',
  'cut myself',
  'cutting myself',
  'overdose',
  'not be here anymore',
] as const;
