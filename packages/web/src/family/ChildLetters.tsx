/** Termly letters: download the PDF, and say it has been read. */
import { PARENT_WORDS as W, type ParentLetterPart } from '@tandem/core';
import { ConfirmRead } from './ConfirmRead';
import { FamilySection } from './FamilySection';
import { letterPdfApi } from './familyApi';
import { dayOf } from './familyFormat';

export function ChildLetters({
  schoolId,
  pupilId,
  letters,
}: {
  schoolId: string;
  pupilId: string;
  letters: ParentLetterPart[];
}) {
  if (letters.length === 0) return null;
  return (
    <FamilySection title={W.lettersHeading}>
      <p>{W.lettersIntro}</p>
      <ul className="family-items">
        {letters.map((l) => (
          <li className="family-item" key={l.id}>
            <h3 className="family-item__title">{W.letterTitle(dayOf(l.sharedAt))}</h3>
            <p>{W.letterLevel(l.levelName)}</p>
            <p>
              <a href={letterPdfApi(schoolId, pupilId, l.id)} className="button button--secondary" download>
                {W.letterDownload}
                <span className="visually-hidden">{W.letterDownloadHidden(dayOf(l.sharedAt))}</span>
              </a>
            </p>
            <ConfirmRead
              schoolId={schoolId}
              pupilId={pupilId}
              item="letter"
              itemId={l.id}
              version={0}
              readAt={l.readAt}
              what={W.letterTitle(dayOf(l.sharedAt))}
            />
          </li>
        ))}
      </ul>
    </FamilySection>
  );
}
