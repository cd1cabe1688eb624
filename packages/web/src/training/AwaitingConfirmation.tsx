/** Training staff recorded themselves, for the lead to confirm (or open and correct first). */
import type { TrainingAwaiting } from '@tandem/core';
import { apiPost } from '../api/client';
import { formatIsoDay } from '../components/dates';
import { Button } from '../components/Form';
import { useAction } from '../components/useAction';
import { Link } from '../router/router';
import { savedResponse, trainingRecordApi, trainingRecordPage } from './trainingApi';

export function AwaitingConfirmation({
  schoolId,
  awaiting,
  onConfirmed,
}: {
  schoolId: string;
  awaiting: readonly TrainingAwaiting[];
  onConfirmed: () => void;
}) {
  const action = useAction<string>();
  if (awaiting.length === 0) return null;
  return (
    <section aria-labelledby="awaiting-confirmation" className="training-awaiting">
      <h3 className="heading-m" id="awaiting-confirmation">
        Waiting for you to confirm ({awaiting.length})
      </h3>
      <p>Staff added these themselves. Check the certificate or notes if you need to, then confirm.</p>
      {action.problem !== null && (
        <p className="error-text" role="alert">
          {action.problem}
        </p>
      )}
      <ul className="training-awaiting__list">
        {awaiting.map((a) => (
          <li key={a.recordId} className="training-awaiting__item">
            <p className="training-awaiting__what">
              <Link to={trainingRecordPage(schoolId, a.recordId)}>
                {a.staffName}: {a.courseName}
              </Link>
              <span className="hint">
                Done on {formatIsoDay(a.completedOn)}, given by {a.provider}
              </span>
            </p>
            <Button
              variant="secondary"
              busy={action.running === a.recordId}
              busyText="Confirming…"
              disabled={action.busy}
              aria-label={`Confirm ${a.courseName} for ${a.staffName}`}
              onClick={() => {
                void action.runAs(a.recordId, async () => {
                  await apiPost(
                    `${trainingRecordApi(schoolId, a.recordId)}/confirm`,
                    { version: a.version },
                    savedResponse,
                  );
                  onConfirmed();
                });
              }}
            >
              Confirm
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
