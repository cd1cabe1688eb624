/**
 * Asking for a place, from either end: on an intervention's page (choose the pupil) or on a pupil's
 * record (choose the intervention). The request joins the waiting list; one for a pupil already
 * waiting or already in it is refused with the server's reason, shown in the error summary.
 */
import { requestPlaceSchema } from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { apiPost } from '../api/client';
import { describePupil, PupilPicker, type ChosenPupil } from '../concerns/PupilPicker';
import { ErrorSummary, Form, SaveOrCancel, SelectField, TextareaField } from '../components/Form';
import { useWorkForm } from '../components/useWorkForm';
import { createdResponse, interventionApi, newSubmissionKey, type Changed } from './interventionsApi';

/** What the form's page already knows: the intervention, or the pupil. */
export type RequestFixed =
  | { kind: 'intervention'; id: string; name: string }
  | { kind: 'pupil'; id: string; name: string; interventions: readonly { id: string; name: string }[] };

const FIELDS = ['pupilId', 'interventionId', 'reason'] as const;

export function RequestPlaceForm({
  schoolId,
  fixed,
  onDone,
  onCancel,
}: {
  schoolId: string;
  fixed: RequestFixed;
  onDone: Changed;
  onCancel: () => void;
}) {
  const [pupils, setPupils] = useState<ChosenPupil[]>([]);
  const [interventionId, setInterventionId] = useState('');
  const [reason, setReason] = useState('');
  // One key per form: a double press or a retry after a dropped connection asks once.
  const [submissionKey] = useState(newSubmissionKey);
  const form = useWorkForm(FIELDS);

  const pupil = fixed.kind === 'pupil' ? { id: fixed.id, name: fixed.name } : (pupils[0] ?? null);
  const intervention =
    fixed.kind === 'intervention' ? fixed : (fixed.interventions.find((i) => i.id === interventionId) ?? null);

  const submit = async () => {
    const extra = intervention === null ? [{ path: 'interventionId', message: 'Choose the intervention' }] : [];
    const data = form.check(requestPlaceSchema.safeParse({ pupilId: pupil?.id ?? '', reason, submissionKey }), extra);
    if (data === null || intervention === null || pupil === null) return;
    await form.send(async () => {
      await apiPost(`${interventionApi(schoolId, intervention.id)}/requests`, data, createdResponse);
      onDone(
        `${pupil.name} is on the waiting list for ${intervention.name}`,
        'Their position and expected start are shown on the waiting list.',
      );
    });
  };

  return (
    <Form onSubmit={submit} label="Ask for a place">
      <ErrorSummary errors={form.errors} />
      {fixed.kind === 'intervention' ? (
        <OnePupil
          schoolId={schoolId}
          chosen={pupils[0] ?? null}
          onChange={setPupils}
          error={form.errorFor('pupilId')}
        />
      ) : (
        <SelectField
          name="interventionId"
          label="Which intervention?"
          hint="Only interventions that are running are listed."
          options={[
            { value: '', label: 'Choose an intervention' },
            ...fixed.interventions.map((i) => ({ value: i.id, label: i.name })),
          ]}
          value={interventionId}
          onValueChange={setInterventionId}
          error={form.errorFor('interventionId')}
        />
      )}
      <TextareaField
        name="reason"
        label="Why do they need a place?"
        hint="What you have noticed and what you hope it helps with. The lead and the intervention’s staff read this."
        rows={4}
        maxChars={2000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="Ask for a place" onCancel={onCancel} />
    </Form>
  );
}

/** One pupil: the concern form's picker to find them, then their name with "Choose another pupil". */
function OnePupil({
  schoolId,
  chosen,
  onChange,
  error,
}: {
  schoolId: string;
  chosen: ChosenPupil | null;
  onChange: (pupils: ChosenPupil[]) => void;
  error: string | undefined;
}) {
  const change = useRef<HTMLButtonElement>(null);
  const picked = chosen !== null;
  const wasPicked = useRef(picked);
  // Focus follows the question: to "Choose another pupil" once chosen, back to the search after.
  useEffect(() => {
    if (picked) change.current?.focus();
    else if (wasPicked.current) document.getElementById('pupilId')?.focus();
    wasPicked.current = picked;
  }, [picked]);
  if (chosen === null) {
    return (
      <PupilPicker
        schoolId={schoolId}
        name="pupilId"
        legend="Which pupil?"
        chosen={[]}
        onChange={(list) => {
          onChange(list.slice(0, 1));
        }}
        error={error}
      />
    );
  }
  return (
    <div className="form-group">
      <p className="label">Pupil</p>
      <p>
        <strong>{chosen.name}</strong> <span className="secondary-text">{describePupil(chosen)}</span>
      </p>
      <button
        type="button"
        ref={change}
        className="link-button"
        onClick={() => {
          onChange([]);
        }}
      >
        Choose another pupil
      </button>
    </div>
  );
}
