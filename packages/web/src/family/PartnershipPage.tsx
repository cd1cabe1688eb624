/** The school's partnership statement: what school can and cannot do, and how home helps. */
import { PARENT_WORDS as W } from '@tandem/core';
import { useResource } from '../api/useResource';
import { BackLink, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { FamilySection } from './FamilySection';
import { familyHomePage, familySchoolApi, partnershipResponse } from './familyApi';
import './family.css';

export function PartnershipPage({ schoolId }: { schoolId: string }) {
  const { resource, reload } = useResource(`${familySchoolApi(schoolId)}/partnership`, partnershipResponse);
  const back = { to: familyHomePage, text: W.homeTitle };
  if (resource.status !== 'ready') {
    return (
      <div className="family">
        {resourceFallback(resource, {
          title: W.partnershipTitle,
          caption: '',
          loading: W.loading,
          back,
          onRetry: reload,
        })}
      </div>
    );
  }
  const { schoolName, statement } = resource.data;
  return (
    <div className="family">
      <BackLink to={back.to}>{back.text}</BackLink>
      <PageTitle caption={schoolName}>{W.partnershipTitle}</PageTitle>
      <p className="lead pre-line">{statement.intro}</p>
      {statement.questions.length > 0 && (
        <FamilySection title={W.partnershipQuestions}>
          {statement.questions.map((q, i) => (
            <div key={i}>
              <h3 className="heading-m">{q.question}</h3>
              <p className="pre-line">{q.answer}</p>
            </div>
          ))}
        </FamilySection>
      )}
      {statement.homeCommitments.length > 0 && (
        <FamilySection title={W.partnershipHome}>
          <ul className="list list--bullet">
            {statement.homeCommitments.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </FamilySection>
      )}
    </div>
  );
}
