/**
 * The forms a lead uses to work a concern: add an action, add to the record, pass to the DSL, move
 * to the safeguarding record, close with an outcome, record telling parents, attach files and
 * correct the date, pupils or category. Each checks with the core schema the server uses.
 */
import {
  addActionBody,
  addAddendumBody,
  closeConcernBody,
  CONCERN_ACTION_FATE_LABELS,
  CONCERN_ACTION_FATES,
  CONCERN_CATEGORIES,
  CONCERN_CATEGORY_LABELS,
  CONCERN_OUTCOME_LABELS,
  CONCERN_OUTCOMES,
  correctConcernBody,
  DSL_TEAM_ROLE_SHORT_LABELS,
  dslDutyResponse,
  escalateBody,
  PARENTS_TOLD_HOW,
  PARENTS_TOLD_HOW_LABELS,
  recordParentsToldBody,
  type ConcernDetail,
  staffDirectoryResponse,
} from '@tandem/core';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { ApiError, apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { useSession, type SessionSchool } from '../auth/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import {
  addDays,
  formatDateTime,
  formatIsoDay,
  formatTime,
  ukIsoDay,
  ukTimeOfDay,
  ukWallTimeToIso,
} from '../components/dates';
import { dateProblems, dateTimeProblem, DateInput } from '../components/DateInput';
import { countOf } from '../components/format';
import {
  Button,
  ButtonGroup,
  DateTimeField,
  ErrorSummary,
  Form,
  Radios,
  SaveOrCancel,
  SelectField,
  TextareaField,
  TextField,
  type Option,
} from '../components/Form';
import { useFormErrors, type FieldError } from '../components/formErrors';
import { Loading } from '../components/Page';
import { useWorkForm } from '../components/useWorkForm';
import { concernApi, dutyApi } from './concernsApi';
import { fileProblem, FilesField, MAX_FILE_SIZE_WORDS, uploadAll } from './files';
import { PupilPicker, type ChosenPupil } from './PupilPicker';

const okResponse = z.object({ ok: z.literal(true) });
const createdResponse = z.object({ id: z.uuid() });

type Done = (title: string, text?: string) => void;

interface FormProps {
  school: SessionSchool;
  concernId: string;
  onDone: Done;
  onCancel: () => void;
}

export interface OwnerOption {
  userId: string;
  name: string;
}

/**
 * Who an action can be given to. There is no list of all staff for leads (only administrators may
 * read it), so: you, the DSL team (from the duty rota), and whoever already owns an action here.
 * Actions on the safeguarding record can only go to the DSL team.
 */
function useOwnerOptions(school: SessionSchool, concern: ConcernDetail): OwnerOption[] | null {
  const { session } = useSession();
  const duty = useResource(dutyApi(school.id), dslDutyResponse);
  // Anyone on the staff may own an action on an ordinary concern; only the DSL team on the
  // safeguarding record, which no one else can see.
  const directory = useResource(
    concern.restricted ? null : `/api/schools/${school.id}/staff-directory`,
    staffDirectoryResponse,
  );
  if (duty.resource.status === 'loading' || (!concern.restricted && directory.resource.status === 'loading'))
    return null;
  const seen = new Map<string, OwnerOption>();
  const me = session.user;
  const team = duty.resource.status === 'ready' ? duty.resource.data.team : [];
  const teamIds = new Set(team.map((t) => t.userId));
  if (me !== null && (!concern.restricted || teamIds.has(me.id))) {
    seen.set(me.id, { userId: me.id, name: `${me.displayName} (you)` });
  }
  for (const t of team) {
    if (!seen.has(t.userId)) {
      seen.set(t.userId, { userId: t.userId, name: `${t.name} (${DSL_TEAM_ROLE_SHORT_LABELS[t.role]})` });
    }
  }
  if (!concern.restricted && directory.resource.status === 'ready') {
    for (const member of directory.resource.data.staff) {
      if (!seen.has(member.userId)) seen.set(member.userId, { userId: member.userId, name: member.displayName });
    }
  }
  if (!concern.restricted) {
    for (const a of concern.actions) {
      if (!seen.has(a.ownerUserId)) seen.set(a.ownerUserId, { userId: a.ownerUserId, name: a.ownerName });
    }
  }
  return [...seen.values()];
}

const ACTION_FIELDS = ['description', 'ownerUserId', 'dueOn'] as const;

