/**
 * Before a draft is sent: what the service needs that is still missing, each a link to its field,
 * and "Mark as sent" with the day it went. Sending is refused while anything is missing (the same
 * rule as the server's, stepProblem in core); the server's own refusal is shown the same way.
 */
import { stepProblem, type MissingPart, type ReferralConsent } from '@tandem/core';
import { useState, type MouseEvent } from 'react';
import { ApiError } from '../api/client';
import { ukIsoDay } from '../components/dates';
import { boxesExample, DateInput, dateProblem } from '../components/DateInput';
import { Button, ErrorMessage, ErrorSummary, Form } from '../components/Form';
import { countOf } from '../components/format';
import { useWorkForm } from '../components/useWorkForm';
import type { ReferralValues } from './referralValues';
import { partFieldId } from './referralValues';
import type { FullReferral } from './referralsApi';

const FIELDS = ['to', 'on'] as const;

function goTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (target === null) return;
  event.preventDefault();
  (target.closest('.form-group') ?? target).scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

export function Completeness({
  referral,
  values,
  missing,
  onSend,
}: {
  referral: FullReferral;
  values: ReferralValues;
  missing: readonly MissingPart[];
  /** Saves what is unsaved, then marks the referral as sent on the day; throws when refused. */
  onSend: (on: string) => Promise<void>;
}) {
  const [on, setOn] = useState(ukIsoDay);
  const form = useWorkForm(FIELDS);
  const consent: ReferralConsent | null = values.consent;

  const send = async () => {
    const dateIssue = dateProblem(on, 'The day it was sent');
    if (dateIssue !== null) {
      form.fromFields([{ path: 'on', message: dateIssue }]);
      return;
    }
    const problem = stepProblem(
      { ...values, service: referral.service, status: 'draft', sentOn: null, lastStepOn: null },
      { to: 'sent', on, note: '' },
      ukIsoDay(),
    );
    if (problem !== null) {
      form.fromFields([{ path: problem.path === 'on' ? 'on' : 'to', message: problem.message }]);
      return;
    }
    await form.send(async () => {
      await onSend(on);
    });
  };

  // "Cannot be sent until it is complete" is out of date once nothing is missing: not shown then.
  const outOfDate =
    missing.length === 0 && form.errors.fields.length > 0 && form.errors.fields.every((f) => f.path === 'to');
  const toError = outOfDate ? undefined : form.errorFor('to');
  return (
    <section aria-labelledby="ready-title" className="referral-section referral-check">
      <h2 className="heading-l" id="ready-title">
        Ready to send?
      </h2>
      {/* At the top of the section, before the list it sums up (the form is below the list). */}
      {!outOfDate && <ErrorSummary errors={form.errors} title="It cannot be marked as sent yet" />}
      <div
        id="to"
        tabIndex={-1}
        className={toError === undefined ? undefined : 'form-group--error referral-check__list'}
      >
        {toError !== undefined && <ErrorMessage id="to-error">{toError}</ErrorMessage>}
        {missing.length === 0 ? (
          <p>Everything {referral.serviceName ?? 'the service'} needs is written. Check it reads well, then send it.</p>
        ) : (
          <>
            <p>Still needed before it can be sent ({countOf(missing.length, 'part')}):</p>
            <ul className="list list--bullet">
              {missing.map((m) => {
                const id = partFieldId(m.part, consent);
                return (
                  <li key={m.part}>
                    <a
                      href={`#${id}`}
                      onClick={(e) => {
                        goTo(e, id);
                      }}
                    >
                      {m.label}
                    </a>
                    {/* Consent's message says which answer is missing; the others' say "Write …". */}
                    {m.part === 'consent' && `: ${m.message}`}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
      <Form onSubmit={send} label="Mark as sent">
        <DateInput
          name="on"
          legend="When was it sent?"
          hint={`Send it as the service asks (their form, e-mail or portal), then record the day here. For example, ${boxesExample(ukIsoDay())}.`}
          value={on}
          onValueChange={setOn}
          error={form.errorFor('on')}
        />
        <Button type="submit" busy={form.busy} busyText="Saving…">
          Mark as sent
        </Button>
      </Form>
    </section>
  );
}

/** The refusal of the draft's save, when sending saved it first: said in the sending form too. */
export function notSavedError(error: ApiError): ApiError {
  return new ApiError(
    error.code,
    error.status,
    'The draft could not be saved, so it was not marked as sent. The problem is shown at the top of the form.',
  );
}
