/**
 * Whether parents agreed to the referral, with a note that is needed when they did not or were not
 * asked. A social-care referral made without asking parents becomes restricted: the DSL team's.
 */
import {
  REFERRAL_CONSENT,
  REFERRAL_CONSENT_LABELS,
  REFERRAL_PART_LABELS,
  type ReferralConsent,
  type ReferralService,
} from '@tandem/core';
import { Radios, TextareaField } from '../components/Form';
import { WarningText } from '../components/Page';
import { isOneOf } from '../components/format';
import { NeededMark } from './PartField';

const NOTE_LABELS: Record<ReferralConsent, { label: string; hint: string }> = {
  given: { label: 'Anything to add about consent (optional)', hint: 'For example, who agreed and when.' },
  refused: {
    label: 'What did parents say, and why does the referral go ahead?',
    hint: 'Needed when parents did not agree.',
  },
  not_sought: { label: 'Why were parents not asked?', hint: 'Needed when parents were not asked.' },
};

export function ConsentFields({
  service,
  consent,
  note,
  onConsent,
  onNote,
  errorFor,
  needed,
  mayRestrict,
}: {
  service: ReferralService;
  consent: ReferralConsent | null;
  note: string;
  onConsent: (c: ReferralConsent) => void;
  onNote: (n: string) => void;
  errorFor: (path: string) => string | undefined;
  needed: boolean;
  /** Whether the reader is on the DSL team, who alone may keep a restricted referral. */
  mayRestrict: boolean;
}) {
  const { label, hint } = REFERRAL_PART_LABELS.consent;
  const restricted = service === 'social_care' && consent === 'not_sought';
  return (
    <>
      <Radios
        name="consent"
        legend={
          <>
            {label} <NeededMark needed={needed} />
          </>
        }
        hint={hint}
        options={REFERRAL_CONSENT.map((c) => ({ value: c, label: REFERRAL_CONSENT_LABELS[c] }))}
        value={consent ?? ''}
        onValueChange={(v) => {
          if (isOneOf(REFERRAL_CONSENT, v)) onConsent(v);
        }}
        error={errorFor('consent')}
      />
      {restricted && (
        <div className="referral-restricted">
          <WarningText>
            This becomes a restricted referral: only the DSL team can see it, and parents are never contacted about it
            by Tandem or the school.
          </WarningText>
          {!mayRestrict && <p>Only the DSL team can save a referral like this. Talk to the DSL before you go on.</p>}
        </div>
      )}
      {consent !== null && (
        <TextareaField
          name="consentNote"
          label={NOTE_LABELS[consent].label}
          hint={NOTE_LABELS[consent].hint}
          rows={3}
          maxChars={2000}
          value={note}
          onValueChange={onNote}
          error={errorFor('consentNote')}
        />
      )}
    </>
  );
}
