/**
 * Safeguarding visits or calls while the pupil is not in school: the schedule (how often, the next
 * due, overdue), recording one (any case role), and the history with how the pupil seemed.
 */
import {
  recordVisitBody,
  scheduleVisitsBody,
  VISIT_FREQUENCIES,
  VISIT_FREQUENCY_LABELS,
  VISIT_KIND_LABELS,
  VISIT_KINDS,
  type PupilProvisionResponse,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { DateInput, dateProblems, dateTimeProblem } from '../components/DateInput';
import { formatDateTime, formatIsoDay, ukIsoDay, ukTimeOfDay, ukWallTimeToIso } from '../components/dates';
import {
  Button,
  ButtonGroup,
  DateTimeField,
  ErrorSummary,
  Form,
  Radios,
  SaveOrCancel,
  TextareaField,
} from '../components/Form';
import { Tag } from '../components/Page';
import { useAction } from '../components/useAction';
import { useWorkForm } from '../components/useWorkForm';
import { createdResponse, everyWords, okResponse, scheduleEndApi, schedulesApi, visitsApi } from './provisionApi';

type Props = { schoolId: string; pupilName: string; data: PupilProvisionResponse; onDone: (title: string) => void };

export function VisitsSection({ schoolId, pupilName, data, onDone }: Props) {
  const [open, setOpen] = useState<'schedule' | 'visit' | null>(null);
  const stop = useAction();
  const s = data.schedule;
  const done = (title: string) => {
    setOpen(null);
    onDone(title);
  };
  return (
    <section className="section" aria-labelledby="visits-title">
      <h3 className="heading-m" id="visits-title">
        Safeguarding visits and calls
      </h3>
      {s === null ? (
        <p>No visits or calls are scheduled. While {pupilName} is not in school, schedule them at a set frequency.</p>
      ) : (
        <p>
          {everyWords(s.everyDays)}, led by {s.leadName}. Next due {formatIsoDay(s.nextDueOn)}{' '}
          {s.overdue && <Tag tone="red">Overdue</Tag>}
        </p>
      )}
      {stop.problem !== null && (
        <p role="alert" className="error-message">
          {stop.problem}
        </p>
      )}
      {open === null && (
        <ButtonGroup>
          <Button
            onClick={() => {
              setOpen('visit');
            }}
          >
            Record a visit or call
          </Button>
          {data.canManage && s === null && (
            <Button
              variant="secondary"
              onClick={() => {
                setOpen('schedule');
              }}
            >
              Schedule visits or calls
            </Button>
          )}
          {data.canManage && s !== null && (
            <Button
              variant="secondary"
              busy={stop.busy}
              busyText="Stopping…"
              onClick={() =>
                void stop.run(async () => {
                  await apiPost(scheduleEndApi(schoolId, s.id), {}, okResponse);
                  onDone('Scheduled visits stopped');
                })
              }
            >
              Stop scheduled visits
            </Button>
          )}
        </ButtonGroup>
      )}
      {open === 'schedule' && (
        <ScheduleForm
          schoolId={schoolId}
          pupilId={data.pupilId}
          onCancel={() => {
            setOpen(null);
          }}
          onDone={done}
        />
      )}
      {open === 'visit' && (
        <VisitForm
          schoolId={schoolId}
          pupilId={data.pupilId}
          onCancel={() => {
            setOpen(null);
          }}
          onDone={done}
        />
      )}
      <h4 className="heading-s">Visits and calls made</h4>
      {data.visits.length === 0 ? (
        <p>None recorded yet.</p>
      ) : (
        <ul className="provision-list">
          {data.visits.map((v) => (
            <li key={v.id} className="provision-list__item">
              <p>
                <strong>{VISIT_KIND_LABELS[v.kind]}</strong>, {formatDateTime(v.at)}, by {v.byName}.{' '}
                {v.seen ? <Tag tone="green">Seen or spoken to</Tag> : <Tag tone="yellow">Not seen</Tag>}
              </p>
              <p className="hint">{v.howSeemed}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type FormProps = { schoolId: string; pupilId: string; onCancel: () => void; onDone: (title: string) => void };

function ScheduleForm({ schoolId, pupilId, onCancel, onDone }: FormProps) {
  const form = useWorkForm(['everyDays', 'startOn']);
  const [every, setEvery] = useState('14');
  const [startOn, setStartOn] = useState(ukIsoDay());
  const submit = async () => {
    const dates = dateProblems([{ path: 'startOn', value: startOn, what: 'Start date' }]);
    const data = form.check(scheduleVisitsBody.safeParse({ everyDays: Number(every), startOn }), dates);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(schedulesApi(schoolId, pupilId), data, createdResponse);
      onDone('Visits or calls scheduled');
    });
  };
  return (
    <Form onSubmit={submit} label="Schedule visits or calls">
      <ErrorSummary errors={form.errors} />
      <Radios
        name="everyDays"
        legend="How often?"
        options={VISIT_FREQUENCIES.map((f) => ({ value: String(f), label: VISIT_FREQUENCY_LABELS[`${f}`] }))}
        value={every}
        onValueChange={setEvery}
        error={form.errorFor('everyDays')}
      />
      <DateInput
        name="startOn"
        legend="Starting from"
        value={startOn}
        onValueChange={setStartOn}
        error={form.errorFor('startOn')}
      />
      <SaveOrCancel busy={form.busy} submitText="Schedule them" onCancel={onCancel} />
    </Form>
  );
}

function VisitForm({ schoolId, pupilId, onCancel, onDone }: FormProps) {
  const form = useWorkForm(['kind', 'at', 'seen', 'howSeemed']);
  const [kind, setKind] = useState('');
  const [date, setDate] = useState(ukIsoDay());
  const [time, setTime] = useState(ukTimeOfDay());
  const [seen, setSeen] = useState('');
  const [howSeemed, setHow] = useState('');
  const submit = async () => {
    const when = dateTimeProblem(date, time, { date: 'date of the visit or call', time: 'time of the visit or call' });
    const body = {
      kind,
      at: ukWallTimeToIso(date, time) ?? '',
      seen: seen === '' ? undefined : seen === 'yes',
      howSeemed,
    };
    const data = form.check(recordVisitBody.safeParse(body), when === null ? [] : [{ path: 'at', message: when }]);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(visitsApi(schoolId, pupilId), data, createdResponse);
      onDone('Visit or call recorded');
    });
  };
  return (
    <Form onSubmit={submit} label="Record a visit or call">
      <ErrorSummary errors={form.errors} />
      <Radios
        name="kind"
        legend="Was it a visit or a call?"
        options={VISIT_KINDS.map((k) => ({ value: k, label: VISIT_KIND_LABELS[k] }))}
        value={kind}
        onValueChange={setKind}
        error={form.errorFor('kind')}
      />
      <DateTimeField
        name="at"
        legend="When?"
        date={date}
        time={time}
        onDate={setDate}
        onTime={setTime}
        error={form.errorFor('at')}
      />
      <Radios
        name="seen"
        legend="Was the pupil seen or spoken to?"
        inline
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={seen}
        onValueChange={setSeen}
        error={form.errorFor('seen')}
      />
      <TextareaField
        name="howSeemed"
        label="How did they seem?"
        hint="Only the case team sees this. Parents see the date, the kind and whether the pupil was seen."
        value={howSeemed}
        onValueChange={setHow}
        error={form.errorFor('howSeemed')}
      />
      <SaveOrCancel busy={form.busy} submitText="Record it" onCancel={onCancel} />
    </Form>
  );
}
