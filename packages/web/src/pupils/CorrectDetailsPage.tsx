import {
  CHARACTERISTIC_LABELS,
  pupilProfileResponse,
  SEND_STATUS_LABELS,
  SEND_STATUSES,
  updatePupilBody,
  type PupilProfileResponse,
  type SendStatus,
  type UpdatePupilBody,
} from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { apiGet, apiPatch, type ApiError } from '../api/client';
import { okResponse } from '@tandem/core';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  ErrorSummary,
  Form,
  Radios,
  TextareaField,
  TextField,
} from '../components/Form';
import { isOneOf } from '../components/format';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { BackLink, HelpNow, Loading, PageTitle } from '../components/Page';
import { LoadError, NotFoundContent, NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { pupilApi, pupilName, pupilPage } from './pupilsApi';
import '../plans/plans.css';

type CaseView = Extract<PupilProfileResponse, { view: 'case' }>;
type Flag = 'pupilPremium' | 'lookedAfter' | 'childInNeed' | 'youngCarer' | 'eal';

const FIELDS = ['preferredName', 'form', 'send', 'flags', 'reason'] as const;

const FLAG_OPTIONS: { value: Flag; label: string; hint?: string }[] = [
  { value: 'pupilPremium', label: CHARACTERISTIC_LABELS.pupil_premium },
  { value: 'lookedAfter', label: CHARACTERISTIC_LABELS.looked_after, hint: 'In the care of the local authority.' },
  {
    value: 'childInNeed',
    label: CHARACTERISTIC_LABELS.child_in_need,
    hint: 'Has a child in need plan from children’s social care.',
  },
  { value: 'youngCarer', label: CHARACTERISTIC_LABELS.young_carer },
  { value: 'eal', label: `${CHARACTERISTIC_LABELS.eal} (EAL)` },
];

const SEND_OPTIONS = SEND_STATUSES.map((value) => ({ value, label: SEND_STATUS_LABELS[value] }));

export function CorrectDetailsPage({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.editDetails');
  const { resource, reload } = useResource(allowed ? pupilApi(schoolId, pupilId) : null, pupilProfileResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = `${pupilPage(school.id, pupilId)}?tab=details`;
  if (resource.status === 'ready' && resource.data.view === 'case') {
    return <CorrectForm key={resource.data.pupil.id} school={school} profile={resource.data} back={back} />;
  }
  return (
    <>
      <BackLink to={back}>Back to the pupil&rsquo;s record</BackLink>
      {resource.status === 'error' && resource.error.code === 'not_found' ? (
        <>
          <PageTitle>Page not found</PageTitle>
          <NotFoundContent />
        </>
      ) : (
        <>
          <PageTitle caption={school.name}>Correct details</PageTitle>
          {resource.status === 'loading' && <Loading />}
          {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
          {resource.status === 'ready' && <p>Only staff who work on pupils&rsquo; cases can correct details.</p>}
        </>
      )}
    </>
  );
}

/** What someone else corrected while this form was open: their words, and each newer value. */
interface Newer {
  message: string;
  lines: string[];
  /** Changes each time a correction is refused, so the message is announced and focused again. */
  seen: number;
}

function flagText(on: boolean): string {
  return on ? 'yes' : 'no';
}

/** The details that differ between the version the form was opened on and the newer one. */
function newerLines(before: CaseView['pupil'], after: CaseView['pupil']): string[] {
  const lines: string[] = [];
  if (before.preferredName !== after.preferredName) {
    lines.push(`Preferred first name: ${after.preferredName ?? 'none'}`);
  }
  if (before.form !== after.form) lines.push(`Form: ${after.form === '' ? 'none' : after.form}`);
  if (before.send !== after.send) lines.push(`Special educational needs: ${SEND_STATUS_LABELS[after.send]}`);
  for (const o of FLAG_OPTIONS) {
    if (before[o.value] !== after[o.value]) lines.push(`${o.label}: ${flagText(after[o.value])}`);
  }
  return lines;
}

function NewerDetails({ newer }: { newer: Newer }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="conflict-box" role="alert" aria-labelledby="newer-details-title" tabIndex={-1} ref={ref}>
      <h2 className="conflict-box__title" id="newer-details-title">
        {newer.message}
      </h2>
      {newer.lines.length > 0 && (
        <>
          <p>The details now saved:</p>
          <ul className="list list--bullet">
            {newer.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <p>Your answers are still in the form. If they are still right, save again.</p>
    </div>
  );
}

function CorrectForm({ school, profile, back }: { school: SessionSchool; profile: CaseView; back: string }) {
  const navigate = useNavigate();
  // The details the correction starts from: the ones opened, or the newer ones found on a refusal.
  const [base, setBase] = useState(profile);
  const [newer, setNewer] = useState<Newer | null>(null);
  const p = base.pupil;
  const name = pupilName(p);
  const [preferredName, setPreferredName] = useState(p.preferredName ?? '');
  const [form, setForm] = useState(p.form);
  const [send, setSend] = useState<SendStatus>(p.send);
  const initialFlags = FLAG_OPTIONS.map((o) => o.value).filter((f) => p[f]);
  const [flags, setFlags] = useState<string[]>(initialFlags);
  const [reason, setReason] = useState('');
  const errors = useFormErrors(FIELDS);
  const action = useAction(errors);

  /** Someone corrected the details meanwhile: show theirs, keep ours, and start from theirs. */
  const refused = async (e: ApiError) => {
    if (e.code !== 'conflict') {
      errors.fromApi(e);
      return;
    }
    const latest = await apiGet(pupilApi(school.id, p.id), pupilProfileResponse).catch(() => null);
    if (latest === null || latest.view !== 'case') {
      errors.fromApi(e);
      return;
    }
    errors.clear();
    setNewer((n) => ({ message: e.message, lines: newerLines(p, latest.pupil), seen: (n?.seen ?? 0) + 1 }));
    setBase(latest);
  };

  const submit = async () => {
    const changes: Partial<UpdatePupilBody> = {};
    const preferred = preferredName.trim() === '' ? null : preferredName.trim();
    if (preferred !== p.preferredName) changes.preferredName = preferred;
    if (form.trim() !== p.form) changes.form = form.trim();
    if (send !== p.send) changes.send = send;
    for (const o of FLAG_OPTIONS) {
      const on = flags.includes(o.value);
      if (on !== p[o.value]) changes[o.value] = on;
    }
    const parsed = updatePupilBody.safeParse({ ...changes, reason, version: p.version });
    const nothing = Object.keys(changes).length === 0;
    if (!parsed.success || nothing) {
      errors.fromIssues(
        parsed.success ? [] : parsed.error.issues,
        nothing ? [{ path: 'preferredName', message: 'Change at least one detail, or cancel' }] : [],
      );
      return;
    }
    await action.run(
      async () => {
        await apiPatch(pupilApi(school.id, p.id), parsed.data, okResponse);
        navigate(back, {
          flash: {
            kind: 'success',
            title: `${name}’s details have been corrected.`,
            text: 'The correction and your reason are kept in the chronology.',
          },
        });
      },
      { stayBusy: true, onRefused: refused },
    );
  };

  return (
    <div className="narrow">
      <BackLink to={back}>Back to {name}&rsquo;s record</BackLink>
      <ErrorSummary errors={errors.errors} />
      {newer !== null && <NewerDetails key={newer.seen} newer={newer} />}
      <PageTitle caption={name}>Correct details</PageTitle>
      <p>
        Correct what Tandem holds when it is wrong. The old details and your reason are kept, so nothing is lost. Legal
        names, date of birth, UPN and year group come from the MIS: correct them there and import again.
      </p>
      <Form onSubmit={submit}>
        <TextField
          name="preferredName"
          label="Preferred first name"
          hint={`The name ${p.givenName} likes to be called by, if it is different from their legal first name. Leave blank if there is none.`}
          autoComplete="off"
          spellCheck={false}
          value={preferredName}
          onValueChange={setPreferredName}
          error={errors.errorFor('preferredName')}
        />
        <TextField
          name="form"
          label="Form"
          hint="For example, 9W."
          width="number"
          autoComplete="off"
          spellCheck={false}
          value={form}
          onValueChange={setForm}
          error={errors.errorFor('form')}
        />
        <Radios
          name="send"
          legend="Special educational needs"
          options={SEND_OPTIONS}
          value={send}
          onValueChange={(v) => {
            if (isOneOf(SEND_STATUSES, v)) setSend(v);
          }}
          error={errors.errorFor('send')}
        />
        <Checkboxes
          name="flags"
          legend="Characteristics"
          hint="Choose all that apply."
          options={FLAG_OPTIONS}
          values={flags}
          onValuesChange={setFlags}
          error={errors.errorFor('flags')}
        />
        <TextareaField
          name="reason"
          label="Reason for the correction"
          hint="For example, ‘Parent told us at the review meeting on 3 Nov’."
          rows={4}
          maxChars={1000}
          value={reason}
          onValueChange={setReason}
          error={errors.errorFor('reason')}
        />
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Saving…">
            Save correction
          </Button>
          <Link to={back} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
      <HelpNow audience="staff" />
    </div>
  );
}
