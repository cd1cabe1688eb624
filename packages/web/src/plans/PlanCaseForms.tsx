/**
 * The forms the case team uses on a plan's page: record someone's agreement, record a review, and
 * end the plan. Each checks with the core schema the server uses, and names the version it is for:
 * if the plan changed meanwhile, the server refuses and the page shows the new version.
 */
import {
  AGREEMENT_HOW,
  AGREEMENT_HOW_LABELS,
  AGREEMENT_PARTIES,
  AGREEMENT_PARTY_LABELS,
  endPlanBody,
  planMutationResponse,
  recordAgreementBody,
  recordReviewBody,
  SAFETY_SCALE_MESSAGE,
  SAFETY_SCALE_QUESTION,
} from '@tandem/core';
import { useState } from 'react';
import { ApiError, apiPost } from '../api/client';
import { type SessionSchool } from '../auth/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DateInput, dateProblems, isIsoDay } from '../components/DateInput';
import { addDays, formatIsoDay, ukIsoDay } from '../components/dates';
import { ErrorSummary, Form, Radios, SaveOrCancel, TextareaField, TextField } from '../components/Form';
import { useWorkForm } from '../components/useWorkForm';
import { createdResponse, planApi, SAFETY_SCALE_HINT, SAFETY_SCALE_OPTIONS, type CasePlan } from './plansApi';

type Done = (title: string, text?: string) => void;

interface FormProps {
  school: SessionSchool;
  plan: CasePlan['plan'];
  onDone: Done;
  onCancel: () => void;
  /** The plan changed meanwhile: load it again (what is typed stays). */
  onStale: () => void;
}

/**
 * A refusal because the plan changed meanwhile (a newer version, or it ended): the server's words,
 * and the page loads the plan as it is now. What was typed stays in the form.
 */
function staleMessage(error: ApiError, onStale: () => void): ApiError {
  if (error.code !== 'conflict') return error;
  onStale();
  return new ApiError(
    error.code,
    error.status,
    `${error.message} The page now shows the plan as it is: check it before saving again. What you typed is still here.`,
  );
}

const AGREEMENT_FIELDS = ['party', 'name', 'relationship', 'how', 'agreedOn', 'note'] as const;

