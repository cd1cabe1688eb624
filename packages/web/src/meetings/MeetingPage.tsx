/**
 * One meeting: when and where, who came, the aims and notes, and the next steps agreed, each with
 * who will do it and by when. A planned meeting can be changed and marked as held; next steps can
 * be marked as done, with a note.
 */
import {
  ATTENDEE_KIND_LABELS,
  completeNextStepBody,
  meetingDetailResponse,
  PLAN_KIND_LABELS,
  type MeetingDetailResponse,
} from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime, formatIsoDay, formatRelative } from '../components/dates';
import { countOf } from '../components/format';
import { Button, ErrorSummary, Form, SaveOrCancel, TextField } from '../components/Form';
import {
  BackLink,
  FlashBanner,
  HelpNow,
  NotificationBanner,
  PageTitle,
  SummaryList,
  Tag,
  TagList,
} from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { Table } from '../components/Table';
import { useWorkForm } from '../components/useWorkForm';
import { NotFoundPage } from '../errors/ErrorPages';
import { mayWritePlans, okResponse, planPage } from '../plans/plansApi';
import { pupilPage } from '../pupils/pupilsApi';
import { Link, useFlash } from '../router/router';
import { editMeetingPage, meetingApi, meetingTitle, MEETING_STATUS_WORDS, type MeetingStatus } from './meetingsApi';
import '../plans/plans.css';

type Step = MeetingDetailResponse['nextSteps'][number];

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  return <Tag tone={status === 'completed' ? 'green' : 'blue'}>{MEETING_STATUS_WORDS[status]}</Tag>;
}

export function MeetingPage({ schoolId, meetingId }: { schoolId: string; meetingId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.readList');
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? meetingApi(schoolId, meetingId) : null, meetingDetailResponse);
  const [done, setDone] = useState<{ title: string; text?: string; at: number } | null>(null);
  // Whether the meeting time has passed, judged when the page opens.
  const [openedAt] = useState(() => Date.now());
  if (school === undefined || !allowed) return <NotFoundPage />;

  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Meeting',
      caption: school.name,
      loading: 'Loading the meeting',
      onRetry: reload,
    });
  }
  const { meeting: m, nextSteps } = resource.data;
  const write = mayWritePlans(school);
  const changed = (title: string, text?: string) => {
    setDone(text === undefined ? { title, at: Date.now() } : { title, text, at: Date.now() });
    reload();
  };

  return (
    <>
      <BackLink to={pupilPage(school.id, m.pupilId)}>Back to {m.pupilName}&rsquo;s record</BackLink>
      {done !== null ? (
        <NotificationBanner key={done.at} kind="success" title={done.title}>
          {done.text !== undefined && <p>{done.text}</p>}
        </NotificationBanner>
      ) : (
        <FlashBanner flash={flash} />
      )}
      <PageTitle
        caption={formatDateTime(m.heldAt)}
        title={`${meetingTitle(m.kind, m.pupilName)}, ${formatDateTime(m.heldAt)}`}
      >
        {meetingTitle(m.kind, m.pupilName)}
      </PageTitle>
      <TagList label="Status">
        <li>
          <MeetingStatusTag status={m.status} />
        </li>
        {m.openNextSteps > 0 && (
          <li>
            <Tag tone="grey">{countOf(m.openNextSteps, 'next step')} to do</Tag>
          </li>
        )}
      </TagList>
      <SummaryList
        rows={[
          { key: 'pupil', label: 'Pupil', value: <Link to={pupilPage(school.id, m.pupilId)}>{m.pupilName}</Link> },
          {
            key: 'when',
            label: 'When',
            value: (
              <>
                <time dateTime={m.heldAt}>{formatDateTime(m.heldAt)}</time>{' '}
                <span className="secondary-text">({formatRelative(m.heldAt)})</span>
              </>
            ),
          },
          { key: 'where', label: 'Where', value: m.place },
          {
            key: 'status',
            label: 'Status',
            value:
              m.status === 'completed' ? (
                <>
                  Held
                  {m.completedAt !== null && (
                    <span className="block secondary-text">
                      Marked as held {formatDateTime(m.completedAt)}
                      {m.completedByName !== null && `, by ${m.completedByName}`}
                    </span>
                  )}
                </>
              ) : (
                'Planned'
              ),
          },
          {
            key: 'plan',
            label: 'About a plan',
            value:
              m.plan === null ? (
                <span className="secondary-text">No</span>
              ) : (
                <Link to={planPage(school.id, m.plan.id)}>{PLAN_KIND_LABELS[m.plan.kind]}</Link>
              ),
          },
          { key: 'by', label: 'Recorded by', value: m.createdByName },
        ]}
      />
      {write && m.status === 'planned' && (
        <div className="call-to-action">
          <p>
            {Date.parse(m.heldAt) <= openedAt
              ? 'After the meeting, add the notes and next steps agreed, and mark it as held.'
              : 'You can change the details until the meeting is held.'}
          </p>
          <Link to={editMeetingPage(school.id, m.id)} className="button button--primary">
            Edit or mark as held
          </Link>
        </div>
      )}

      <h2 className="heading-m">Who came</h2>
      {m.attendees.length === 0 ? (
        <p className="secondary-text">No one listed.</p>
      ) : (
        <Table
          caption="People at the meeting"
          captionHidden
          rows={m.attendees.map((a, i) => ({ ...a, i }))}
          rowKey={(a) => `${a.name}-${String(a.i)}`}
          columns={[
            { key: 'name', header: 'Name', label: 'Name', cell: (a) => a.name },
            { key: 'kind', header: 'Who they are', label: 'Who they are', cell: (a) => ATTENDEE_KIND_LABELS[a.kind] },
            {
              key: 'role',
              header: 'Role',
              label: 'Role',
              cell: (a) => (a.role === '' ? <span className="secondary-text">Not given</span> : a.role),
            },
          ]}
        />
      )}
      <h2 className="heading-m">Aims</h2>
      {m.aims === '' ? <p className="secondary-text">None written.</p> : <p className="pre-line">{m.aims}</p>}
      <h2 className="heading-m">Notes</h2>
      {m.notes === '' ? (
        <p className="secondary-text">
          {m.status === 'planned' ? 'None yet: add them after the meeting.' : 'None written.'}
        </p>
      ) : (
        <div className="record-text pre-line">{m.notes}</div>
      )}
      <NextSteps school={school} meetingId={m.id} steps={nextSteps} write={write} onChanged={changed} />
      <HelpNow audience="staff" />
    </>
  );
}

function ownerWords(s: Step): string {
  if (s.ownerName !== '') return s.ownerName;
  return s.ownerUserId !== null ? 'A member of staff' : 'No one named';
}

function NextSteps({
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
