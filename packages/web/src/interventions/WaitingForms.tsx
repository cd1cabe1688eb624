/**
 * The lead's forms on a waiting pupil: give them a place, move them in the list, or take them off
 * it. Each checks with the core schema the server uses; moving sends the order the lead saw, so a
 * list changed meanwhile is shown again rather than reordered blindly.
 */
import {
  allocatePlaceSchema,
  movePlaceSchema,
  nextSessionDay,
  SESSION_DAY_LABELS,
  withdrawPlaceSchema,
  type SessionDay,
  type WithdrawPlaceBody,
} from '@tandem/core';
import { useState } from 'react';
import { ApiError, apiPost } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ukIsoDay } from '../components/dates';
import { DateInput, dateProblems } from '../components/DateInput';
import { ErrorSummary, Form, SaveOrCancel, SelectField, TextareaField } from '../components/Form';
import { useWorkForm } from '../components/useWorkForm';
import {
  allocatedResponse,
  interventionApi,
  okResponse,
  placeApi,
  type Changed,
  type WaitingPlace,
} from './interventionsApi';

interface FormProps {
  schoolId: string;
  interventionId: string;
  place: WaitingPlace;
  onDone: Changed;
  onCancel: () => void;
}

const GIVE_FIELDS = ['startOn', 'reason'] as const;

export function GivePlaceForm({
  schoolId,
  interventionId,
  place,
  onDone,
  onCancel,
  sessionDay,
}: FormProps & { sessionDay: SessionDay }) {
  const [startOn, setStartOn] = useState(() => nextSessionDay(ukIsoDay(), sessionDay));
  const [reason, setReason] = useState('');
  const form = useWorkForm(GIVE_FIELDS);
  const first = place.position === 1;
  const submit = async () => {
    const extra = dateProblems([{ path: 'startOn', value: startOn, what: 'Start date' }]);
    if (!first && reason.trim() === '') {
      extra.push({ path: 'reason', message: 'Enter why this pupil goes before those ahead of them' });
    }
    const data = form.check(allocatePlaceSchema.safeParse({ placeId: place.placeId, startOn, reason }), extra);
    if (data === null) return;
    await form.send(async () => {
      const given = await apiPost(`${interventionApi(schoolId, interventionId)}/allocations`, data, allocatedResponse);
      onDone(
        `${place.name} has a place`,
        given.baselineQuestionnaireId === null
          ? 'Print the letter home and record that parents were told.'
          : 'Print the letter home and record that parents were told. A baseline questionnaire is now due for them.',
      );
    });
  };
  return (
    <Form onSubmit={submit} label={`Give ${place.name} a place`}>
      <ErrorSummary errors={form.errors} />
      <DateInput
        name="startOn"
        legend="When do they start?"
        hint={`The next ${SESSION_DAY_LABELS[sessionDay]} is filled in: sessions are on ${SESSION_DAY_LABELS[sessionDay]}s.`}
        value={startOn}
        onValueChange={setStartOn}
        error={form.errorFor('startOn')}
      />
      {!first && (
        <TextareaField
          name="reason"
          label="Why does this pupil go first?"
          hint={`${place.name} is number ${String(place.position)} on the list, so giving them a place passes over the pupils ahead of them. Say why: it is recorded and audited.`}
          rows={3}
          maxChars={1000}
          value={reason}
          onValueChange={setReason}
          error={form.errorFor('reason')}
        />
      )}
      <SaveOrCancel busy={form.busy} submitText="Give the place" onCancel={onCancel} />
    </Form>
  );
}

const MOVE_FIELDS = ['toPosition', 'reason'] as const;
const LIST_CHANGED =
  'The list changed while you were looking; here it is again. Check the new order, then move the pupil again if you still need to.';

export function MoveForm({
  schoolId,
  interventionId,
  place,
  onDone,
  onCancel,
  count,
  order,
  onStale,
}: FormProps & { count: number; order: readonly string[]; onStale: () => void }) {
  const [toPosition, setToPosition] = useState('');
  const [reason, setReason] = useState('');
  const form = useWorkForm(MOVE_FIELDS, (e) => {
    if (e.code !== 'conflict') return e;
    onStale();
    return new ApiError('conflict', 409, LIST_CHANGED);
  });
  const positions = Array.from({ length: count }, (_, n) => n + 1).filter((n) => n !== place.position);
  const submit = async () => {
    const data = form.check(
      movePlaceSchema.safeParse({
        placeId: place.placeId,
        toPosition: toPosition === '' ? undefined : Number(toPosition),
        reason,
        expectedOrder: order,
      }),
      toPosition === '' ? [{ path: 'toPosition', message: 'Choose the new position' }] : [],
    );
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${interventionApi(schoolId, interventionId)}/waiting-list/moves`, data, okResponse);
      onDone(`${place.name} moved to number ${String(data.toPosition)}`, 'The move and its reason are recorded.');
    });
  };
  return (
    <Form onSubmit={submit} label={`Move ${place.name}`}>
      <ErrorSummary errors={form.errors} />
      <SelectField
        name="toPosition"
        label="New position"
        hint={`${place.name} is number ${String(place.position)} now. Number 1 is first.`}
        options={[
          { value: '', label: 'Choose a position' },
          ...positions.map((n) => ({ value: String(n), label: String(n) })),
        ]}
        value={toPosition}
        onValueChange={setToPosition}
        error={form.errorFor('toPosition')}
      />
      <TextareaField
        name="reason"
        label="Why are you moving them?"
        hint="This is recorded and audited, and shown on the waiting list."
        rows={3}
        maxChars={1000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="Move" onCancel={onCancel} />
    </Form>
  );
}

const WITHDRAW_FIELDS = ['reason'] as const;

export function WithdrawForm({ schoolId, interventionId, place, onDone, onCancel }: FormProps) {
  const [reason, setReason] = useState('');
  const [body, setBody] = useState<WithdrawPlaceBody | null>(null);
  const form = useWorkForm(WITHDRAW_FIELDS);
  const check = () => {
    const data = form.check(withdrawPlaceSchema.safeParse({ reason }));
    if (data === null) return;
    form.clear();
    setBody(data);
  };
  const withdraw = (data: WithdrawPlaceBody) =>
    form.send(
      async () => {
        await apiPost(`${placeApi(schoolId, interventionId, place.placeId)}/withdraw`, data, okResponse);
        setBody(null);
        onDone(`${place.name} taken off the waiting list`, 'The reason is kept with their request.');
      },
      () => {
        setBody(null);
      },
    );
  return (
    <Form onSubmit={check} label={`Take ${place.name} off the list`}>
      <ErrorSummary errors={form.errors} />
      <TextareaField
        name="reason"
        label="Why are they coming off the list?"
        hint="For example, “Now seen by CAMHS” or “Family asked for this”. This is kept with the request."
        rows={3}
        maxChars={1000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="Take off the list" onCancel={onCancel} />
      <ConfirmDialog
        open={body !== null}
        title={`Take ${place.name} off the waiting list?`}
        confirmText="Yes, take them off"
        busy={form.busy}
        onConfirm={() => {
          if (body !== null) void withdraw(body);
        }}
        onCancel={() => {
          setBody(null);
        }}
      >
        <p>
          They lose their place in the queue. If they need it later, ask for a place again: they join by the usual
          order.
        </p>
      </ConfirmDialog>
    </Form>
  );
}
