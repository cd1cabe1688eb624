/** Ending a pupil's place: completed or left early, with how it ended, confirmed before it is sent. */
import { endPlaceSchema, type EndPlaceBody } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorSummary, Form, Radios, SaveOrCancel, TextareaField } from '../components/Form';
import { useWorkForm } from '../components/useWorkForm';
import { endedResponse, placeApi, type Changed, type InPlace } from './interventionsApi';

const END_FIELDS = ['ending', 'reason'] as const;

export function EndPlaceForm({
  schoolId,
  interventionId,
  place,
  onDone,
  onCancel,
}: {
  schoolId: string;
  interventionId: string;
  place: InPlace;
  onDone: Changed;
  onCancel: () => void;
}) {
  const [ending, setEnding] = useState('');
  const [reason, setReason] = useState('');
  // The checked answer, while the person is asked to confirm it.
  const [body, setBody] = useState<EndPlaceBody | null>(null);
  const form = useWorkForm(END_FIELDS);
  const check = () => {
    const data = form.check(endPlaceSchema.safeParse({ ending, reason }));
    if (data === null) return;
    form.clear();
    setBody(data);
  };
  const end = (data: EndPlaceBody) =>
    form.send(
      async () => {
        const ended = await apiPost(`${placeApi(schoolId, interventionId, place.placeId)}/end`, data, endedResponse);
        setBody(null);
        onDone(
          `${place.name}’s place ended`,
          ended.followUpQuestionnaireId === null
            ? 'The place is free for the next pupil on the waiting list.'
            : 'The place is free for the next pupil on the waiting list. A follow-up questionnaire is now due for them.',
        );
      },
      () => {
        setBody(null);
      },
    );
  return (
    <Form onSubmit={check} label={`End ${place.name}’s place`}>
      <ErrorSummary errors={form.errors} />
      <Radios
        name="ending"
        legend="How did it end?"
        options={[
          { value: 'completed', label: 'Completed', hint: 'They had the sessions planned for them.' },
          { value: 'left_early', label: 'Left early', hint: 'They stopped before the end.' },
        ]}
        value={ending}
        onValueChange={setEnding}
        error={form.errorFor('ending')}
      />
      <TextareaField
        name="reason"
        label="What happened?"
        hint="For example, “Finished all six sessions” or “Moved school in March”. This is kept with the place."
        rows={3}
        maxChars={1000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="End the place" onCancel={onCancel} />
      <ConfirmDialog
        open={body !== null}
        title={`End ${place.name}’s place?`}
        confirmText="Yes, end the place"
        busy={form.busy}
        onConfirm={() => {
          if (body !== null) void end(body);
        }}
        onCancel={() => {
          setBody(null);
        }}
      >
        <p>
          {place.name} will no longer be in the intervention, and the place is free for the next pupil. This cannot be
          undone: to start again, ask for a new place.
        </p>
      </ConfirmDialog>
    </Form>
  );
}
