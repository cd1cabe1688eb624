/** One written part of a referral: its label and hint from core, and "Needed" when the service asks for it. */
import { REFERRAL_PART_LABELS, type ReferralPart } from '@tandem/core';
import type { ReactNode } from 'react';
import { TextareaField } from '../components/Form';
import { Tag } from '../components/Page';

export function NeededMark({ needed }: { needed: boolean }) {
  return needed ? <Tag tone="blue">Needed</Tag> : null;
}

export function PartField({
  part,
  needed,
  value,
  onValueChange,
  error,
  children,
}: {
  part: ReferralPart;
  needed: boolean;
  value: string;
  onValueChange: (value: string) => void;
  error: string | undefined;
  /** Below the box: the history's picker. */
  children?: ReactNode;
}) {
  const { label, hint } = REFERRAL_PART_LABELS[part];
  return (
    <div className="referral-part">
      <TextareaField
        name={`parts.${part}`}
        label={
          <>
            {label} <NeededMark needed={needed} />
          </>
        }
        hint={hint}
        rows={part === 'gp' ? 2 : part === 'history' ? 8 : 5}
        maxChars={10000}
        value={value}
        onValueChange={onValueChange}
        error={error}
      />
      {children}
    </div>
  );
}
