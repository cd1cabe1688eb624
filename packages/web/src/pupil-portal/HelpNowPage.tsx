/** "Help now" for a pupil (/pupil/help). */
import { PUPIL_WORDS as W } from '@tandem/core';
import { useSession } from '../auth/session';
import { BackLink, PageTitle } from '../components/Page';
import { NotFoundPage } from '../errors/ErrorPages';
import { pupilHomePage, pupilSchoolOf } from '../family/familyApi';
import { HelpNowContent } from './HelpNowContent';

export function HelpNowPage() {
  const { session } = useSession();
  const school = pupilSchoolOf(session);
  if (school === undefined) return <NotFoundPage />;
  return (
    <div className="family">
      <BackLink to={pupilHomePage}>{W.backHome}</BackLink>
      <PageTitle caption={school.name}>{W.helpTitle}</PageTitle>
      <HelpNowContent schoolId={school.id} trustedAdultName={null} />
    </div>
  );
}