export function RecordAgreementForm({ school, plan, onDone, onCancel, onStale }: FormProps) {
  const [party, setParty] = useState<string>(() => plan.missingAgreements[0] ?? '');
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [how, setHow] = useState('');
  const [agreedOn, setAgreedOn] = useState(() => ukIsoDay());
  const [note, setNote] = useState('');
  const form = useWorkForm(AGREEMENT_FIELDS, (e) => staleMessage(e, onStale));

  const submit = async () => {
    const parsed = recordAgreementBody.safeParse({
      version: plan.version,
      party: party === '' ? undefined : party,
      name,
      relationship,
      how: how === '' ? undefined : how,
      agreedOn,
      note,
    });
    const extra = dateProblems([{ path: 'agreedOn', value: agreedOn, what: 'Date they agreed' }]);
    if (extra.length === 0 && agreedOn > ukIsoDay())
      extra.push({ path: 'agreedOn', message: 'The date they agreed cannot be in the future' });
    const data = form.check(parsed, extra);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${planApi(school.id, plan.id)}/agreements`, data, createdResponse);
      onDone('Agreement recorded', `${data.name} agreed version ${String(plan.version)}.`);
    });
  };

  const needed = new Set(plan.agreementsNeeded);
  return (
    <Form onSubmit={submit} label="Record agreement">
      <ErrorSummary errors={form.errors} />
      <p className="hint">For version {plan.version}, the plan as it is now.</p>
      <Radios
        name="party"
        legend="Who agreed?"
        options={AGREEMENT_PARTIES.map((p) => ({
          value: p,
          label: AGREEMENT_PARTY_LABELS[p],
          ...(needed.has(p) ? { hint: 'Needed for this plan' } : {}),
        }))}
        value={party}
        onValueChange={setParty}
        error={form.errorFor('party')}
      />
      <TextField
        name="name"
        label="Their name"
        autoComplete="off"
        value={name}
        onValueChange={setName}
        error={form.errorFor('name')}
      />
      <TextField
        name="relationship"
        label="Relationship or role (optional)"
        hint="For example, mother, or CAMHS nurse."
        autoComplete="off"
        value={relationship}
        onValueChange={setRelationship}
        error={form.errorFor('relationship')}
      />
      <Radios
        name="how"
        legend="How did they agree?"
        options={AGREEMENT_HOW.map((h) => ({ value: h, label: AGREEMENT_HOW_LABELS[h] }))}
        value={how}
        onValueChange={setHow}
        error={form.errorFor('how')}
      />
      <DateInput
        name="agreedOn"
        legend="When did they agree?"
        value={agreedOn}
        onValueChange={setAgreedOn}
        error={form.errorFor('agreedOn')}
      />
      <TextareaField
        name="note"
        label="Note (optional)"
        hint="For example, anything they asked to change next time."
        rows={3}
        maxChars={1000}
        value={note}
        onValueChange={setNote}
        error={form.errorFor('note')}
      />
      <SaveOrCancel busy={form.busy} submitText="Record agreement" onCancel={onCancel} />
    </Form>
  );
}

const REVIEW_FIELDS = ['reviewedOn', 'whatWasDone', 'whatChanged', 'safetyScale', 'nextReviewOn'] as const;

export function RecordReviewForm({ school, plan, onDone, onCancel, onStale }: FormProps) {
  const sos = plan.kind === 'signs_of_safety';
  const [reviewedOn, setReviewedOn] = useState(() => ukIsoDay());
  const [whatWasDone, setWhatWasDone] = useState('');
  const [whatChanged, setWhatChanged] = useState('');
  const [nextReviewOn, setNextReviewOn] = useState(() => addDays(ukIsoDay(), 42));
  const [scale, setScale] = useState('');
  const form = useWorkForm(REVIEW_FIELDS, (e) => staleMessage(e, onStale));

  const submit = async () => {
    const parsed = recordReviewBody.safeParse({
      version: plan.version,
      reviewedOn,
      whatWasDone,
      whatChanged,
      nextReviewOn,
      safetyScale: sos && scale !== '' ? Number(scale) : null,
    });
    const extra = dateProblems([
      { path: 'reviewedOn', value: reviewedOn, what: 'Date of the review' },
      { path: 'nextReviewOn', value: nextReviewOn, what: 'Date of the next review' },
    ]);
    if (sos && scale === '') extra.push({ path: 'safetyScale', message: SAFETY_SCALE_MESSAGE });
    const realDates = isIsoDay(reviewedOn) && isIsoDay(nextReviewOn);
    if (isIsoDay(reviewedOn) && reviewedOn > ukIsoDay()) {
      extra.push({ path: 'reviewedOn', message: 'The date of the review cannot be in the future' });
    }
    if (realDates && nextReviewOn <= reviewedOn) {
      extra.push({ path: 'nextReviewOn', message: 'The next review must be after this one' });
    }
    const data = form.check(parsed, extra);
    if (data === null) return;
    await form.send(async () => {
      await apiPost(`${planApi(school.id, plan.id)}/reviews`, data, createdResponse);
      onDone('Review recorded', `The next review is due on ${formatIsoDay(data.nextReviewOn)}.`);
    });
  };

  return (
    <Form onSubmit={submit} label="Record a review">
      <ErrorSummary errors={form.errors} />
      <p className="hint">
        Assess, plan, do, review: say what was done and whether the plan is working. If the plan itself needs to change,
        change it after recording the review.
      </p>
      <DateInput
        name="reviewedOn"
        legend="Date of the review"
        value={reviewedOn}
        onValueChange={setReviewedOn}
        error={form.errorFor('reviewedOn')}
      />
      <TextareaField
        name="whatWasDone"
        label="What was done since the plan or the last review?"
        rows={4}
        maxChars={5000}
        value={whatWasDone}
        onValueChange={setWhatWasDone}
        error={form.errorFor('whatWasDone')}
      />
      <TextareaField
        name="whatChanged"
        label="What changed, and is the plan working?"
        hint="Include what the pupil and their family said."
        rows={4}
        maxChars={5000}
        value={whatChanged}
        onValueChange={setWhatChanged}
        error={form.errorFor('whatChanged')}
      />
      {sos && (
        <Radios
          name="safetyScale"
          inline
          legend={SAFETY_SCALE_QUESTION}
          hint={SAFETY_SCALE_HINT}
          options={SAFETY_SCALE_OPTIONS}
          value={scale}
          onValueChange={setScale}
          error={form.errorFor('safetyScale')}
        />
      )}
      <DateInput
        name="nextReviewOn"
        legend="When is the next review?"
        value={nextReviewOn}
        onValueChange={setNextReviewOn}
        error={form.errorFor('nextReviewOn')}
      />
      <SaveOrCancel busy={form.busy} submitText="Record review" onCancel={onCancel} />
    </Form>
  );
}

const END_FIELDS = ['reason'] as const;

export function EndPlanForm({ school, plan, onDone, onCancel, onStale }: FormProps) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const form = useWorkForm(END_FIELDS, (e) => staleMessage(e, onStale));
  const check = () => {
    if (form.check(endPlanBody.safeParse({ version: plan.version, reason })) === null) return;
    form.clear();
    setConfirming(true);
  };
  const end = () =>
    form.send(
      async () => {
        await apiPost(`${planApi(school.id, plan.id)}/end`, { version: plan.version, reason }, planMutationResponse);
        setConfirming(false);
        onDone('Plan ended', 'It is kept with its history, and is no longer shown to staff or on the parent portal.');
      },
      () => {
        setConfirming(false);
      },
    );
  return (
    <Form onSubmit={check} label="End the plan">
      <ErrorSummary errors={form.errors} />
      <TextareaField
        name="reason"
        label="Why is the plan ending?"
        hint="For example, “Reviewed with Ava and her father: no longer needed.” This is kept with the plan."
        rows={3}
        maxChars={1000}
        value={reason}
        onValueChange={setReason}
        error={form.errorFor('reason')}
      />
      <SaveOrCancel busy={form.busy} submitText="End the plan" onCancel={onCancel} />
      <ConfirmDialog
        open={confirming}
        title="End this plan?"
        confirmText="Yes, end the plan"
        busy={form.busy}
        onConfirm={() => {
          void end();
        }}
        onCancel={() => {
          setConfirming(false);
        }}
      >
        <p>
          Staff given the plan will no longer see it on the pupil&rsquo;s page, and parents will no longer see it on the
          parent portal. It is kept, with its versions, agreements and reviews.
        </p>
        <p>An ended plan cannot be changed or started again. If one is needed later, write a new plan.</p>
      </ConfirmDialog>
    </Form>
  );
}
