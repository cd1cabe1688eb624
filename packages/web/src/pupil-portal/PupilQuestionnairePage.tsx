/** Questions waiting for a pupil, one per screen, with Help now always in reach. */
import { PUPIL_WORDS as W } from '@tandem/core';
import { useSession } from '../auth/session';
import { Panel } from '../components/Page';
import { NotFoundPage } from '../errors/ErrorPages';
import { FamilyAnswering } from '../family/FamilyAnswering';
import { pupilHomePage, pupilSchoolOf } from '../family/familyApi';
import { HelpNowContent } from './HelpNowContent';
import { HelpNowLink } from './HelpNowLink';

export function PupilQuestionnairePage({ questionnaireId }: { questionnaireId: string }) {
  const { session } = useSession();
  const school = pupilSchoolOf(session);
  if (school === undefined) return <NotFoundPage />;
  return (
    <>
      <HelpNowLink />
      <FamilyAnswering
        schoolId={school.id}
        questionnaireId={questionnaireId}
        forPupil
        backTo={pupilHomePage}
        words={{
          loading: W.loading,
          doneTitle: W.questionnaireDoneTitle,
          doneText: W.questionnaireDoneText,
          closed: W.questionnaireClosed,
          back: W.backHome,
        }}
        help={
          <Panel title={W.helpTitle} tone="help">
            <HelpNowContent schoolId={school.id} trustedAdultName={null} headingLevel={3} />
          </Panel>
        }
      />
    </>
  );
}
