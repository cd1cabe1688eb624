/**
 * Record a meeting about a pupil: plan one that is still to happen, or record one that was held,
 * with the next steps agreed. What is typed is kept in this tab as a draft until it is saved.
 */
import {
  createMeetingBody,
  MEETING_KIND_LABELS,
  meetingMutationResponse,
  planListResponse,
  pupilProfileResponse,
} from '@tandem/core';
import { useMemo, useState } from 'react';
import { apiPost, toApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool, type SessionSchool } from '../auth/session';
import { clearDraft, useKeptForm } from '../components/drafts';
import { DraftKept, DraftRestored } from '../components/DraftNotices';
import { Button, ButtonGroup, ErrorSummary, Form } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, HelpNow, Loading, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { mayWritePlans, pupilPlansApi, useStaffOptions } from '../plans/plansApi';
import { pupilApi, pupilName, pupilPage } from '../pupils/pupilsApi';
import { Link, useNavigate, useSearchParams } from '../router/router';
import {
  apiErrorForForm,
  bodyFromValues,
  emptyMeetingValues,
  extraMeetingChecks,
  fieldErrorsFromIssues,
  MeetingFields,
  meetingFieldOrder,
  meetingValuesSchema,
  type MeetingFormValues,
} from './MeetingForm';
import { meetingPage, pupilMeetingsApi } from './meetingsApi';

export function NewMeetingPage({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayWritePlans(school);
  const { resource, reload } = useResource(allowed ? pupilApi(schoolId, pupilId) : null, pupilProfileResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = pupilPage(school.id, pupilId);
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Record a meeting',
      caption: school.name,
      loading: 'Opening the form',
      back: { to: back, text: 'Back to the pupil' },
      onRetry: reload,
    });
  }
  if (resource.data.view !== 'case') return <NotFoundPage />;
  const p = resource.data.pupil;
  return <NewMeetingForm school={school} pupil={{ id: p.id, name: pupilName(p) }} />;
}

function NewMeetingForm({ school, pupil }: { school: SessionSchool; pupil: { id: string; name: string } }) {
  const navigate = useNavigate();
  const params = useSearchParams();
  const key = `tandem.meeting-draft.new.${school.id}.${pupil.id}`;
  const [busy, setBusy] = useState<'planned' | 'held' | null>(null);
  const draft = useKeptForm<MeetingFormValues>(key, meetingValuesSchema, {
    initial: () => {
      const preset = params.get('plan');
      return emptyMeetingValues(preset !== null && /^[0-9a-f-]{36}$/i.test(preset) ? preset : '');
    },
    sending: busy !== null,
  });
  const values = draft.state;
  const fieldOrder = useMemo(
    () => meetingFieldOrder(values.attendees.length, values.nextSteps.length),
    [values.attendees.length, values.nextSteps.length],
  );
  const form = useFormErrors(fieldOrder);
  const known = useMemo(
    () =>
      values.attendees
        .filter((a) => a.kind === 'staff' && a.userId !== '')
        .map((a) => ({ userId: a.userId, name: a.name })),
    [values.attendees],
  );
  const staff = useStaffOptions(school, known);
  const plans = useResource(pupilPlansApi(school.id, pupil.id), planListResponse);
  const back = pupilPage(school.id, pupil.id);

  const change = (patch: Partial<MeetingFormValues>) => {
    draft.change((v) => ({ ...v, ...patch }));
  };

  const startAgain = () => {
    form.clear();
    draft.startAgain(emptyMeetingValues());
  };

  const save = async (complete: boolean) => {
    if (staff.options === null) return;
    const parsed = createMeetingBody.safeParse({ ...bodyFromValues(values, staff.options), complete });
    const extra = extraMeetingChecks(values, complete);
    if (!parsed.success || extra.length > 0) {
      const issues = parsed.success ? [] : parsed.error.issues;
      const fields = fieldErrorsFromIssues(issues, values);
      const extraPaths = new Set(extra.map((e) => e.path));
      form.fromFields([...extra, ...fields.filter((f) => !extraPaths.has(f.path))]);
      return;
    }
    setBusy(complete ? 'held' : 'planned');
    try {
      const result = await apiPost(pupilMeetingsApi(school.id, pupil.id), parsed.data, meetingMutationResponse);
      clearDraft(key);
      navigate(meetingPage(school.id, result.id), {
        flash: {
          kind: 'success',
          title:
            result.status === 'completed'
              ? `${MEETING_KIND_LABELS[parsed.data.kind]} recorded as held`
              : `${MEETING_KIND_LABELS[parsed.data.kind]} saved as planned`,
          text:
            result.status === 'completed'
              ? 'Each next step is shown with who will do it and by when.'
              : 'After the meeting, open it again to add notes and next steps, and mark it as held.',
        },
      });
    } catch (error) {
      form.fromApi(apiErrorForForm(toApiError(error), values));
      setBusy(null);
    }
  };

  return (
    <div className="narrow-wide">
      <BackLink to={back}>Back to {pupil.name}&rsquo;s record</BackLink>
      <ErrorSummary errors={form.errors} />
      <DraftRestored
        restored={draft.restored}
        title="We have kept what you were writing"
        text="Nothing has been saved to Tandem yet. Check it, finish it and save it."
        startAgainText="Clear the form and start again"
        onStartAgain={startAgain}
      />
      <PageTitle caption={pupil.name} title={`Record a meeting about ${pupil.name}`}>
        Record a meeting
      </PageTitle>
      {staff.options === null ? (
        <Loading what="Loading the staff list" />
      ) : (
        <Form onSubmit={() => save(false)} label={`Record a meeting about ${pupil.name}`}>
          <MeetingFields
            values={values}
            onChange={change}
            errorFor={form.errorFor}
            staff={staff.options}
            plans={plans.resource.status === 'ready' ? plans.resource.data.plans : null}
          />
          <MeetingButtons busy={busy} onHeld={() => void save(true)} cancelTo={back} />
          <DraftKept savedAt={draft.savedAt} failed={draft.failed} />
        </Form>
      )}
      <HelpNow audience="staff" />
    </div>
  );
}

/**
 * "Save and mark as held" is the main action. Pressing Enter in a field saves as planned (the
 * form's only submit button), which can still be changed later.
 */
export function MeetingButtons({
  busy,
  onHeld,
  cancelTo,
}: {
  busy: 'planned' | 'held' | null;
  onHeld: () => void;
  cancelTo: string;
}) {
  return (
    <>
      <p className="hint">
        Save as planned for a meeting still to happen: you can add notes and next steps afterwards. Once marked as held,
        the meeting cannot be changed, but its next steps can be marked as done.
      </p>
      <ButtonGroup>
        <Button busy={busy === 'held'} busyText="Saving…" disabled={busy !== null} onClick={onHeld}>
          Save and mark as held
        </Button>
        <Button variant="secondary" type="submit" busy={busy === 'planned'} busyText="Saving…" disabled={busy !== null}>
          Save as planned
        </Button>
        <Link to={cancelTo} className="link-cancel">
          Cancel
        </Link>
      </ButtonGroup>
    </>
  );
}