export function AddActionForm({
  school,
  concern,
  onDone,
  onCancel,
}: {
  school: SessionSchool;
  concern: ConcernDetail;
  onDone: Done;
  onCancel: () => void;
}) {
  const owners = useOwnerOptions(school, concern);
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState(() => addDays(ukIsoDay(), 7));
  const form = useWorkForm(ACTION_FIELDS);
  if (owners === null) return <Loading what="Loading who can do it" />;

  const options: Option[] = [
    { value: '', label: 'Choose who will do it' },
    ...owners.map((o) => ({ value: o.userId, label: o.name })),
  ];

  const submit = async () => {
    const extra = dateProblems([{ path: 'dueOn', value: dueOn, what: 'Due date' }]);
    const data = form.check(addActionBody.safeParse({ description, ownerUserId: owner, dueOn }), extra);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${concernApi(school.id, concern.id)}/actions`, data, createdResponse);
      const ownerName = owners.find((o) => o.userId === owner)?.name.replace(/ \(.*\)$/, '') ?? '';
      onDone('Action added', `${data.description} (${ownerName})`);
    });
  };

  return (
    <Form onSubmit={submit} label="Add an action">
      <ErrorSummary errors={form.errors} />
      <TextareaField
        name="description"
        label="What needs to be done?"
        hint="For example, speak to the pupil’s parents, or check in with the pupil each morning this week."
        rows={3}
        maxChars={1000}
        value={description}
        onValueChange={setDescription}
        error={form.errorFor('description')}
      />
      <SelectField
        name="ownerUserId"
        label="Who will do it?"
        hint={
          concern.restricted
            ? 'Actions on the safeguarding record can only be given to the DSL team.'
            : 'You, the DSL team, or someone who already has an action on this concern.'
        }
        options={options}
        value={owner}
        onValueChange={setOwner}
        error={form.errorFor('ownerUserId')}
      />
      <DateInput name="dueOn" legend="By when?" value={dueOn} onValueChange={setDueOn} error={form.errorFor('dueOn')} />
      <SaveOrCancel busy={form.busy} submitText="Add action" onCancel={onCancel} />
    </Form>
  );
}

const ADDENDUM_FIELDS = ['text', 'reason'] as const;

export function AddAddendumForm({ school, concernId, onDone, onCancel }: FormProps) {
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const form = useWorkForm(ADDENDUM_FIELDS);
  const submit = async () => {
    const data = form.check(addAddendumBody.safeParse({ text, reason }));
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${concernApi(school.id, concernId)}/addenda`, data, okResponse);
      onDone('Added to the record', 'It is shown under Additions, with your name and the time.');
    });
  };
  return (
    <Form onSubmit={submit} label="Add to this record">
      <ErrorSummary errors={form.errors} />
      <TextareaField
        name="text"
        label="What do you want to add?"
        rows={5}
        maxChars={10_000}
        value={text}
        onValueChange={setText}
        error={form.errorFor('text')}
      />
      <TextField
        name="reason"
        label="Why are you adding this?"
        hint="For example, “Spoke to the pupil again” or “Information from home”."
        autoComplete="off"
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="Add to the record" onCancel={onCancel} />
    </Form>
  );
}

const REASON_FIELDS = ['reason'] as const;

