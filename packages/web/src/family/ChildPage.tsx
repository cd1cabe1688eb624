/**
 * One child, for their parent or carer (/family/schools/:schoolId/children/:pupilId): only what
 * the school shares, in this order: how the child is doing, agreed plans, meetings, support in
 * school, help from outside school, questions to answer, letters, and what the parent sent.
 */
import { PARENT_WORDS as W, type FamilyChildSummary, type ParentChildView } from '@tandem/core';
import { FlashBanner, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { Link, useFlash } from '../router/router';
import { ChildLetters } from './ChildLetters';
import { ChildLevel } from './ChildLevel';
import { ChildMeetings } from './ChildMeetings';
import { ChildMessages } from './ChildMessages';
import { ChildPlans } from './ChildPlans';
import { ChildProvision } from './ChildProvision';
import { ChildQuestionnaires } from './ChildQuestionnaires';
import { ChildSwitcher } from './ChildSwitcher';
import { ChildInterventions, ChildReferrals } from './ChildSupport';
import { askSupportPage, familyHomePage, tellPage, useChildView, useFamilyMe } from './familyApi';
import './family.css';

export function ChildPage({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const { resource, reload } = useChildView(schoolId, pupilId);
  const me = useFamilyMe().resource;
  if (resource.status !== 'ready') {
    return (
      <div className="family">
        {resourceFallback(resource, {
          title: W.pageTitleFallback,
          caption: '',
          loading: W.loading,
          back: { to: familyHomePage, text: W.homeTitle },
          onRetry: reload,
        })}
      </div>
    );
  }
  return <ChildView view={resource.data} siblings={me.status === 'ready' ? me.data.children : []} />;
}

function ChildView({ view, siblings }: { view: ParentChildView; siblings: FamilyChildSummary[] }) {
  const flash = useFlash();
  const { child } = view;
  const { schoolId, pupilId } = child;
  return (
    <div className="family">
      <FlashBanner flash={flash} />
      <ChildSwitcher childList={siblings} current={child} />
      <PageTitle caption={`${child.schoolName}, ${child.yearLabel}`}>{child.name}</PageTitle>
      <ul className="family-actions" aria-label={W.actionsHeading}>
        <li>
          <Link to={tellPage(schoolId, pupilId)} className="button button--primary">
            {W.tellLink}
          </Link>
        </li>
        <li>
          <Link to={askSupportPage(schoolId, pupilId)} className="button button--secondary">
            {W.askLink}
          </Link>
        </li>
      </ul>
      <ChildLevel firstName={child.firstName} level={view.level} />
      <ChildPlans schoolId={schoolId} pupilId={pupilId} plans={view.plans} />
      <ChildProvision firstName={child.firstName} timetables={view.reducedTimetables} visits={view.welfareVisits} />
      <ChildMeetings meetings={view.meetings} />
      <ChildInterventions interventions={view.interventions} />
      <ChildReferrals referrals={view.referrals} />
      <ChildQuestionnaires schoolId={schoolId} pupilId={pupilId} questionnaires={view.questionnaires} />
      <ChildLetters schoolId={schoolId} pupilId={pupilId} letters={view.letters} />
      <ChildMessages messages={view.messages} />
    </div>
  );
}
