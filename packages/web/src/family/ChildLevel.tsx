/** How the child is doing: the level in plain words, what home can do and what school is doing. */
import { LEVEL_CODES, PARENT_WORDS as W, type ParentLevelPart } from '@tandem/core';
import { LevelBadge } from '../components/LevelBadge';
import { isOneOf } from '../components/format';
import { FamilySection } from './FamilySection';
import { dayOf } from './familyFormat';

export function ChildLevel({ firstName, level }: { firstName: string; level: ParentLevelPart | null }) {
  if (level === null) {
    return (
      <FamilySection title={W.levelHeading(firstName)}>
        <p>{W.levelNone}</p>
      </FamilySection>
    );
  }
  const code = level.code !== null && isOneOf(LEVEL_CODES, level.code) ? level.code : null;
  return (
    <FamilySection title={W.levelHeading(firstName)}>
      <p>
        <LevelBadge code={code} name={level.name} size="large" />
      </p>
      <p className="lead">{level.summary}</p>
      {level.since !== null && <p className="secondary-text">{W.levelSince(dayOf(level.since))}</p>}
      {level.homeToDo.length > 0 && (
        <>
          <h3 className="heading-m">{W.homeToDoHeading}</h3>
          <ul className="list list--bullet">
            {level.homeToDo.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        </>
      )}
      {level.schoolDoes.length > 0 && (
        <>
          <h3 className="heading-m">{W.schoolDoesHeading}</h3>
          <ul className="list list--bullet">
            {level.schoolDoes.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        </>
      )}
    </FamilySection>
  );
}
