/** A referral's status as a tag, with "Restricted" and "Emergency" beside it when they apply. */
import type { ReferralSummary } from '@tandem/core';
import { Tag, TagList } from '../components/Page';
import { UrgentTag } from '../concerns/ConcernBits';
import { statusLabel, statusTone } from './referralsApi';

export function ReferralTags({
  referral: r,
}: {
  referral: Pick<ReferralSummary, 'status' | 'restricted' | 'emergency'>;
}) {
  return (
    <TagList label="Status">
      <li>
        <Tag tone={statusTone(r.status)}>{statusLabel(r.status)}</Tag>
      </li>
      {r.emergency && (
        <li>
          <UrgentTag>Emergency</UrgentTag>
        </li>
      )}
      {r.restricted && (
        <li>
          <Tag tone="grey">Restricted: DSL team only</Tag>
        </li>
      )}
    </TagList>
  );
}
