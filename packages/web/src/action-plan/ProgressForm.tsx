/** "Note progress": what has happened and where the action now stands (its owner and the lead). */
import {
  ACTION_LIMITS,
  ACTION_STATUSES,
  actionProgressSchema,
  actionSavedSchema,
  type ImprovementAction,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { ErrorSummary, Form, Radios, SaveOrCancel, TextareaField, Button } from '../components/Form';
import { useWorkForm } from '../components/useWorkForm';
import { actionApi, statusWords } from './actionPlanApi';

const FIELDS = ['note', 'status'] as const;

export function ProgressForm({
  schoolId,
  action,
  onSaved,
}: {
  schoolId: string;
  action: ImprovementAction;
  onSaved: () => void;
}) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button
        onClick={() => {
          setOpen(true);
        }}
      >
        Note progress
      </Button>
    );
  }
  return (
    <ProgressFields
      schoolId={schoolId}
      action={action}
      onClose={(saved) => {
        setOpen(false);
        if (saved) onSaved();
      }}
    />
  );
}

/** The open form: it goes away once saved, so its busy state never outlives it. */
function ProgressFields({
  schoolId,
  action,
  onClose,
}: {
  schoolId: string;
  action: ImprovementAction;
  onClose: (saved: boolean) => void;
}) {
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string>(action.status === 'not_started' ? 'in_progress' : action.status);
  const work = useWorkForm(FIELDS);
  const submit = async () => {
    const body = work.check(actionProgressSchema.safeParse({ note, status }));
    if (body === null) return;
    await work.send(async () => {
      await apiPost(`${actionApi(schoolId, action.id)}/progress`, body, actionSavedSchema);
      onClose(true);
    });
  };
  return (
    <section className="progress-form" aria-labelledby="progress-heading">
      <h2 className="heading-m" id="progress-heading">
        Note progress
      </h2>
      <ErrorSummary errors={work.errors} />
      <Form onSubmit={submit} label="Note progress">
        <TextareaField
          name="note"
          label="What has happened?"
          hint="What was done, what changed, and anything in the way. Do not name pupils."
          value={note}
          maxChars={ACTION_LIMITS.note}
          rows={4}
          error={work.errorFor('note')}
          onValueChange={setNote}
        />
        <Radios
          name="status"
          legend="Where does the action stand now?"
          value={status}
          error={work.errorFor('status')}
          onValueChange={setStatus}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: statusWords(s) }))}
        />
        <SaveOrCancel
          busy={work.busy}
          submitText="Save the note"
          onCancel={() => {
            onClose(false);
          }}
        />
      </Form>
    </section>
  );
}
