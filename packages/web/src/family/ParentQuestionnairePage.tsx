/** A questionnaire asked of a parent about their child, answered one question at a time. */
import { EMERGENCY_LINE, HELP_LINES, PARENT_WORDS as W } from '@tandem/core';
import { Panel } from '../components/Page';
import { FamilyAnswering } from './FamilyAnswering';
import { childPage } from './familyApi';

export function ParentQuestionnairePage({
  schoolId,
  pupilId,
  questionnaireId,
}: {
  schoolId: string;
  pupilId: string;
  questionnaireId: string;
}) {
  return (
    <FamilyAnswering
      schoolId={schoolId}
      questionnaireId={questionnaireId}
      forPupil={false}
      backTo={childPage(schoolId, pupilId)}
      words={{
        loading: W.loading,
        doneTitle: W.questionnaireDoneTitle,
        doneText: W.questionnaireDoneText,
        closed: W.questionnaireClosed,
        back: W.backToChild,
      }}
      help={
        <Panel title={W.helpTitle} tone="help">
          <p>{W.helpText}</p>
          <ul className="list help-list">
            {HELP_LINES.filter((l) => l.name !== 'Childline').map((l) => (
              <li key={l.name}>
                <strong>{l.name}</strong>: <a href={l.href}>{l.how}</a>
              </li>
            ))}
          </ul>
          <p className="help-emergency">
            <strong>
              {W.helpEmergency} <a href={EMERGENCY_LINE.href}>{EMERGENCY_LINE.how}</a>.
            </strong>
          </p>
        </Panel>
      }
    />
  );
}
