/**
 * After a referral is sent: record what the service did next (acknowledged, accepted, declined,
 * a first appointment, closed), on the day it happened. Declined needs why and where the pupil was
 * signposted instead. A step the server refuses shows its reason beside the field it is about.
 */
import { REFERRAL_STATUS_LABELS, type ReferralStatus } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import { ukIsoDay } from '../components/dates';
import { DateInput, dateProblem } from '../components/DateInput';
import { Button, ErrorSummary, Form, Radios, TextareaField, TextField } from '../components/Form';
import { isOneOf } from '../components/format';
import { useWorkForm } from '../components/useWorkForm';
import { referralApi, steppedResponse, type Detail } from './referralsApi';

const FIELDS = ['to', 'on', 'declineReason', 'signpostedTo', 'note'] as const;

const HINTS: Partial<Record<ReferralStatus, string>> = {
  acknowledged: 'The service has it and is looking at it.',
  accepted: 'The service will see the pupil.',
  declined: 'The service will not see the pupil.',
  waiting: 'Accepted, and waiting for a date for the first appointment.',
  first_appointment: 'The pupil has been seen: the wait stops here.',
  closed: 'Nothing more to follow up.',
};

export function StepForm({
  schoolId,
  data,
  onDone,
}: {
  schoolId: string;
  data: Detail;
  onDone: (title: string, text?: string) => void;
}) {
  const r = data.referral;
  const [to, setTo] = useState<ReferralStatus | ''>('');
  const [on, setOn] = useState(ukIsoDay);
  const [note, setNote] = useState('');
  const [declineReason, setDeclineReason] = useState('');
  const [signpostedTo, setSignpostedTo] = useState('');
  const form = useWorkForm(FIELDS);

  const submit = async () => {
    const dateIssue = dateProblem(on, 'The day it happened');
    const problems = [
      ...(to === '' ? [{ path: 'to', message: 'Choose the next step' }] : []),
      ...(dateIssue === null ? [] : [{ path: 'on', message: dateIssue }]),
      ...(to === 'declined' && declineReason.trim() === ''
        ? [{ path: 'declineReason', message: 'Say why the service declined the referral' }]
        : []),
      ...(to === 'declined' && signpostedTo.trim() === ''
        ? [{ path: 'signpostedTo', message: 'Say where the pupil was signposted instead (or "nowhere")' }]
        : []),
    ];
    if (problems.length > 0 || to === '') {
      form.fromFields(problems);
      return;
    }
    const body = {
      to,
      on,
      note,
      ...(to === 'declined' ? { declineReason, signpostedTo } : {}),
      version: r.version,
    };
    await form.send(async () => {
      await apiPost(`${referralApi(schoolId, r.id)}/steps`, body, steppedResponse);
      onDone(`Recorded: ${REFERRAL_STATUS_LABELS[to].toLowerCase()}`);
    });
  };

  return (
    <section aria-labelledby="next-title" className="referral-section referral-next">
      <h2 className="heading-l" id="next-title">
        Record the next step
      </h2>
      <Form onSubmit={submit} label="Record the next step">
        <ErrorSummary errors={form.errors} />
        <Radios
          name="to"
          legend="What happened?"
          options={data.nextSteps.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s], hint: HINTS[s] }))}
          value={to}
          onValueChange={(v) => {
            if (isOneOf(data.nextSteps, v)) setTo(v);
          }}
          error={form.errorFor('to')}
        />
        <DateInput name="on" legend="When?" value={on} onValueChange={setOn} error={form.errorFor('on')} />
        {to === 'declined' && (
          <>
            <TextareaField
              name="declineReason"
              label="Why did the service decline it?"
              hint="In their words, if they gave a reason. The lead’s view counts the most common reasons."
              rows={3}
              maxChars={2000}
              value={declineReason}
              onValueChange={setDeclineReason}
              error={form.errorFor('declineReason')}
            />
            <TextField
              name="signpostedTo"
              label="Where was the pupil signposted instead?"
              hint="For example, the school counsellor or an online service. Write “nowhere” if they were not."
              maxLength={500}
              value={signpostedTo}
              onValueChange={setSignpostedTo}
              error={form.errorFor('signpostedTo')}
            />
          </>
        )}
        <TextareaField
          name="note"
          label="Note (optional)"
          hint="Anything the next person should know, such as who you spoke to."
          rows={3}
          maxChars={2000}
          value={note}
          onValueChange={setNote}
          error={form.errorFor('note')}
        />
        <Button type="submit" busy={form.busy} busyText="Saving…">
          Record the step
        </Button>
      </Form>
    </section>
  );
}
