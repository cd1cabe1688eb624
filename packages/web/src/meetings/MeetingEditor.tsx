/**
 * The meeting editor, for recording a new meeting and for changing a planned one: plan one still to
 * happen, or record one that was held with the next steps agreed. If someone else changed the
 * meeting meanwhile, nothing typed is lost: the page says so, shows the meeting as now saved, and
 * saving again puts these details in its place. What is typed is kept in this tab as a draft.
 */
import { meetingDetailResponse, planListResponse, type MeetingDetailResponse } from '@tandem/core';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { apiGet, type ApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { type SessionSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { clearDraft, useKeptForm } from '../components/drafts';
import { DraftKept, DraftRestored } from '../components/DraftNotices';
import { Button, ButtonGroup, ErrorSummary, Form } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, HelpNow, Loading, PageTitle } from '../components/Page';
import { useAction } from '../components/useAction';
import { pupilPlansApi, useStaffOptions } from '../plans/plansApi';
import { pupilPage } from '../pupils/pupilsApi';
import { Link, useNavigate, useSearchParams } from '../router/router';
import { MeetingConflictBox, NewerMeetingSection, type NewerMeeting } from './MeetingConflict';
import { MeetingFields } from './MeetingFields';
import { meetingChangeSave, newMeetingSave } from './meetingSaving';
import { meetingApi, meetingPage, meetingTitle } from './meetingsApi';
import {
  apiErrorForForm,
  emptyMeetingValues,
  meetingFieldOrder,
  meetingValuesSchema,
  valuesFromMeeting,
  type MeetingFormValues,
} from './meetingValues';

/** What the editor is for: a new meeting about a pupil, or a change to a planned meeting. */
export type MeetingEditing =
  { mode: 'new'; pupil: { id: string; name: string } } | { mode: 'change'; data: MeetingDetailResponse };

/**
 * What the draft keeps: the answers, the version of the meeting they change (0 for a new one), and
 * the key that makes a double click or a retry of a new meeting record one (made once per form).
 */
interface Kept {
  baseVersion: number;
  submissionKey: string;
  values: MeetingFormValues;
}

const keptSchema = z.object({
  baseVersion: z.number().int().min(0),
  // A draft kept before keys were made gets one now, and keeps it from then on.
  submissionKey: z.uuid().default(() => crypto.randomUUID()),
  values: meetingValuesSchema,
});

/** The words and the draft that differ between recording a meeting and changing one. */
function editorSetup(schoolId: string, editing: MeetingEditing, presetPlan: string) {
  if (editing.mode === 'new') {
    const { pupil } = editing;
    return {
      draftKey: `tandem.meeting-draft.new.${schoolId}.${pupil.id}`,
      initial: (): Kept => ({
        baseVersion: 0,
        submissionKey: crypto.randomUUID(),
        values: emptyMeetingValues(presetPlan),
      }),
      fresh: (): Kept => ({ baseVersion: 0, submissionKey: crypto.randomUUID(), values: emptyMeetingValues() }),
      accept: (kept: Kept) => kept.baseVersion === 0,
      pupilId: pupil.id,
      back: pupilPage(schoolId, pupil.id),
      backText: `Back to ${pupil.name}’s record`,
      caption: pupil.name,
      title: `Record a meeting about ${pupil.name}`,
      heading: 'Record a meeting',
      restored: {
        title: 'We have kept what you were writing',
        text: 'Nothing has been saved to Tandem yet. Check it, finish it and save it.',
        startAgainText: 'Clear the form and start again',
      },
    };
  }
  const m = editing.data.meeting;
  const title = meetingTitle(m.kind, m.pupilName);
  const initial = (): Kept => ({
    baseVersion: m.version,
    submissionKey: crypto.randomUUID(),
    values: valuesFromMeeting(m),
  });
  return {
    draftKey: `tandem.meeting-draft.${schoolId}.${m.id}`,
    initial,
    fresh: initial,
    accept: (kept: Kept) => kept.baseVersion >= 1 && kept.baseVersion <= m.version,
    pupilId: m.pupilId,
    back: meetingPage(schoolId, m.id),
    backText: 'Back to the meeting',
    caption: title,
    title: `Edit the meeting: ${title}`,
    heading: 'Edit the meeting',
    restored: {
      title: 'We have kept the changes you were making',
      text: 'They have not been saved yet. Check them and save, or discard them.',
      startAgainText: 'Discard my changes and start from the meeting as it is',
    },
  };
}

/** A plan's id from the address ("?plan=…"), when the meeting is recorded from the plan's page. */
function planFromAddress(params: URLSearchParams): string {
  const preset = params.get('plan');
  return preset !== null && /^[0-9a-f-]{36}$/i.test(preset) ? preset : '';
}

/** The editor for a new meeting or a planned one (see the top of this file). */
export function MeetingEditor({ school, editing }: { school: SessionSchool; editing: MeetingEditing }) {
  const navigate = useNavigate();
  const setup = editorSetup(school.id, editing, planFromAddress(useSearchParams()));
  const action = useAction<'planned' | 'held'>();
  const [newer, setNewer] = useState<NewerMeeting | null>(null);
  const draft = useKeptForm<Kept>(setup.draftKey, keptSchema, {
    initial: setup.initial,
    accept: setup.accept,
    sending: action.busy,
  });
  const { baseVersion, submissionKey, values } = draft.state;
  const fieldOrder = useMemo(
    () => meetingFieldOrder(values.attendees.length, values.nextSteps.length),
    [values.attendees.length, values.nextSteps.length],
  );
  const form = useFormErrors(fieldOrder);
  const saved = editing.mode === 'change' ? editing.data : null;
  const known = useMemo(
    () => [
      ...(saved?.meeting.attendees ?? []).flatMap((a) =>
        a.userId === null ? [] : [{ userId: a.userId, name: a.name }],
      ),
      ...values.attendees
        .filter((a) => a.kind === 'staff' && a.userId !== '')
        .map((a) => ({ userId: a.userId, name: a.name })),
    ],
    [saved, values.attendees],
  );
  const staff = useStaffOptions(school, known);
  const plans = useResource(pupilPlansApi(school.id, setup.pupilId), planListResponse);
  const closed = newer !== null && newer.meeting.status === 'completed';

  const change = (patch: Partial<MeetingFormValues>) => {
    draft.change((d) => ({ ...d, values: { ...d.values, ...patch } }));
  };

  const startAgain = () => {
    form.clear();
    draft.startAgain(setup.fresh());
  };

  /** A change made meanwhile is shown, and the next save is made to it; others go to the summary. */
  const refused = async (e: ApiError) => {
    if (saved === null || e.code !== 'conflict') {
      form.fromApi(apiErrorForForm(e, values));
      return;
    }
    form.clear();
    const latest = await apiGet(meetingApi(school.id, saved.meeting.id), meetingDetailResponse).catch(() => null);
    if (latest === null) {
      form.fromApi(e);
      return;
    }
    draft.set((d) => ({ ...d, baseVersion: latest.meeting.version }));
    setNewer((n) => ({ version: latest.meeting.version, meeting: latest.meeting, seen: (n?.seen ?? 0) + 1 }));
  };

  const save = async (complete: boolean) => {
    if (staff.options === null || closed) return;
    const attempt =
      saved === null
        ? newMeetingSave(school.id, setup.pupilId, values, staff.options, complete, submissionKey)
        : meetingChangeSave(
            school.id,
            saved.meeting,
            baseVersion,
            values,
            staff.options,
            complete,
            newer?.meeting.nextSteps ?? saved.nextSteps.length,
          );
    if (!attempt.ok) {
      form.fromFields(attempt.fields);
      return;
    }
    await action.runAs(
      complete ? 'held' : 'planned',
      async () => {
        const next = await attempt.send();
        clearDraft(setup.draftKey);
        navigate(next.to, { flash: next.flash });
      },
      { stayBusy: true, onRefused: refused },
    );
  };

  return (
    <div className="narrow-wide">
      <BackLink to={setup.back}>{setup.backText}</BackLink>
      {newer !== null && <MeetingConflictBox key={newer.seen} newer={newer} />}
      <ErrorSummary errors={form.errors} />
      <DraftRestored restored={draft.restored} {...setup.restored} onStartAgain={startAgain} />
      <PageTitle caption={setup.caption} title={setup.title}>
        {setup.heading}
      </PageTitle>
      {staff.options === null ? (
        <Loading what="Loading the staff list" />
      ) : (
        <Form onSubmit={() => save(false)} label={setup.title}>
          <MeetingFields
            values={values}
            onChange={change}
            errorFor={form.errorFor}
            staff={staff.options}
            plans={plans.resource.status === 'ready' ? plans.resource.data.plans : null}
            kindFixed={saved !== null}
            existingSteps={saved?.nextSteps.length ?? 0}
          />
          {saved !== null && saved.nextSteps.length > 0 && (
            <>
              <h2 className="heading-s">Next steps already saved</h2>
              <ul className="list list--bullet">
                {saved.nextSteps.map((s) => (
                  <li key={s.id}>
                    {s.description} ({s.ownerName !== '' ? s.ownerName : 'a member of staff'}, by{' '}
                    {formatIsoDay(s.dueOn)})
                  </li>
                ))}
              </ul>
            </>
          )}
          {!closed && <MeetingButtons running={action.running} onHeld={() => void save(true)} cancelTo={setup.back} />}
          <DraftKept savedAt={draft.savedAt} failed={draft.failed} />
        </Form>
      )}
      {newer !== null && <NewerMeetingSection newer={newer} />}
      <HelpNow audience="staff" />
    </div>
  );
}

/**
 * "Save and mark as held" is the main action. Pressing Enter in a field saves as planned (the
 * form's only submit button), which can still be changed later.
 */
function MeetingButtons({
  running,
  onHeld,
  cancelTo,
}: {
  running: 'planned' | 'held' | null;
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
        <Button busy={running === 'held'} busyText="Saving…" disabled={running !== null} onClick={onHeld}>
          Save and mark as held
        </Button>
        <Button
          variant="secondary"
          type="submit"
          busy={running === 'planned'}
          busyText="Saving…"
          disabled={running !== null}
        >
          Save as planned
        </Button>
        <Link to={cancelTo} className="link-cancel">
          Cancel
        </Link>
      </ButtonGroup>
    </>
  );
}
