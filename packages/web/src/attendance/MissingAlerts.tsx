/**
 * Absences of pupils on the missing list: those not yet dealt with first, each with a form for
 * the DSL to record what was done; then those dealt with in the last fortnight.
 */
import { MISSING_ACTION_TAKEN_LABELS, MISSING_ACTIONS_TAKEN, missingActionBody, type MissingAlert } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { formatDateTime } from '../components/dates';
import { ErrorSummary, Form, Radios, SaveOrCancel, TextareaField } from '../components/Form';
import { Tag } from '../components/Page';
import { useWorkForm } from '../components/useWorkForm';
import { pupilPage } from '../pupils/pupilsApi';
import { z } from 'zod';
import { Link } from '../router/router';
import { codeWords, missingApi, sessionWords } from './missingApi';
import './missing.css';

const FIELDS = ['action', 'note'] as const;
const ok = z.object({ ok: z.literal(true) });

export function MissingAlerts({
  schoolId,
  alerts,
  mayManage,
  onChanged,
  showPupil = true,
}: {
  schoolId: string;
  alerts: readonly MissingAlert[];
  mayManage: boolean;
  onChanged: () => void;
  showPupil?: boolean;
}) {
  // On the list page the sections are h2; inside a pupil's record (under its tab's h3), h4.
  const Title = showPupil ? 'h2' : 'h4';
  const Sub = showPupil ? 'h3' : 'h5';
  const open = alerts.filter((a) => a.action === null);
  const done = alerts.filter((a) => a.action !== null);
  return (
    <>
      <Title className={showPupil ? 'heading-l' : 'heading-s'}>Absent without a reason</Title>
      {open.length === 0 ? (
        <div className="empty-state">
          <p>Nothing to follow up: no pupil on the missing list is absent without a reason.</p>
        </div>
      ) : (
        <ul className="missing-alerts" aria-label="Absences to follow up, oldest first">
          {open.map((a) => (
            <li key={a.id} className="missing-alerts__item missing-alerts__item--open">
              <p>
                <Tag tone="red">Follow up now</Tag>
              </p>
              <Sub className="heading-s">
                {showPupil ? (
                  <Link to={`${pupilPage(schoolId, a.pupilId)}?tab=attendance`}>{a.name}</Link>
                ) : (
                  sessionWords(a.on, a.session)
                )}
              </Sub>
              <p>
                {showPupil && <>Absent {sessionWords(a.on, a.session)}. </>}
                Mark {codeWords(a.code)}. Alerted at {formatDateTime(a.raisedAt)}
                {a.alertedNames.length > 0 && <> to {a.alertedNames.join(', ')}</>}.
              </p>
              {mayManage ? (
                <ActionForm schoolId={schoolId} alert={a} onDone={onChanged} />
              ) : (
                <p className="secondary-text">The DSL team records what was done.</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {done.length > 0 && (
        <>
          <Sub className={showPupil ? 'heading-m' : 'heading-s'}>Followed up</Sub>
          <ul className="missing-alerts" aria-label="Absences followed up">
            {done.map((a) => (
              <li key={a.id} className="missing-alerts__item">
                <p className="heading-s">
                  {showPupil ? `${a.name}, ` : ''}
                  {sessionWords(a.on, a.session)}
                </p>
                {a.action !== null && (
                  <p>
                    {MISSING_ACTION_TAKEN_LABELS[a.action.action]}: {a.action.note}{' '}
                    <span className="secondary-text">
                      ({a.action.byName}, {formatDateTime(a.action.at)})
                    </span>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ActionForm({ schoolId, alert, onDone }: { schoolId: string; alert: MissingAlert; onDone: () => void }) {
  const [opened, setOpened] = useState(false);
  const [action, setAction] = useState('');
  const [note, setNote] = useState('');
  const form = useWorkForm(FIELDS);
  if (!opened) {
    return (
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          setOpened(true);
        }}
      >
        Record what was done<span className="visually-hidden"> about {alert.name}</span>
      </button>
    );
  }
  const submit = () => {
    const data = form.check(missingActionBody.safeParse({ action, note }));
    if (data === null) return;
    void form.send(async () => {
      await apiPost(`${missingApi(schoolId)}/alerts/${encodeURIComponent(alert.id)}/action`, data, ok);
      onDone();
    });
  };
  return (
    <Form onSubmit={submit} label={`What was done about ${alert.name}`}>
      <ErrorSummary errors={form.errors} />
      <Radios
        name="action"
        legend="What was done?"
        options={MISSING_ACTIONS_TAKEN.map((value) => ({ value, label: MISSING_ACTION_TAKEN_LABELS[value] }))}
        value={action}
        onValueChange={setAction}
        error={form.errorFor('action')}
      />
      <TextareaField
        name="note"
        label="What happened, and what happens next"
        hint="For example, who you spoke to and what they said. This is kept in the pupil's record."
        rows={3}
        maxChars={2000}
        value={note}
        onValueChange={setNote}
        error={form.errorFor('note')}
      />
      <SaveOrCancel
        busy={form.busy}
        submitText="Save"
        onCancel={() => {
          setOpened(false);
        }}
      />
    </Form>
  );
}
