/**
 * The rules of a referral: the parts each service requires before it may be sent, the one path of
 * statuses (which step may follow which, and what each step needs), and the wait against the
 * standard. Pure functions; the server loads, these decide.
 */
import {
  REFERRAL_PART_LABELS,
  REFERRAL_STATUS_LABELS,
  type ReferralConsent,
  type ReferralPart,
  type ReferralService,
  type ReferralStatus,
} from './referrals.values';

/**
 * The parts each service needs before a referral may be sent. Incomplete referrals are a leading
 * reason referrals are not accepted (seed 003): CAMHS, for one, asks for the reason, how long and
 * the impact, risk, what school has tried with outcomes, consent and the GP.
 */
export const REQUIRED_PARTS: Record<ReferralService, readonly ReferralPart[]> = {
  camhs: ['reason', 'durationImpact', 'risk', 'tried', 'consent', 'gp'],
  mhst: ['reason', 'durationImpact', 'tried', 'pupilView', 'consent'],
  early_help: ['reason', 'familyContext', 'tried', 'consent'],
  social_care: ['reason', 'risk', 'familyContext', 'consent'],
  school_nurse: ['reason', 'consent'],
  counselling: ['reason', 'pupilView', 'consent'],
  medical_education: ['reason', 'medicalEvidence', 'gp', 'consent'],
};

export interface ReferralContent {
  service: ReferralService;
  parts: Partial<Record<ReferralPart, string>>;
  consent: ReferralConsent | null;
  /** Why parents were not asked (or what they said), when consent is not "given". */
  consentNote: string;
}

export interface MissingPart {
  part: ReferralPart;
  label: string;
  /** What to do, shown in the list of what is missing. */
  message: string;
}

/** Every required part still missing, in the form's order. Empty when the referral may be sent. */
export function missingParts(r: ReferralContent): MissingPart[] {
  const missing: MissingPart[] = [];
  for (const part of REQUIRED_PARTS[r.service]) {
    const { label } = REFERRAL_PART_LABELS[part];
    if (part === 'consent') {
      if (r.consent === null) missing.push({ part, label, message: 'Say whether parents agreed to the referral' });
      else if (r.consent !== 'given' && r.consentNote.trim() === '') {
        missing.push({
          part,
          label,
          message:
            r.consent === 'not_sought'
              ? 'Say why parents were not asked'
              : 'Say what parents said, and why the referral goes ahead',
        });
      }
      continue;
    }
    if ((r.parts[part] ?? '').trim() === '') missing.push({ part, label, message: `Fill in “${label}”` });
  }
  return missing;
}

/**
 * A social-care referral made without asking parents, because asking could put the child at risk:
 * the referral lives in the restricted record, and Tandem never contacts the parents about it.
 */
export function isRestrictedReferral(r: Pick<ReferralContent, 'service' | 'consent'>): boolean {
  return r.service === 'social_care' && r.consent === 'not_sought';
}

/** Which status may follow which. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['sent'],
  sent: ['acknowledged', 'accepted', 'declined'],
  acknowledged: ['accepted', 'declined'],
  accepted: ['waiting', 'first_appointment', 'closed'],
  declined: ['closed'],
  waiting: ['first_appointment', 'closed'],
  first_appointment: ['closed'],
  closed: [],
};

export interface StepRequest {
  to: ReferralStatus;
  /** The day the step happened (YYYY-MM-DD). */
  on: string;
  note: string;
  /** Declined: why, and where the pupil was signposted instead. */
  declineReason?: string;
  signpostedTo?: string;
}

/** Why a step is refused, in words for the person trying it; null when it may be taken. */
export function stepProblem(
  r: ReferralContent & { status: ReferralStatus; sentOn: string | null; lastStepOn: string | null },
  step: StepRequest,
  today: string,
): { path: string; message: string } | null {
  if (!REFERRAL_TRANSITIONS[r.status].includes(step.to)) {
    const allowed = REFERRAL_TRANSITIONS[r.status].map((s) => REFERRAL_STATUS_LABELS[s].toLowerCase());
    return {
      path: 'to',
      message:
        allowed.length === 0
          ? `This referral is ${REFERRAL_STATUS_LABELS[r.status].toLowerCase()}: nothing follows it.`
          : `A referral that is ${REFERRAL_STATUS_LABELS[r.status].toLowerCase()} can next be: ${allowed.join(' or ')}.`,
    };
  }
  if (step.to === 'sent') {
    const missing = missingParts(r);
    if (missing.length > 0) {
      return {
        path: 'to',
        message: `The referral cannot be sent until it is complete: ${missing.length} part${missing.length === 1 ? '' : 's'} missing.`,
      };
    }
  }
  if (step.on > today) return { path: 'on', message: 'The date cannot be in the future' };
  if (r.sentOn !== null && step.on < r.sentOn)
    return { path: 'on', message: 'The date cannot be before the referral was sent' };
  if (r.lastStepOn !== null && step.on < r.lastStepOn) {
    return { path: 'on', message: 'The date cannot be before the step before it' };
  }
  if (step.to === 'declined') {
    if ((step.declineReason ?? '').trim() === '')
      return { path: 'declineReason', message: 'Say why the service declined the referral' };
    if ((step.signpostedTo ?? '').trim() === '') {
      return { path: 'signpostedTo', message: 'Say where the pupil was signposted instead (or "nowhere")' };
    }
  }
  return null;
}

const DAY = 86_400_000;

/** Whole days between two YYYY-MM-DD days. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/**
 * The wait from sent to first appointment: finished when the first appointment was held, else the
 * days so far (until today) while the referral is still open. Null before it is sent, or when it was
 * declined or closed without an appointment.
 */
export function referralWait(
  r: { sentOn: string | null; firstAppointmentOn: string | null; status: ReferralStatus },
  today: string,
): { days: number; finished: boolean } | null {
  if (r.sentOn === null) return null;
  if (r.firstAppointmentOn !== null) return { days: daysBetween(r.sentOn, r.firstAppointmentOn), finished: true };
  if (r.status === 'declined' || r.status === 'closed') return null;
  return { days: daysBetween(r.sentOn, today), finished: false };
}

/** The p-th percentile (0..1) of whole-day waits, interpolated as PostgreSQL's percentile_cont does. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const at = (s.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo]! + (s[hi]! - s[lo]!) * (at - lo);
}
