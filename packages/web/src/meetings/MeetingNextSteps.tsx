/**
 * The next steps agreed at a meeting, those still to do first: who will do each and by when, and
 * marking one as done, with a note.
 */
import { completeNextStepBody, type MeetingDetailResponse } from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { apiPost } from '../api/client';
import { type SessionSchool } from '../auth/session';
import { formatDateTime, formatIsoDay } from '../components/dates';
import { Button, ErrorSummary, Form, SaveOrCancel, TextField } from '../components/Form';
import { Tag } from '../components/Page';
import { useWorkForm } from '../components/useWorkForm';
import { okResponse } from '../plans/plansApi';
import { meetingApi } from './meetingsApi';

type Step = MeetingDetailResponse['nextSteps'][number];

function ownerWords(s: Step): string {
  if (s.ownerName !== '') return s.ownerName;
  return s.ownerUserId !== null ? 'A member of staff' : 'No one named';
}

/** The next steps section of a meeting's page; `onChanged` shows what was done. */
export function MeetingNextSteps({
  school,
  meetingId,
  steps,
  write,
  onChanged,
}: {
  school: SessionSchool;
  meetingId: string;
  steps: readonly Step[];
  write: boolean;
  onChanged: (title: string, text?: string) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  // Steps marked done here count as done at once, while the page reads the meeting again.
  const [justDone, setJustDone] = useState<ReadonlySet<string>>(new Set());
  const isDone = (s: Step) => s.completedAt !== null || justDone.has(s.id);
  const sorted = [...steps].sort((a, b) => {
    if (isDone(a) !== isDone(b)) return isDone(a) ? 1 : -1;
    return a.dueOn.localeCompare(b.dueOn);
  });
  return (
    <>
      <h2 className="heading-m">Next steps</h2>
      {sorted.length === 0 ? (
        <p className="secondary-text">No next steps agreed yet.</p>
      ) : (
        <ul className="action-list" aria-label="Next steps">
          {sorted.map((s) => {
            return (
              <li key={s.id} className="action-list__item">
                <p className="action-list__description">{s.description}</p>
                <p className="action-list__meta">
                  {ownerWords(s)}, due {formatIsoDay(s.dueOn)}{' '}
                  {isDone(s) ? (
                    <Tag tone="green">Done</Tag>
                  ) : s.overdue ? (
                    <Tag tone="yellow">Overdue</Tag>
                  ) : (
                    <Tag tone="blue">To do</Tag>
                  )}
                </p>
                {s.completedAt !== null && (
                  <p className="secondary-text">
                    Done {formatDateTime(s.completedAt)}
                    {s.completedByName !== null && `, by ${s.completedByName}`}
                    {s.completionNote !== null && s.completionNote !== '' && `: ${s.completionNote}`}
                  </p>
                )}
                {!isDone(s) &&
                  write &&
                  (open === s.id ? (
                    <MarkDoneForm
                      school={school}
                      meetingId={meetingId}
                      step={s}
                      onDone={() => {
                        setOpen(null);
                        setJustDone((ids) => new Set([...ids, s.id]));
                        onChanged('Next step done', s.description);
                      }}
                      onCancel={() => {
                        setOpen(null);
                        window.setTimeout(() => {
                          document.getElementById(`done-${s.id}`)?.focus();
                        }, 0);
                      }}
                    />
                  ) : (
                    <Button
                      id={`done-${s.id}`}
                      variant="secondary"
                      className="button--small"
                      onClick={() => {
                        setOpen(s.id);
                      }}
                    >
                      Mark done<span className="visually-hidden">: {s.description}</span>
                    </Button>
                  ))}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

const DONE_FIELDS = ['note'] as const;

function MarkDoneForm({
  school,
  meetingId,
  step,
  onDone,
  onCancel,
}: {
  school: SessionSchool;
  meetingId: string;
  step: Step;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [note, setNote] = useState('');
  const form = useWorkForm(DONE_FIELDS);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);
  const submit = async () => {
    const data = form.check(completeNextStepBody.safeParse({ note }));
    if (data === null) return;
    await form.send(async () => {
      await apiPost(
        `${meetingApi(school.id, meetingId)}/next-steps/${encodeURIComponent(step.id)}/complete`,
        data,
        okResponse,
      );
      onDone();
    });
  };
  return (
    <div ref={ref} className="work__panel">
      <Form onSubmit={submit} label={`Mark done: ${step.description}`}>
        <ErrorSummary errors={form.errors} />
        <TextField
          name="note"
          label="Note (optional)"
          hint="For example, what happened, or where to find more."
          autoComplete="off"
          value={note}
          onValueChange={setNote}
          error={form.errorFor('note')}
        />
        <SaveOrCancel busy={form.busy} submitText="Mark as done" onCancel={onCancel} />
      </Form>
    </div>
  );
}
