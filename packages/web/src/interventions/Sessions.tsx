/**
 * An intervention's sessions: its staff (and the lead) record each one, held or cancelled, with who
 * attended; then the list of sessions so far, latest first.
 */
import { ATTENDANCE, ATTENDANCE_LABELS, recordSessionSchema, type Attendance } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { formatIsoDay, ukIsoDay } from '../components/dates';
import { DateInput, dateProblems } from '../components/DateInput';
import { ErrorSummary, Form, Radios, SaveOrCancel, TextareaField } from '../components/Form';
import { countOf } from '../components/format';
import { Tag } from '../components/Page';
import { Table } from '../components/Table';
import { useWorkForm } from '../components/useWorkForm';
import { FormOpener } from './FormOpener';
import {
  createdResponse,
  interventionApi,
  newSubmissionKey,
  type Changed,
  type Detail,
  type SectionProps,
} from './interventionsApi';

type Session = Detail['sessions'][number];

export function Sessions({ school, data, onDone, panel, onPanel }: SectionProps) {
  const sessions = [...data.sessions].sort((a, b) => b.heldOn.localeCompare(a.heldOn));
  if (!data.canRecordSessions && sessions.length === 0) return null;
  return (
    <section aria-labelledby="sessions-title" className="intervention-section">
      <h2 className="heading-l" id="sessions-title">
        Sessions
      </h2>
      {data.canRecordSessions && (
        <FormOpener
          buttonText="Record a session"
          open={panel === 'session'}
          onOpenChange={(o) => {
            onPanel(o ? 'session' : null);
          }}
        >
          {(close) => <RecordSessionForm schoolId={school.id} data={data} onDone={onDone} onCancel={close} />}
        </FormOpener>
      )}
      {sessions.length === 0 ? (
        <p className="empty-state">No sessions recorded yet. Record each one on the day, with who attended.</p>
      ) : (
        <>
          <p className="count">{countOf(sessions.length, 'session')} recorded</p>
          <SessionTable sessions={sessions} />
        </>
      )}
    </section>
  );
}

function attendanceWords(s: Session): string {
  if (s.cancelled) return 'Cancelled';
  const came = s.attendance.filter((a) => a.attendance === 'attended').length;
  const missed = s.attendance.filter((a) => a.attendance === 'not_attended').map((a) => a.name);
  const base = `${String(came)} of ${String(s.attendance.length)} attended`;
  return missed.length === 0 ? base : `${base}. Did not attend: ${missed.join(', ')}`;
}

function SessionTable({ sessions }: { sessions: readonly Session[] }) {
  return (
    <Table
      caption="Sessions recorded, latest first"
      captionHidden
      rows={sessions}
      rowKey={(s) => s.id}
      columns={[
        {
          key: 'date',
          header: 'Date',
          label: 'Date',
          nowrap: true,
          cell: (s) => <time dateTime={s.heldOn}>{formatIsoDay(s.heldOn)}</time>,
        },
        {
          key: 'held',
          header: 'Held',
          label: 'Held',
          cell: (s) => (s.cancelled ? <Tag tone="grey">Cancelled</Tag> : <Tag tone="green">Held</Tag>),
        },
        { key: 'attendance', header: 'Attendance', label: 'Attendance', cell: attendanceWords },
        { key: 'note', header: 'Note', label: 'Note', cell: (s) => <span className="pre-line">{s.note}</span> },
        { key: 'by', header: 'Recorded by', label: 'Recorded by', cell: (s) => s.recordedByName },
      ]}
    />
  );
}

const SESSION_FIELDS = ['heldOn', 'cancelled', 'attendance', 'note'] as const;

function RecordSessionForm({
  schoolId,
  data,
  onDone,
  onCancel,
}: {
  schoolId: string;
  data: Detail;
  onDone: Changed;
  onCancel: () => void;
}) {
  const [heldOn, setHeldOn] = useState(() => ukIsoDay());
  const [held, setHeld] = useState('held');
  const [note, setNote] = useState('');
  const [attendance, setAttendance] = useState<Record<string, Attendance>>({});
  const [submissionKey] = useState(newSubmissionKey);
  const form = useWorkForm(SESSION_FIELDS);
  const cancelled = held === 'cancelled';

  const submit = async () => {
    const body = {
      heldOn,
      cancelled,
      note,
      attendance: cancelled
        ? []
        : data.inPlaces.map((p) => ({ placeId: p.placeId, attendance: attendance[p.placeId] ?? 'attended' })),
      submissionKey,
    };
    const checked = form.check(
      recordSessionSchema.safeParse(body),
      dateProblems([{ path: 'heldOn', value: heldOn, what: 'Date of the session' }]),
    );
    if (checked === null) return;
    await form.send(async () => {
      await apiPost(`${interventionApi(schoolId, data.intervention.id)}/sessions`, checked, createdResponse);
      onDone(
        cancelled ? 'Cancelled session recorded' : 'Session recorded',
        `${formatIsoDay(checked.heldOn)}${cancelled ? '' : `: ${String(checked.attendance.filter((a) => a.attendance === 'attended').length)} attended`}.`,
      );
    });
  };

  return (
    <Form onSubmit={submit} label="Record a session">
      <ErrorSummary errors={form.errors} />
      <DateInput
        name="heldOn"
        legend="Date of the session"
        value={heldOn}
        onValueChange={setHeldOn}
        error={form.errorFor('heldOn')}
      />
      <Radios
        name="cancelled"
        legend="Did it go ahead?"
        inline
        options={[
          { value: 'held', label: 'Held' },
          { value: 'cancelled', label: 'Cancelled' },
        ]}
        value={held}
        onValueChange={setHeld}
        error={form.errorFor('cancelled')}
      />
      {!cancelled && (
        <div id="attendance" tabIndex={-1}>
          <h3 className="heading-s">Who came</h3>
          {form.errorFor('attendance') !== undefined && (
            <p className="error-message">
              <span className="visually-hidden">Error: </span>
              {form.errorFor('attendance')}
            </p>
          )}
          {data.inPlaces.length === 0 ? (
            <p>No one is in the intervention now, so there is no attendance to record.</p>
          ) : (
            data.inPlaces.map((p) => (
              <Radios
                key={p.placeId}
                name={`attendance-${p.placeId}`}
                legend={p.name}
                inline
                options={ATTENDANCE.map((a) => ({ value: a, label: ATTENDANCE_LABELS[a] }))}
                value={attendance[p.placeId] ?? 'attended'}
                onValueChange={(v) => {
                  const a = ATTENDANCE.find((x) => x === v);
                  if (a !== undefined) setAttendance((all) => ({ ...all, [p.placeId]: a }));
                }}
              />
            ))
          )}
        </div>
      )}
      <TextareaField
        name="note"
        label="A short note (optional)"
        hint={
          cancelled
            ? 'Why it was cancelled, for example “Staff training”.'
            : 'What the session covered. Keep anything about one pupil’s wellbeing for their record or a concern.'
        }
        rows={3}
        maxChars={1000}
        value={note}
        onValueChange={setNote}
        error={form.errorFor('note')}
      />
      <SaveOrCancel busy={form.busy} submitText="Record the session" onCancel={onCancel} />
    </Form>
  );
}