export function EscalateForm({ school, concernId, onDone, onCancel }: FormProps) {
  const [reason, setReason] = useState('');
  const form = useWorkForm(REASON_FIELDS);
  const submit = async () => {
    const data = form.check(escalateBody.safeParse({ reason }));
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${concernApi(school.id, concernId)}/escalate`, data, okResponse);
      onDone('Passed to the DSL', 'The DSL team has been alerted. If it is urgent, find them in person too.');
    });
  };
  return (
    <Form onSubmit={submit} label="Pass to the DSL">
      <ErrorSummary errors={form.errors} />
      <TextareaField
        name="reason"
        label="Why does this need the DSL?"
        hint="The DSL team will see this, and it is added to the record."
        rows={4}
        maxChars={2000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="Pass to the DSL" onCancel={onCancel} />
    </Form>
  );
}

export function RestrictForm({ school, concernId, onDone, onCancel }: FormProps) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const form = useWorkForm(REASON_FIELDS);
  const check = () => {
    if (form.check(escalateBody.safeParse({ reason })) === null) return;
    form.clear();
    setConfirming(true);
  };
  const move = () =>
    form.send(
      async () => {
        await apiPost(`${concernApi(school.id, concernId)}/restrict`, { reason }, okResponse);
        setConfirming(false);
        onDone(
          'Moved to the safeguarding record',
          'Only the DSL team can see this concern now. Parents will not be told about it by school.',
        );
      },
      () => {
        setConfirming(false);
      },
    );
  return (
    <Form onSubmit={check} label="Move to the safeguarding record">
      <ErrorSummary errors={form.errors} />
      <TextareaField
        name="reason"
        label="Why should this be in the safeguarding record?"
        rows={4}
        maxChars={2000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="Move to the safeguarding record" onCancel={onCancel} />
      <ConfirmDialog
        open={confirming}
        title="Move this concern to the safeguarding record?"
        confirmText="Yes, move it"
        busy={form.busy}
        onConfirm={() => {
          void move();
        }}
        onCancel={() => {
          setConfirming(false);
        }}
      >
        <p>
          From now on only the DSL team will be able to see it. The Mental Health Lead and the person who logged it will
          no longer see what it says, and parents will not be told about it by school.
        </p>
        <p>This cannot be undone.</p>
      </ConfirmDialog>
    </Form>
  );
}

type OpenAction = ConcernDetail['actions'][number];

/**
 * Close with an outcome. A concern is never closed with work left hanging: for each action still
 * open the closer says whether it has been done, is carried to the pupil's case (it stays open with
 * its owner and due date) or is dropped, with the reason.
 */
export function CloseForm({
  school,
  concernId,
  openActions,
  onDone,
  onCancel,
}: FormProps & { openActions: readonly OpenAction[] }) {
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [fates, setFates] = useState<Record<string, { fate: string; note: string }>>({});
  const fields = useMemo(
    () => ['outcome', 'note', ...openActions.flatMap((_, i) => [`action-${i}`, `action-${i}-note`])],
    [openActions],
  );
  const form = useWorkForm(fields);
  const fateOf = (id: string) => fates[id] ?? { fate: '', note: '' };
  const setFate = (id: string, change: Partial<{ fate: string; note: string }>) => {
    setFates((f) => ({ ...f, [id]: { ...fateOf(id), ...f[id], ...change } }));
  };
  const submit = async () => {
    const extra: FieldError[] = [];
    openActions.forEach((a, i) => {
      const f = fateOf(a.id);
      if (f.fate === '') extra.push({ path: `action-${i}`, message: `Say what becomes of “${a.description}”` });
      else if (f.fate === 'dropped' && f.note.trim() === '') {
        extra.push({ path: `action-${i}-note`, message: `Say why “${a.description}” is being dropped` });
      }
    });
    const data = form.check(
      closeConcernBody.safeParse({
        outcome: outcome === '' ? undefined : outcome,
        note,
        openActions: openActions.map((a) => {
          const f = fateOf(a.id);
          return {
            actionId: a.id,
            fate: f.fate === '' ? 'done' : f.fate,
            ...(f.fate !== 'carried' && f.note.trim() !== '' ? { note: f.note } : {}),
          };
        }),
      }),
      extra,
    );
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${concernApi(school.id, concernId)}/close`, data, okResponse);
      const carried = data.openActions.filter((a) => a.fate === 'carried').length;
      onDone(
        'Concern closed',
        `Outcome: ${CONCERN_OUTCOME_LABELS[data.outcome]}.${
          carried > 0 ? ` ${countOf(carried, 'action stays', 'actions stay')} open on the pupil's case.` : ''
        }`,
      );
    });
  };
  return (
    <Form onSubmit={submit} label="Close with an outcome">
      <ErrorSummary errors={form.errors} />
      <Radios
        name="outcome"
        legend="What was the outcome?"
        options={CONCERN_OUTCOMES.map((o) => ({ value: o, label: CONCERN_OUTCOME_LABELS[o] }))}
        value={outcome}
        onValueChange={setOutcome}
        error={form.errorFor('outcome')}
      />
      <TextareaField
        name="note"
        label="Note on the outcome"
        hint="What was decided and why. Staff with access to the case will see this."
        rows={4}
        maxChars={4000}
        value={note}
        onValueChange={setNote}
        error={form.errorFor('note')}
      />
      {openActions.length > 0 && (
        <>
          <h3 className="heading-s">
            {countOf(openActions.length, 'action is', 'actions are')} still open: say what becomes of each
          </h3>
          {openActions.map((a, i) => {
            const f = fateOf(a.id);
            return (
              <div key={a.id} className="close-action">
                <Radios
                  name={`action-${i}`}
                  legend={`“${a.description}”, for ${a.ownerName}, due ${formatIsoDay(a.dueOn)}`}
                  options={CONCERN_ACTION_FATES.map((v) => ({ value: v, label: CONCERN_ACTION_FATE_LABELS[v] }))}
                  value={f.fate}
                  onValueChange={(v) => {
                    setFate(a.id, { fate: v });
                  }}
                  error={form.errorFor(`action-${i}`)}
                />
                {(f.fate === 'done' || f.fate === 'dropped') && (
                  <TextareaField
                    name={`action-${i}-note`}
                    label={f.fate === 'dropped' ? 'Why is it being dropped?' : 'Note on what was done (optional)'}
                    rows={2}
                    maxChars={1000}
                    value={f.note}
                    onValueChange={(v) => {
                      setFate(a.id, { note: v });
                    }}
                    error={form.errorFor(`action-${i}-note`)}
                  />
                )}
              </div>
            );
          })}
        </>
      )}
      <SaveOrCancel busy={form.busy} submitText="Close concern" onCancel={onCancel} />
    </Form>
  );
}

const PARENTS_FIELDS = ['how', 'when', 'note'] as const;

export function ParentsToldForm({ school, concernId, onDone, onCancel }: FormProps) {
  const [how, setHow] = useState('');
  const [date, setDate] = useState(() => ukIsoDay());
  const [time, setTime] = useState(() => ukTimeOfDay());
  const [note, setNote] = useState('');
  const form = useWorkForm(PARENTS_FIELDS);
  const submit = async () => {
    const when = ukWallTimeToIso(date, time);
    const parsed = recordParentsToldBody.safeParse({
      how: how === '' ? undefined : how,
      when: when ?? undefined,
      note: note.trim() === '' ? undefined : note,
    });
    const extra: FieldError[] = [];
    const problem = dateTimeProblem(date, time, { date: 'Date parents were told', time: 'time parents were told' });
    if (problem !== null) extra.push({ path: 'when', message: problem });
    else if (when !== null && Date.parse(when) > Date.now() + 5 * 60_000) {
      extra.push({ path: 'when', message: 'This cannot be in the future' });
    }
    const data = form.check(parsed, extra);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${concernApi(school.id, concernId)}/parents-told`, data, okResponse);
      onDone('Telling parents recorded', `${PARENTS_TOLD_HOW_LABELS[data.how]}, ${formatDateTime(data.when)}.`);
    });
  };
  return (
    <Form onSubmit={submit} label="Record that parents were told">
      <ErrorSummary errors={form.errors} />
      <Radios
        name="how"
        legend="How were they told?"
        options={PARENTS_TOLD_HOW.map((h) => ({ value: h, label: PARENTS_TOLD_HOW_LABELS[h] }))}
        value={how}
        onValueChange={setHow}
        error={form.errorFor('how')}
      />
      <DateTimeField
        name="when"
        legend="When?"
        date={date}
        time={time}
        onDate={setDate}
        onTime={setTime}
        error={form.errorFor('when')}
      />
      <TextareaField
        name="note"
        label="Note (optional)"
        hint="For example, who you spoke to and what was agreed. It is added to the record."
        rows={3}
        maxChars={2000}
        value={note}
        onValueChange={setNote}
        error={form.errorFor('note')}
      />
      <SaveOrCancel busy={form.busy} submitText="Save" onCancel={onCancel} />
    </Form>
  );
}

