/**
 * Saving a meeting from the editor: a new one, or a change to a planned one, either saved as
 * planned or marked as held. Each is checked first with the core schema the server uses and the
 * checks it cannot make (see extraMeetingChecks); then sent, and the answer says which page to
 * show next and what to tell the user there.
 */
import {
  createMeetingBody,
  MEETING_KIND_LABELS,
  meetingMutationResponse,
  updateMeetingBody,
  type MeetingKind,
} from '@tandem/core';
import type { z } from 'zod';
import { apiPost, apiPut } from '../api/client';
import type { FieldError } from '../components/formErrors';
import type { StaffOption } from '../plans/plansApi';
import type { Flash } from '../router/router';
import { meetingApi, meetingPage, pupilMeetingsApi } from './meetingsApi';
import { bodyFromValues, extraMeetingChecks, fieldErrorsFromIssues, type MeetingFormValues } from './meetingValues';

/** A meeting ready to send, or the problems to show in the form. */
export type MeetingSave =
  { ok: true; send: () => Promise<{ to: string; flash: Flash }> } | { ok: false; fields: FieldError[] };

/** The schema's answer and the checks it cannot make as one: those checks' words win for their fields. */
function checked<T>(
  result: z.ZodSafeParseResult<T>,
  values: MeetingFormValues,
  extra: FieldError[],
  send: (data: T) => MeetingSave,
): MeetingSave {
  if (!result.success || extra.length > 0) {
    const fields = fieldErrorsFromIssues(result.success ? [] : result.error.issues, values);
    const extraPaths = new Set(extra.map((e) => e.path));
    return { ok: false, fields: [...extra, ...fields.filter((f) => !extraPaths.has(f.path))] };
  }
  return send(result.data);
}

/**
 * A new meeting about a pupil; `complete` marks it as held. The form's submission key goes with
 * it, so a double click or a retry after a dropped connection records one meeting.
 */
export function newMeetingSave(
  schoolId: string,
  pupilId: string,
  values: MeetingFormValues,
  staff: readonly StaffOption[],
  complete: boolean,
  submissionKey: string,
): MeetingSave {
  const parsed = createMeetingBody.safeParse({ ...bodyFromValues(values, staff), complete, submissionKey });
  return checked(parsed, values, extraMeetingChecks(values, complete), (data) => ({
    ok: true,
    send: async () => {
      const result = await apiPost(pupilMeetingsApi(schoolId, pupilId), data, meetingMutationResponse);
      const what = MEETING_KIND_LABELS[data.kind];
      return {
        to: meetingPage(schoolId, result.id),
        flash: {
          kind: 'success',
          title: result.status === 'completed' ? `${what} recorded as held` : `${what} saved as planned`,
          text:
            result.status === 'completed'
              ? 'Each next step is shown with who will do it and by when.'
              : 'After the meeting, open it again to add notes and next steps, and mark it as held.',
        },
      };
    },
  }));
}

/**
 * A planned meeting changed from `version`; `complete` marks it as held. `existingSteps` are the
 * next steps it already has, which count towards a parent meeting's agreed next step.
 */
export function meetingChangeSave(
  schoolId: string,
  meeting: { id: string; kind: MeetingKind },
  version: number,
  values: MeetingFormValues,
  staff: readonly StaffOption[],
  complete: boolean,
  existingSteps: number,
): MeetingSave {
  const parsed = updateMeetingBody.safeParse({ version, ...bodyFromValues(values, staff), complete });
  return checked(parsed, values, extraMeetingChecks(values, complete, existingSteps), (data) => ({
    ok: true,
    send: async () => {
      const result = await apiPut(meetingApi(schoolId, meeting.id), data, meetingMutationResponse);
      const what = MEETING_KIND_LABELS[meeting.kind];
      return {
        to: meetingPage(schoolId, meeting.id),
        flash: { kind: 'success', title: result.status === 'completed' ? `${what} marked as held` : `${what} saved` },
      };
    },
  }));
}
