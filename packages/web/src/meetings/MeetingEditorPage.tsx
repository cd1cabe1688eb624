/**
 * Record a meeting, or change a planned one: the page behind both routes. A new meeting starts from
 * the pupil's record; a change starts from the meeting as it is now (and a meeting marked as held
 * cannot be changed). Both then use the one editor (MeetingEditor).
 */
import { meetingDetailResponse, pupilProfileResponse } from '@tandem/core';
import { useResource } from '../api/useResource';
import { useSchool, type SessionSchool } from '../auth/session';
import { BackLink, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { mayWritePlans } from '../plans/plansApi';
import { pupilApi, pupilName, pupilPage } from '../pupils/pupilsApi';
import { MeetingEditor } from './MeetingEditor';
import { meetingApi, meetingPage, meetingTitle } from './meetingsApi';

/** The new-meeting route names the pupil; the change route names the meeting. */
export type MeetingEditorPageProps = { schoolId: string } & ({ pupilId: string } | { meetingId: string });

/** The page for both routes: not found for anyone who may not write plans. */
export function MeetingEditorPage(props: MeetingEditorPageProps) {
  const school = useSchool(props.schoolId);
  if (school === undefined || !mayWritePlans(school)) return <NotFoundPage />;
  return 'meetingId' in props ? (
    <ChangeMeeting school={school} meetingId={props.meetingId} />
  ) : (
    <NewMeeting school={school} pupilId={props.pupilId} />
  );
}

function NewMeeting({ school, pupilId }: { school: SessionSchool; pupilId: string }) {
  const { resource, reload } = useResource(pupilApi(school.id, pupilId), pupilProfileResponse);
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Record a meeting',
      caption: school.name,
      loading: 'Opening the form',
      back: { to: pupilPage(school.id, pupilId), text: 'Back to the pupil' },
      onRetry: reload,
    });
  }
  if (resource.data.view !== 'case') return <NotFoundPage />;
  const p = resource.data.pupil;
  return <MeetingEditor school={school} editing={{ mode: 'new', pupil: { id: p.id, name: pupilName(p) } }} />;
}

function ChangeMeeting({ school, meetingId }: { school: SessionSchool; meetingId: string }) {
  const { resource, reload } = useResource(meetingApi(school.id, meetingId), meetingDetailResponse);
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
  return <MeetingEditor school={school} editing={{ mode: 'change', data }} />;
}
