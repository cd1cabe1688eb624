/** The words a subject access request is recorded in: who asked, how it came, where it stands. */

/** Who made the request: a parent or carer, the pupil themself, or someone acting for them. */
export const REQUESTER_KINDS = ['parent', 'pupil', 'representative'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];
export const REQUESTER_KIND_LABELS: Record<RequesterKind, string> = {
  parent: 'A parent or carer',
  pupil: 'The pupil themself',
  representative: 'Someone acting for them (a solicitor, an advocate, a social worker)',
};

export const RECEIVED_HOW = ['letter', 'email', 'portal'] as const;
export type ReceivedHow = (typeof RECEIVED_HOW)[number];
export const RECEIVED_HOW_LABELS: Record<ReceivedHow, string> = {
  letter: 'Letter',
  email: 'E-mail',
  portal: 'The family portal',
};

/** Where a request stands, worked out from what has been recorded (never stored on its own). */
export const SAR_STATUSES = ['received', 'identity_checked', 'in_review', 'extended', 'sent', 'closed'] as const;
export type SarStatus = (typeof SAR_STATUSES)[number];
export const SAR_STATUS_LABELS: Record<SarStatus, string> = {
  received: 'Received',
  identity_checked: 'Identity checked',
  in_review: 'In review',
  extended: 'Extended',
  sent: 'Sent',
  closed: 'Closed',
};

/**
 * Why an item is withheld or redacted, as a category: the JSON export counts withheld items by
 * these only, never with the reason written.
 */
export const EXEMPTION_CATEGORIES = ['third_party', 'staff_confidence', 'risk_of_harm', 'other'] as const;
export type ExemptionCategory = (typeof EXEMPTION_CATEGORIES)[number];
export const EXEMPTION_CATEGORY_LABELS: Record<ExemptionCategory, string> = {
  third_party: 'Information about another person (another pupil, a family member)',
  staff_confidence: 'A staff opinion given in confidence',
  risk_of_harm: 'Disclosure could put the child or someone else at risk of serious harm',
  other: 'Another exemption',
};

export const DISCLOSURE_DECISION_LABELS = {
  disclose: 'Disclose',
  redact: 'Disclose with redactions',
  withhold: 'Withhold',
} as const;

/** A request within this many days of its deadline is on its managers' home page. */
export const SAR_WARNING_DAYS = 7;

/** What a person without the safeguarding record sees in its place. */
export const RESTRICTED_REVIEW_NOTE = 'Items from the safeguarding record are reviewed by the DSL team.';