const FILE_FIELDS = ['files'] as const;

export function AttachFilesForm({ school, concernId, onDone, onCancel }: FormProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState<number | null>(null);
  const form = useFormErrors(FILE_FIELDS);
  const submit = async () => {
    const problem = files.map(fileProblem).find((p) => p !== null);
    if (files.length === 0 || (problem !== undefined && problem !== null)) {
      form.fromFields([{ path: 'files', message: problem ?? 'Choose a photo or a PDF to attach' }]);
      return;
    }
    setBusy(0);
    const { attached, failures } = await uploadAll(school.id, concernId, files, setBusy);
    setBusy(null);
    if (failures.length > 0) {
      setFiles(files.filter((f) => failures.some((x) => x.name === f.name)));
      form.fromFields([
        {
          path: 'files',
          message: failures.map((f) => `${f.name}: ${f.message}`).join(' '),
        },
      ]);
      return;
    }
    onDone(attached === 1 ? 'File attached' : `${String(attached)} files attached`);
  };
  return (
    <Form onSubmit={submit} label="Attach photos or documents">
      <ErrorSummary errors={form.errors} />
      <FilesField
        name="files"
        label="Photos or documents"
        hint={`JPEG, PNG, WebP or HEIC photos, or PDF documents, up to ${MAX_FILE_SIZE_WORDS} each.`}
        files={files}
        onFilesChange={setFiles}
        error={form.errorFor('files')}
      />
      <ButtonGroup>
        <Button
          type="submit"
          busy={busy !== null}
          busyText={`Sending ${String((busy ?? 0) + 1)} of ${String(files.length)}…`}
        >
          Attach
        </Button>
        <button type="button" className="link-button link-cancel" onClick={onCancel}>
          Cancel
        </button>
      </ButtonGroup>
    </Form>
  );
}

