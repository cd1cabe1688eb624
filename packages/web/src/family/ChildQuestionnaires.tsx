/** Questionnaires asked of this parent about their child. */
import { PARENT_WORDS as W, type ParentQuestionnairePart } from '@tandem/core';
import { Link } from '../router/router';
import { FamilySection } from './FamilySection';
import { parentQuestionnairePage } from './familyApi';
import { dayOf } from './familyFormat';

export function ChildQuestionnaires({
  schoolId,
  pupilId,
  questionnaires,
}: {
  schoolId: string;
  pupilId: string;
  questionnaires: ParentQuestionnairePart[];
}) {
  if (questionnaires.length === 0) return null;
  return (
    <FamilySection title={W.questionnairesHeading}>
      <p>{W.questionnairesIntro}</p>
      <ul className="family-items">
        {questionnaires.map((q) => (
          <li className="family-item" key={q.id}>
            <h3 className="family-item__title">{q.title}</h3>
            {q.dueOn !== null && <p>{W.questionnaireDue(dayOf(q.dueOn))}</p>}
            <Link to={parentQuestionnairePage(schoolId, pupilId, q.id)} className="button button--primary">
              {q.started ? W.questionnaireCarryOn : W.questionnaireStart}
              <span className="visually-hidden">: {q.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </FamilySection>
  );
}
