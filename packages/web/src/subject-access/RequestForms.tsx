/**
 * The forms on a subject access request's page, each opened by one of its next steps: recording the
 * identity check, extending the deadline, recording the response as sent, and closing the request.
 */
import {
  closeSubjectAccessBody,
  extendSubjectAccessBody,
  extensionProblems,
  identityCheckBody,
  markSentBody,
  type SubjectAccessRequestView,
} from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { DateInput, dateProblems } from '../components/DateInput';
import { formatIsoDay, ukIsoDay } from '../components/dates';
import { ErrorSummary, Form, SaveOrCancel, TextareaField, TextField } from '../components/Form';
import { useWorkForm } from '../components/useWorkForm';
import { okResponse, requestApi } from './subjectAccessApi';

export interface RequestFormProps {
  r: SubjectAccessRequestView;
  schoolId: string;
  onCancel: () => void;
  onDone: (message: string) => void;
}

export function IdentityForm({ r, schoolId, onCancel, onDone }: RequestFormProps) {
  const form = useWorkForm(['how', 'byName', 'checkedOn']);
  const [how, setHow] = useState(r.identity?.how ?? '');
  const [byName, setByName] = useState(r.identity?.byName ?? '');
  const [checkedOn, setCheckedOn] = useState(r.identity?.checkedOn ?? ukIsoDay());
  const submit = async () => {
    const dates = dateProblems([{ path: 'checkedOn', value: checkedOn, what: 'Date checked' }]);
    const data = form.check(identityCheckBody.safeParse({ how, byName, checkedOn }), dates);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${requestApi(schoolId, r.id)}/identity`, data, okResponse);
      onDone('Identity check recorded');
    });
  };
  return (
    <Form onSubmit={submit} label="Record the identity check">
      <h2 className="heading-m">Record the identity check</h2>
      <ErrorSummary errors={form.errors} />
      <TextareaField
        name="how"
        label="How was their identity checked?"
        hint="For example, passport seen at the office and matched to the contact details held."
        value={how}
        onValueChange={setHow}
        error={form.errorFor('how')}
      />
      <TextField
        name="byName"
        label="Who checked it?"
        value={byName}
        onValueChange={setByName}
        error={form.errorFor('byName')}
      />
      <DateInput
        name="checkedOn"
        legend="When was it checked?"
        value={checkedOn}
        onValueChange={setCheckedOn}
        error={form.errorFor('checkedOn')}
      />
      <SaveOrCancel busy={form.busy} submitText="Record the check" onCancel={onCancel} />
    </Form>
  );
}

export function ExtendForm({ r, schoolId, onCancel, onDone }: RequestFormProps) {
  const form = useWorkForm(['extendTo', 'reason', 'requesterToldOn']);
  const [extendTo, setExtendTo] = useState('');
  const [reason, setReason] = useState('');
  const [toldOn, setToldOn] = useState(ukIsoDay());
  const submit = async () => {
    const dates = dateProblems([
      { path: 'extendTo', value: extendTo, what: 'New deadline' },
      { path: 'requesterToldOn', value: toldOn, what: 'Date the requester was told' },
    ]);
    const rules =
      dates.length === 0
        ? extensionProblems({
            receivedOn: r.receivedOn,
            deadline: r.deadline,
            extendTo,
            requesterToldOn: toldOn,
            today: ukIsoDay(),
          })
        : [];
    const data = form.check(extendSubjectAccessBody.safeParse({ extendTo, reason, requesterToldOn: toldOn }), [
      ...dates,
      ...rules,
    ]);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${requestApi(schoolId, r.id)}/extend`, data, okResponse);
      onDone('Deadline extended');
    });
  };
  return (
    <Form onSubmit={submit} label="Extend the deadline">
      <h2 className="heading-m">Extend the deadline</h2>
      <p>
        A complex request may take up to two further months: the deadline can be no later than{' '}
        <strong>{formatIsoDay(r.latestExtension)}</strong>. Tell the requester, with the reason, within the first month
        (by {formatIsoDay(r.deadline)}).
      </p>
      <ErrorSummary errors={form.errors} />
      <DateInput
        name="extendTo"
        legend="New deadline"
        hint={`After ${formatIsoDay(r.deadline)}, no later than ${formatIsoDay(r.latestExtension)}.`}
        value={extendTo}
        onValueChange={setExtendTo}
        error={form.errorFor('extendTo')}
      />
      <TextareaField
        name="reason"
        label="Why does the request need longer?"
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <DateInput
        name="requesterToldOn"
        legend="When was the requester told?"
        value={toldOn}
        onValueChange={setToldOn}
        error={form.errorFor('requesterToldOn')}
      />
      <SaveOrCancel busy={form.busy} submitText="Extend the deadline" onCancel={onCancel} />
    </Form>
  );
}

export function SentForm({ r, schoolId, onCancel, onDone }: RequestFormProps) {
  const form = useWorkForm(['sentOn']);
  const [sentOn, setSentOn] = useState(ukIsoDay());
  const submit = async () => {
    const dates = dateProblems([{ path: 'sentOn', value: sentOn, what: 'Date sent' }]);
    const data = form.check(markSentBody.safeParse({ sentOn }), dates);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${requestApi(schoolId, r.id)}/sent`, data, okResponse);
      onDone('Response recorded as sent');
    });
  };
  return (
    <Form onSubmit={submit} label="Record the response as sent">
      <h2 className="heading-m">Record the response as sent</h2>
      <p>Every item must have a decision first.</p>
      <ErrorSummary errors={form.errors} />
      <DateInput
        name="sentOn"
        legend="When was it sent?"
        value={sentOn}
        onValueChange={setSentOn}
        error={form.errorFor('sentOn')}
      />
      <SaveOrCancel busy={form.busy} submitText="Record as sent" onCancel={onCancel} />
    </Form>
  );
}

export function CloseForm({ r, schoolId, onCancel, onDone }: RequestFormProps) {
  const form = useWorkForm(['reason']);
  const [reason, setReason] = useState('');
  const submit = async () => {
    const data = form.check(closeSubjectAccessBody.safeParse({ reason }));
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${requestApi(schoolId, r.id)}/close`, data, okResponse);
      onDone('Request closed');
    });
  };
  return (
    <Form onSubmit={submit} label="Close the request">
      <h2 className="heading-m">Close the request</h2>
      <ErrorSummary errors={form.errors} />
      <TextareaField
        name="reason"
        label="Why is it closed?"
        hint="For example, answered in full, or withdrawn by the requester."
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="Close the request" onCancel={onCancel} />
    </Form>
  );
}