const CORRECTION_FIELDS = ['category', 'occurredAt', 'pupilIds', 'reason'] as const;

export function CorrectionForm({
  school,
  concern,
  onDone,
  onCancel,
}: {
  school: SessionSchool;
  concern: ConcernDetail;
  onDone: Done;
  onCancel: () => void;
}) {
  const [category, setCategory] = useState<string>(concern.category);
  const [date, setDate] = useState(() => ukIsoDay(new Date(concern.occurredAt)));
  const [time, setTime] = useState(() => formatTime(concern.occurredAt));
  const [pupils, setPupils] = useState<ChosenPupil[]>(() =>
    concern.pupils.map((p) => ({ id: p.id, name: p.name, form: p.form, yearGroup: null })),
  );
  const [reason, setReason] = useState('');
  const form = useWorkForm(CORRECTION_FIELDS);

  const submit = async () => {
    const occurredAt = ukWallTimeToIso(date, time);
    const samePupils =
      [...pupils.map((p) => p.id)].sort().join() === [...concern.pupils.map((p) => p.id)].sort().join();
    const sameTime = occurredAt !== null && Date.parse(occurredAt) === Date.parse(concern.occurredAt);
    const body = {
      category: category !== concern.category ? category : undefined,
      occurredAt: sameTime ? undefined : (occurredAt ?? undefined),
      pupilIds: samePupils ? undefined : pupils.map((p) => p.id),
      reason,
    };
    const extra: FieldError[] = [];
    const problem = dateTimeProblem(date, time, { date: 'Date it happened', time: 'time it happened' });
    if (problem !== null) extra.push({ path: 'occurredAt', message: problem });
    if (pupils.length === 0) extra.push({ path: 'pupilIds', message: 'Choose at least one pupil' });
    const data = form.check(correctConcernBody.safeParse(body), extra);
    if (data === null) return;
    if (data.category === undefined && data.occurredAt === undefined && data.pupilIds === undefined) {
      form.fromApi(new ApiError('validation', 0, 'Nothing has changed, so there is nothing to save.'));
      return;
    }
    await form.send(async () => {
      await apiPost(`${concernApi(school.id, concern.id)}/corrections`, data, okResponse);
      onDone('Correction saved', 'The old value and your reason are kept under Corrections.');
    });
  };

  return (
    <Form onSubmit={submit} label="Correct the date, pupils or category">
      <ErrorSummary errors={form.errors} />
      <Radios
        name="category"
        legend="Category"
        options={CONCERN_CATEGORIES.map((c) => ({ value: c, label: CONCERN_CATEGORY_LABELS[c] }))}
        value={category}
        onValueChange={setCategory}
        error={form.errorFor('category')}
      />
      <DateTimeField
        name="occurredAt"
        legend="When it happened"
        date={date}
        time={time}
        onDate={setDate}
        onTime={setTime}
        error={form.errorFor('occurredAt')}
      />
      <PupilPicker
        schoolId={school.id}
        name="pupilIds"
        legend="Who it is about"
        chosen={pupils}
        onChange={setPupils}
        error={form.errorFor('pupilIds')}
      />
      <TextareaField
        name="reason"
        label="Reason for the correction"
        rows={3}
        maxChars={1000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="Save correction" onCancel={onCancel} />
    </Form>
  );
}
