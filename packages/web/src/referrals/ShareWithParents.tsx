/**
 * Whether the child's parents see this referral in the parent portal: a button to share it, or the
 * day it was shared. A restricted referral is never shared, and a draft not yet, so neither shows it.
 */
import { referralDetailSchema } from '@tandem/core';
import { apiPost } from '../api/client';
import { formatDate } from '../components/dates';
import { Button } from '../components/Form';
import { useAction } from '../components/useAction';
import { referralApi, type Detail } from './referralsApi';

export function ShareWithParents({
  schoolId,
  data,
  onDone,
}: {
  schoolId: string;
  data: Detail;
  onDone: (title: string, text?: string) => void;
}) {
  const r = data.referral;
  const action = useAction();
  if (r.restricted || r.status === 'draft') return null;
  const share = () =>
    action.run(async () => {
      await apiPost(`${referralApi(schoolId, r.id)}/share-with-parents`, { version: r.version }, referralDetailSchema);
      onDone('Shared with parents', 'They can now see where the referral stands in Tandem.');
    });
  return (
    <section aria-labelledby="parents-title" className="referral-section">
      <h2 className="heading-l" id="parents-title">
        Parents and carers
      </h2>
      {r.sharedWithParentsAt !== null ? (
        <p>
          Shared with parents on <time dateTime={r.sharedWithParentsAt}>{formatDate(r.sharedWithParentsAt)}</time>. They
          see where it stands and how long they have waited, never what it says.
        </p>
      ) : (
        <>
          <p className="hint">
            Parents see where the referral stands, how long they have waited and support while they wait, never what it
            says.
          </p>
          {action.problem !== null && (
            <p className="error-text" role="alert">
              {action.problem}
            </p>
          )}
          <Button
            variant="secondary"
            busy={action.busy}
            busyText="Sharing…"
            onClick={() => {
              void share();
            }}
          >
            Share with parents
          </Button>
        </>
      )}
    </section>
  );
}
