/**
 * Change a planned meeting, or mark it as held with its notes and next steps. If someone else
 * changed it meanwhile, nothing typed is lost: the page says so, shows the meeting as now saved,
 * and saving again puts these details in its place. What is typed is kept in this tab as a draft.
 */
import {
  MEETING_KIND_LABELS,
  meetingDetailResponse,
  meetingMutationResponse,
  planListResponse,
  updateMeetingBody,
  type MeetingDetailResponse,
} from '@tandem/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import { apiGet, apiPut, toApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime, formatIsoDay } from '../components/dates';
import { clearDraft, useKeptForm } from '../components/drafts';
import { DraftKept, DraftRestored } from '../components/DraftNotices';
import { ErrorSummary, Form } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, HelpNow, Loading, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { mayWritePlans, pupilPlansApi, useStaffOptions } from '../plans/plansApi';
import { useNavigate } from '../router/router';
import {
  apiErrorForForm,
  bodyFromValues,
  extraMeetingChecks,
  fieldErrorsFromIssues,
  MeetingFields,
  meetingFieldOrder,
  meetingValuesSchema,
  valuesFromMeeting,
  type MeetingFormValues,
} from './MeetingForm';
import { meetingApi, meetingPage, meetingTitle } from './meetingsApi';
import { MeetingButtons } from './NewMeetingPage';

export function EditMeetingPage({ schoolId, meetingId }: { schoolId: string; meetingId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayWritePlans(school);
  const { resource, reload } = useResource(allowed ? meetingApi(schoolId, meetingId) : null, meetingDetailResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = meetingPage(school.id, meetingId);
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Edit the meeting',
      caption: school.name,
      loading: 'Opening the meeting',
      back: { to: back, text: 'Back to the meeting' },
      onRetry: reload,
    });
  }
  const data = resource.data;
  if (data.meeting.status === 'completed') {
    return (
      <>
        <BackLink to={back}>Back to the meeting</BackLink>
        <PageTitle caption={meetingTitle(data.meeting.kind, data.meeting.pupilName)}>Edit the meeting</PageTitle>
        <p>
          This meeting has been marked as held, so it cannot be changed. Its next steps can still be marked as done on
          the meeting&rsquo;s page.
        </p>
      </>
    );
  }
  return <EditMeetingForm school={school} data={data} />;
}

const draftSchema = z.object({ baseVersion: z.number().int().min(1), values: meetingValuesSchema });

/** What the draft keeps: the changes, and the version of the meeting they were made to. */
interface Kept {
  baseVersion: number;
  values: MeetingFormValues;
}

interface Newer {
  version: number;
  meeting: MeetingDetailResponse['meeting'];
  seen: number;
}

