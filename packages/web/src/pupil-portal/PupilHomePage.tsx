/**
 * A pupil's own page (/pupil): Help now, the check-in when one is due, their check-ins over time,
 * questions waiting for them, and their plan in their own words when the school has written one.
 */
import { PUPIL_WORDS as W, type CheckinAnswer, type PupilHomeResponse } from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { useResource } from '../api/useResource';
import { useSession } from '../auth/session';
import { PageTitle, Panel } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { ChildProvision } from '../family/ChildProvision';
import { FamilySection } from '../family/FamilySection';
import { familySchoolApi, pupilHomeResponse, pupilQuestionnairePage, pupilSchoolOf } from '../family/familyApi';
import { dayOf } from '../family/familyFormat';
import { Link } from '../router/router';
import { CheckinForm } from './CheckinForm';
import { CheckinHistory } from './CheckinHistory';
import { HelpNowContent } from './HelpNowContent';
import { HelpNowLink } from './HelpNowLink';
import '../family/family.css';

export function PupilHomePage() {
  const { session } = useSession();
  const school = pupilSchoolOf(session);
  const { resource, reload } = useResource(
    school === undefined ? null : `${familySchoolApi(school.id)}/pupil-home`,
    pupilHomeResponse,
  );
  const [sent, setSent] = useState<{ answer: CheckinAnswer; wantsToTalk: boolean } | null>(null);
  if (school === undefined) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return (
      <div className="family">
        <HelpNowLink />
        {resourceFallback(resource, {
          title: W.homePageTitle,
          caption: school.name,
          loading: W.loading,
          onRetry: reload,
        })}
      </div>
    );
  }
  return (
    <PupilHome
      home={resource.data}
      sent={sent}
      onSent={(answer, wantsToTalk) => {
        setSent({ answer, wantsToTalk });
        reload();
      }}
    />
  );
}

function PupilHome({
  home,
  sent,
  onSent,
}: {
  home: PupilHomeResponse;
  sent: { answer: CheckinAnswer; wantsToTalk: boolean } | null;
  onSent: (answer: CheckinAnswer, wantsToTalk: boolean) => void;
}) {
  const weekly = home.frequency === 'weekly';
  return (
    <div className="family">
      <HelpNowLink />
      <PageTitle caption={home.schoolName}>{W.homeTitle(home.firstName)}</PageTitle>
      {sent !== null ? (
        <Sent sent={sent} schoolId={home.schoolId} trustedAdultName={home.trustedAdultName} />
      ) : home.checkinDue ? (
        <div className="family-section">
          <CheckinForm
            schoolId={home.schoolId}
            weekly={weekly}
            trustedAdultName={home.trustedAdultName}
            onSent={onSent}
          />
        </div>
      ) : (
        <p className="lead">{weekly ? W.doneWeek : W.doneToday}</p>
      )}
      {home.questionnaires.length > 0 && (
        <FamilySection title={W.questionnairesHeading}>
          <p>{W.questionnairesIntro}</p>
          <ul className="family-items">
            {home.questionnaires.map((q) => (
              <li className="family-item" key={q.id}>
                <h3 className="family-item__title">{q.title}</h3>
                {q.dueOn !== null && <p>{W.questionnaireDue(dayOf(q.dueOn))}</p>}
                <Link to={pupilQuestionnairePage(q.id)} className="button button--primary">
                  {q.started ? W.questionnaireCarryOn : W.questionnaireStart}
                  <span className="visually-hidden">: {q.title}</span>
                </Link>
              </li>
            ))}
          </ul>
        </FamilySection>
      )}
      {home.myPlan !== null && (
        <FamilySection title={W.planHeading}>
          <div className="pupil-plan">{home.myPlan.text}</div>
          <p className="secondary-text">{W.planAgreed(dayOf(home.myPlan.agreedOn))}</p>
        </FamilySection>
      )}
      <ChildProvision
        own
        firstName={home.firstName}
        timetables={home.myTimetable === null ? [] : [home.myTimetable]}
        visits={home.myVisits}
      />
      <CheckinHistory checkins={home.checkins} />
    </div>
  );
}

/** After checking in: thanks; who the "talk to someone" went to; Help now at once when needed. */
function Sent({
  sent,
  schoolId,
  trustedAdultName,
}: {
  sent: { answer: CheckinAnswer; wantsToTalk: boolean };
  schoolId: string;
  trustedAdultName: string | null;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const { answer, wantsToTalk } = sent;
  return (
    <div ref={ref} tabIndex={-1} className="family-section">
      {answer.helpNow && (
        <Panel title={W.helpTitle} tone="help">
          <HelpNowContent schoolId={schoolId} trustedAdultName={trustedAdultName} headingLevel={3} />
        </Panel>
      )}
      <div className="family-received" role="status">
        <h2 className="family-received__title">{W.thanksTitle}</h2>
        {wantsToTalk && (
          <>
            <p>{answer.talkToName !== null ? W.talkSent(answer.talkToName) : W.talkSentNoName}</p>
            <p>{W.talkSeeRead}</p>
          </>
        )}
      </div>
    </div>
  );
}
