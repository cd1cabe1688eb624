/**
 * What the keeper of an entry may do from the library: change it, record that it was reviewed and
 * is still right (the yearly reminder then starts again), or withdraw it (kept, but no longer in
 * anyone's library).
 */
import type { Resource } from '@tandem/core';
import { useState } from 'react';
import { apiPost, type ApiError } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Button } from '../components/Form';
import { useAction } from '../components/useAction';
import { myWorkChanged } from '../home/myWorkApi';
import { Link } from '../router/router';
import { okResponse, type LibraryPlace } from './resourcesApi';

export function ResourceKeeping({
  resource: r,
  place,
  onKept,
}: {
  resource: Resource;
  place: LibraryPlace;
  onKept: (title: string, text: string) => void;
}) {
  const action = useAction<'review' | 'withdraw'>();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const who = place.kind === 'trust' ? 'Staff in the trust’s schools' : 'Staff';

  const refused = (e: ApiError) => {
    setConfirming(false);
    setProblem(
      e.code === 'conflict' ? 'Someone changed this entry meanwhile. Reload the page to see their change.' : e.message,
    );
  };

  const review = () =>
    action.runAs(
      'review',
      async () => {
        setProblem(null);
        await apiPost(`${place.entryApi(r.id)}/reviewed`, {}, okResponse);
        myWorkChanged();
        onKept(`${r.title} marked as reviewed`, 'The yearly reminder to review it starts again from today.');
      },
      { onRefused: refused },
    );

  const withdraw = () =>
    action.runAs(
      'withdraw',
      async () => {
        setProblem(null);
        await apiPost(`${place.entryApi(r.id)}/withdrawn`, { version: r.version }, okResponse);
        setConfirming(false);
        myWorkChanged();
        onKept(`${r.title} withdrawn`, `${who} will no longer see it in the library.`);
      },
      { onRefused: refused },
    );

  return (
    <div className="resource-card__actions">
      {problem !== null && (
        <div className="problem-box" role="alert">
          <p className="error-text">{problem}</p>
        </div>
      )}
      <Link to={place.editPage(r.id)} className="button button--secondary">
        Change<span className="visually-hidden"> {r.title}</span>
      </Link>
      <Button
        variant="secondary"
        busy={action.running === 'review'}
        busyText="Saving…"
        disabled={action.busy}
        onClick={() => {
          void review();
        }}
      >
        Mark as reviewed<span className="visually-hidden">: {r.title}</span>
      </Button>
      <Button
        variant="secondary"
        disabled={action.busy}
        onClick={() => {
          setConfirming(true);
        }}
      >
        Withdraw<span className="visually-hidden"> {r.title}</span>
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Withdraw ${r.title}?`}
        confirmText="Yes, withdraw it"
        busy={action.running === 'withdraw'}
        onConfirm={() => {
          void withdraw();
        }}
        onCancel={() => {
          setConfirming(false);
        }}
      >
        <p>{who} will no longer see it in the library. It is kept in the records.</p>
      </ConfirmDialog>
    </div>
  );
}
