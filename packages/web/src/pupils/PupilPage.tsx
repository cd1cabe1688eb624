/**
 * A pupil's record. What it shows depends on who reads it, as the server decides: the full case
 * record in tabs, the staff summary of their level, or only the basics.
 */
import { pupilProfileResponse } from '@tandem/core';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { BackLink, FlashBanner, HelpNow, Loading, PageTitle } from '../components/Page';
import { logConcernPage } from '../concerns/concernsApi';
import { LoadError, NotFoundContent, NotFoundPage } from '../errors/ErrorPages';
import { PupilInterventions } from '../interventions/PupilInterventions';
import { PupilOutcomes } from '../questionnaires/PupilOutcomes';
import { EmergencyReferralLink } from '../referrals/EmergencyReferralLink';
import { PupilReferrals } from '../referrals/PupilReferrals';
import { Link, useFlash, useSearchParams } from '../router/router';
import { CaseRecord, tabFrom } from './CaseRecord';
import { BasicRecord, SummaryRecord } from './PupilRecords';
import { pupilApi, pupilFirstName, pupilName, pupilsPageBack } from './pupilsApi';
import { PupilSubjectAccessLink } from '../subject-access/PupilSubjectAccessLink';

export function PupilPage({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.readList');
  const flash = useFlash();
  const tab = tabFrom(useSearchParams().get('tab'));
  const { resource, reload } = useResource(allowed ? pupilApi(schoolId, pupilId) : null, pupilProfileResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;

  return (
    <>
      <BackLink to={pupilsPageBack(school.id)}>Back to pupils</BackLink>
      <FlashBanner flash={flash} />
      {resource.status === 'loading' && (
        <>
          <PageTitle caption={school.name}>Pupil</PageTitle>
          <Loading what="Loading the pupil’s record" />
        </>
      )}
      {resource.status === 'error' &&
        (resource.error.code === 'not_found' ? (
          <>
            <PageTitle>Page not found</PageTitle>
            <NotFoundContent />
          </>
        ) : (
          <>
            <PageTitle caption={school.name}>Pupil</PageTitle>
            <LoadError error={resource.error} onRetry={reload} />
          </>
        ))}
      {resource.status === 'ready' && resource.data.view === 'basic' && (
        <BasicRecord school={school} data={resource.data} />
      )}
      {resource.status === 'ready' && resource.data.view === 'summary' && (
        <SummaryRecord school={school} data={resource.data} />
      )}
      {resource.status === 'ready' && resource.data.view === 'case' && (
        <CaseRecord school={school} data={resource.data} tab={tab} />
      )}
      {resource.status === 'ready' && resource.data.view === 'case' && tab === 'summary' && (
        <>
          <PupilInterventions
            schoolId={school.id}
            pupil={{ id: resource.data.pupil.id, name: pupilName(resource.data.pupil) }}
          />
          <PupilOutcomes schoolId={school.id} pupilId={resource.data.pupil.id} />
          <PupilReferrals
            school={school}
            pupil={{ id: resource.data.pupil.id, name: pupilName(resource.data.pupil) }}
          />
        </>
      )}
      {resource.status === 'ready' && schoolCan(school, 'concern.log') && (
        // Those without the pupil's case may still start an emergency CAMHS referral from here.
        <LogConcernAbout school={school} pupil={resource.data.pupil} emergency={resource.data.view !== 'case'} />
      )}
      {resource.status === 'ready' && (
        <PupilSubjectAccessLink
          school={school}
          pupil={{ id: resource.data.pupil.id, name: pupilName(resource.data.pupil) }}
        />
      )}
      <HelpNow audience="staff" />
    </>
  );
}

/** Worried about this pupil: the concern form, with the pupil already chosen. */
function LogConcernAbout({
  school,
  pupil,
  emergency,
}: {
  school: SessionSchool;
  pupil: { id: string; givenName: string; familyName: string; preferredName: string | null };
  emergency: boolean;
}) {
  return (
    <div className="home-log">
      <h2 className="heading-m home-log__title">Worried about {pupilFirstName(pupil)}?</h2>
      <p>
        <Link
          to={`${logConcernPage(school.id)}?pupil=${encodeURIComponent(pupil.id)}`}
          className="button button--secondary"
        >
          Log a concern about {pupilName(pupil)}
        </Link>
      </p>
      {emergency && <EmergencyReferralLink schoolId={school.id} pupil={{ id: pupil.id, name: pupilName(pupil) }} />}
    </div>
  );
}
