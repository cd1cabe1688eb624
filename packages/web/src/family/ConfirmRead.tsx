/** "I have read this", for a plan (its agreed version) or a termly letter: once pressed, when. */
import { PARENT_WORDS as W } from '@tandem/core';
import { useState } from 'react';
import { formatDate } from '../components/dates';
import { Button } from '../components/Form';
import { useAction } from '../components/useAction';
import { confirmRead } from './familyApi';

export function ConfirmRead({
  schoolId,
  pupilId,
  item,
  itemId,
  version,
  readAt,
  what,
}: {
  schoolId: string;
  pupilId: string;
  item: 'plan' | 'letter';
  itemId: string;
  version: number;
  readAt: string | null;
  /** What was read, for screen readers ("Care plan"). */
  what: string;
}) {
  const [confirmedAt, setConfirmedAt] = useState<string | null>(readAt);
  const [justNow, setJustNow] = useState(false);
  const action = useAction();
  if (confirmedAt !== null) {
    return (
      <p className="family-done" role={justNow ? 'status' : undefined}>
        {justNow ? W.readThanks : W.readDone(formatDate(confirmedAt))}
      </p>
    );
  }
  return (
    <>
      {action.problem !== null && (
        <p className="error-text" role="alert">
          {action.problem}
        </p>
      )}
      <Button
        variant="secondary"
        busy={action.busy}
        busyText={W.readBusy}
        onClick={() => {
          void action.run(async () => {
            const answer = await confirmRead(schoolId, pupilId, { item, itemId, version });
            setJustNow(true);
            setConfirmedAt(answer.confirmedAt);
          });
        }}
      >
        {W.readButton}
        <span className="visually-hidden">{W.readButtonHidden(what)}</span>
      </Button>
    </>
  );
}