function EditMeetingForm({ school, data }: { school: SessionSchool; data: MeetingDetailResponse }) {
  const navigate = useNavigate();
  const m = data.meeting;
  const key = `tandem.meeting-draft.${school.id}.${m.id}`;
  const [newer, setNewer] = useState<Newer | null>(null);
  const [busy, setBusy] = useState<'planned' | 'held' | null>(null);
  const draft = useKeptForm<Kept>(key, draftSchema, {
    initial: () => ({ baseVersion: m.version, values: valuesFromMeeting(m) }),
    accept: (kept) => kept.baseVersion <= m.version,
    sending: busy !== null,
  });
  const { baseVersion: version, values } = draft.state;
  const fieldOrder = useMemo(
    () => meetingFieldOrder(values.attendees.length, values.nextSteps.length),
    [values.attendees.length, values.nextSteps.length],
  );
  const form = useFormErrors(fieldOrder);
  const known = useMemo(
    () => [
      ...m.attendees.filter((a) => a.userId !== null).map((a) => ({ userId: a.userId ?? '', name: a.name })),
      ...values.attendees
        .filter((a) => a.kind === 'staff' && a.userId !== '')
        .map((a) => ({ userId: a.userId, name: a.name })),
    ],
    [m.attendees, values.attendees],
  );
  const staff = useStaffOptions(school, known);
  const plans = useResource(pupilPlansApi(school.id, m.pupilId), planListResponse);
  const conflictRef = useRef<HTMLDivElement>(null);
  const back = meetingPage(school.id, m.id);
  const title = meetingTitle(m.kind, m.pupilName);
  const closed = newer !== null && newer.meeting.status === 'completed';

  useEffect(() => {
    if (newer !== null) conflictRef.current?.focus();
  }, [newer]);

  const change = (patch: Partial<MeetingFormValues>) => {
    draft.change((d) => ({ ...d, values: { ...d.values, ...patch } }));
  };

  const discard = () => {
    form.clear();
    draft.startAgain({ baseVersion: m.version, values: valuesFromMeeting(m) });
  };

  const save = async (complete: boolean) => {
    if (staff.options === null || closed) return;
    const parsed = updateMeetingBody.safeParse({ version, ...bodyFromValues(values, staff.options), complete });
    const existing = newer?.meeting.nextSteps ?? data.nextSteps.length;
    const extra = extraMeetingChecks(values, complete, existing);
    if (!parsed.success || extra.length > 0) {
      const fields = fieldErrorsFromIssues(parsed.success ? [] : parsed.error.issues, values);
      const extraPaths = new Set(extra.map((e) => e.path));
      form.fromFields([...extra, ...fields.filter((f) => !extraPaths.has(f.path))]);
      return;
    }
    setBusy(complete ? 'held' : 'planned');
    try {
      const result = await apiPut(meetingApi(school.id, m.id), parsed.data, meetingMutationResponse);
      clearDraft(key);
      navigate(back, {
        flash: {
          kind: 'success',
          title:
            result.status === 'completed'
              ? `${MEETING_KIND_LABELS[m.kind]} marked as held`
              : `${MEETING_KIND_LABELS[m.kind]} saved`,
        },
      });
    } catch (error) {
      const e = toApiError(error);
      setBusy(null);
      if (e.code === 'conflict') {
        form.clear();
        const latest = await apiGet(meetingApi(school.id, m.id), meetingDetailResponse).catch(() => null);
        if (latest !== null) {
          draft.set((d) => ({ ...d, baseVersion: latest.meeting.version }));
          setNewer((n) => ({ version: latest.meeting.version, meeting: latest.meeting, seen: (n?.seen ?? 0) + 1 }));
        } else {
          form.fromApi(e);
        }
        return;
      }
      form.fromApi(apiErrorForForm(e, values));
    }
  };

  return (
    <div className="narrow-wide">
      <BackLink to={back}>Back to the meeting</BackLink>
      {newer !== null && (
        <div
          key={newer.seen}
          className="conflict-box"
          role="alert"
          aria-labelledby="conflict-title"
          tabIndex={-1}
          ref={conflictRef}
        >
          <h2 className="conflict-box__title" id="conflict-title">
            Someone else changed this meeting while you were editing. Your changes are still here and have not been
            saved.
          </h2>
          {closed ? (
            <p>
              It has now been marked as held
              {newer.meeting.completedByName !== null && ` by ${newer.meeting.completedByName}`}, so it cannot be
              changed. Copy anything you need from the form below, then add it to the record another way, such as a note
              on the pupil&rsquo;s plan.
            </p>
          ) : (
            <p>
              The meeting as now saved is shown <a href="#newer-meeting">below your form</a>. Saving again puts your
              details in its place.
            </p>
          )}
        </div>
      )}
      <ErrorSummary errors={form.errors} />
      <DraftRestored
        restored={draft.restored}
        title="We have kept the changes you were making"
        text="They have not been saved yet. Check them and save, or discard them."
        startAgainText="Discard my changes and start from the meeting as it is"
        onStartAgain={discard}
      />
      <PageTitle caption={title} title={`Edit the meeting: ${title}`}>
        Edit the meeting
      </PageTitle>
      {staff.options === null ? (
        <Loading what="Loading the staff list" />
      ) : (
        <Form onSubmit={() => save(false)} label={`Edit the meeting: ${title}`}>
          <MeetingFields
            values={values}
            onChange={change}
            errorFor={form.errorFor}
            staff={staff.options}
            plans={plans.resource.status === 'ready' ? plans.resource.data.plans : null}
            kindFixed
            existingSteps={data.nextSteps.length}
          />
          {data.nextSteps.length > 0 && (
            <>
              <h2 className="heading-s">Next steps already saved</h2>
              <ul className="list list--bullet">
                {data.nextSteps.map((s) => (
                  <li key={s.id}>
                    {s.description} ({s.ownerName !== '' ? s.ownerName : 'a member of staff'}, by{' '}
                    {formatIsoDay(s.dueOn)})
                  </li>
                ))}
              </ul>
            </>
          )}
          {!closed && <MeetingButtons busy={busy} onHeld={() => void save(true)} cancelTo={back} />}
          <DraftKept savedAt={draft.savedAt} failed={draft.failed} />
        </Form>
      )}
      {newer !== null && (
        <section className="compare" id="newer-meeting" aria-labelledby="newer-meeting-title" tabIndex={-1}>
          <h2 className="heading-m compare__title" id="newer-meeting-title">
            The meeting as now saved (read only)
          </h2>
          <ul className="list list--plain">
            <li>
              <strong>When:</strong> {formatDateTime(newer.meeting.heldAt)}
            </li>
            <li>
              <strong>Where:</strong> {newer.meeting.place}
            </li>
            <li>
              <strong>Who came:</strong>{' '}
              {newer.meeting.attendees.length === 0
                ? 'No one listed'
                : newer.meeting.attendees.map((a) => a.name).join(', ')}
            </li>
          </ul>
          <h3 className="heading-s">Aims</h3>
          <p className="pre-line">{newer.meeting.aims === '' ? 'None written.' : newer.meeting.aims}</p>
          <h3 className="heading-s">Notes</h3>
          <p className="pre-line">{newer.meeting.notes === '' ? 'None written.' : newer.meeting.notes}</p>
        </section>
      )}
      <HelpNow audience="staff" />
    </div>
  );
}
