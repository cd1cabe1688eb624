/**
 * What the keeper of an entry may do on its page: change it, record that it was checked and is
 * still right (the yearly reminder then stops), retire it (it is no longer found in searches, and
 * its history is kept), or bring a retired one back.
 */
import type { ServiceDetail, ServiceStatus } from '@tandem/core';
import { useState } from 'react';
import { apiPost, apiPut, type ApiError } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Button } from '../components/Form';
import { InsetText } from '../components/Page';
import { useAction } from '../components/useAction';
import { myWorkChanged } from '../home/myWorkApi';
import { Link } from '../router/router';
import type { DirectoryPlace } from './directoryPlace';
import { okResponse, savedResponse } from './servicesApi';
import { inputFromService } from './serviceValues';

type Key = 'checked' | 'status';

export function ServiceActions({
  place,
  detail,
  onDone,
  onStale,
}: {
  place: DirectoryPlace;
  detail: ServiceDetail;
  onDone: (title: string, text?: string) => void;
  /** Loads the entry again, after a refusal because it changed meanwhile. */
  onStale: () => void;
}) {
  const s = detail.service;
  const action = useAction<Key>();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const refused = (e: ApiError) => {
    setConfirming(false);
    if (e.code === 'conflict') {
      setProblem('Someone changed this entry meanwhile. It has been loaded again: check it, then try again.');
      onStale();
    } else {
      setProblem(e.message);
    }
  };

  const setStatus = (status: ServiceStatus) =>
    action.runAs(
      'status',
      async () => {
        setProblem(null);
        await apiPut(place.entryApi(s.id), { details: inputFromService(s, status), version: s.version }, savedResponse);
        setConfirming(false);
        myWorkChanged();
        onDone(
          status === 'retired' ? `${s.name} retired` : `${s.name} is back in the directory`,
          status === 'retired'
            ? `${place.words.staff} will no longer find it when they search. Its history is kept.`
            : `${place.words.staff} will find it again when they search.`,
        );
      },
      { onRefused: refused },
    );

  const markChecked = () =>
    action.runAs(
      'checked',
      async () => {
        setProblem(null);
        await apiPost(`${place.entryApi(s.id)}/checked`, {}, okResponse);
        myWorkChanged();
        onDone('Marked as checked', 'The yearly reminder to check this entry starts again from today.');
      },
      { onRefused: refused },
    );

  return (
    <section aria-labelledby="keep-title">
      <h2 className="heading-m" id="keep-title">
        Keep this entry right
      </h2>
      {s.status === 'active' && s.checkDue && (
        <InsetText>
          It is over a year since this entry was checked. Check the details with the service, then change what is wrong,
          or mark it as checked if it is all still right.
        </InsetText>
      )}
      {problem !== null && (
        <div className="problem-box" role="alert">
          <p className="error-text">{problem}</p>
        </div>
      )}
      <div className="service-actions">
        <Link to={place.editPage(s.id)} className="button button--secondary">
          Change<span className="visually-hidden"> {s.name}</span>
        </Link>
        {s.status === 'active' && (
          <Button
            variant="secondary"
            busy={action.running === 'checked'}
            busyText="Saving…"
            disabled={action.busy}
            onClick={() => {
              void markChecked();
            }}
          >
            Mark as checked
          </Button>
        )}
        {s.status === 'active' ? (
          <Button
            variant="secondary"
            disabled={action.busy}
            onClick={() => {
              setConfirming(true);
            }}
          >
            Retire<span className="visually-hidden"> {s.name}</span>
          </Button>
        ) : (
          <Button
            variant="secondary"
            busy={action.running === 'status'}
            busyText="Saving…"
            disabled={action.busy}
            onClick={() => {
              void setStatus('active');
            }}
          >
            Bring back into the directory
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Retire ${s.name}?`}
        confirmText="Yes, retire it"
        busy={action.running === 'status'}
        onConfirm={() => {
          void setStatus('retired');
        }}
        onCancel={() => {
          setConfirming(false);
        }}
      >
        <p>{place.words.staff} will no longer find it when they search the directory. Its history is kept.</p>
        <p>You can bring it back later from this page ({place.words.findRetired}).</p>
      </ConfirmDialog>
    </section>
  );
}
