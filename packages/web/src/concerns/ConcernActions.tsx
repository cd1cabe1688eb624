/** A concern's actions, each with who does it and by when; leads mark them done here. */
import { okResponse } from '@tandem/core';
import { apiPost } from '../api/client';
import type { SessionSchool } from '../auth/session';
import { formatDateTime, formatIsoDay } from '../components/dates';
import { Button } from '../components/Form';
import { Tag } from '../components/Page';
import { useAction } from '../components/useAction';
import { concernApi, type ConcernChanged, type ConcernFull } from './concernsApi';

export function ConcernActions({
  school,
  concern: c,
  onChanged,
  mayComplete,
}: {
  school: SessionSchool;
  concern: ConcernFull;
  onChanged: ConcernChanged;
  mayComplete: boolean;
}) {
  // Keyed by the id of the action being marked as done.
  const action = useAction<string>();
  const complete = async (actionId: string, description: string) => {
    await action.runAs(actionId, async () => {
      await apiPost(`${concernApi(school.id, c.id)}/actions/${encodeURIComponent(actionId)}/complete`, {}, okResponse);
      onChanged('Action done', description);
    });
  };
  return (
    <>
      <h2 className="heading-m">Actions</h2>
      {action.problem !== null && (
        <p className="error-text" role="alert">
          {action.problem}
        </p>
      )}
      {c.actions.length === 0 ? (
        <p className="secondary-text">No actions yet.</p>
      ) : (
        <ul className="action-list" aria-label="Actions">
          {c.actions.map((a) => (
            <li key={a.id} className="action-list__item">
              <p className="action-list__description">{a.description}</p>
              <p className="action-list__meta">
                {a.ownerName}, due {formatIsoDay(a.dueOn)}{' '}
                {a.completedAt !== null ? (
                  <Tag tone="green">Done</Tag>
                ) : a.droppedAt !== null ? (
                  <Tag tone="grey">Dropped</Tag>
                ) : a.overdue ? (
                  <Tag tone="yellow">Overdue</Tag>
                ) : (
                  <Tag tone="blue">To do</Tag>
                )}
              </p>
              {a.completedAt !== null && (
                <p className="secondary-text">
                  Done {formatDateTime(a.completedAt)}
                  {a.completionNote !== null && a.completionNote !== '' && `: ${a.completionNote}`}
                </p>
              )}
              {a.droppedAt !== null && (
                <p className="secondary-text">
                  Dropped when the concern closed, {formatDateTime(a.droppedAt)}: {a.dropReason}
                </p>
              )}
              {a.carriedAt !== null && a.completedAt === null && (
                <p className="secondary-text">
                  Carried to the pupil&apos;s case when the concern closed ({formatDateTime(a.carriedAt)}): still open.
                </p>
              )}
              {a.completedAt === null &&
                a.droppedAt === null &&
                mayComplete &&
                (c.status !== 'closed' || a.carriedAt !== null) && (
                  <Button
                    variant="secondary"
                    className="button--small"
                    busy={action.running === a.id}
                    busyText="Saving…"
                    onClick={() => {
                      void complete(a.id, a.description);
                    }}
                  >
                    Mark as done<span className="visually-hidden">: {a.description}</span>
                  </Button>
                )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
