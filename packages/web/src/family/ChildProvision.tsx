/**
 * The child's part-time (reduced) timetable and the school's visits or calls, as home sees them:
 * the hours, the dates, the plan back to full time and the next review; when each visit or call
 * was and whether the child was seen. Never the school's notes.
 */
import { VISIT_KIND_LABELS, type ParentTimetablePart, type ParentVisitPart } from '@tandem/core';
import { Tag } from '../components/Page';
import { FamilySection } from './FamilySection';
import { dayOf, whenOf } from './familyFormat';

export function ChildProvision({
  firstName,
  timetables,
  visits,
  own = false,
}: {
  firstName: string;
  timetables: readonly ParentTimetablePart[];
  visits: readonly ParentVisitPart[];
  /** On the pupil's own page: "you" rather than their name. */
  own?: boolean;
}) {
  if (timetables.length === 0 && visits.length === 0) return null;
  const who = own ? 'You are' : `${firstName} is`;
  return (
    <>
      {timetables.map((t, i) => (
        <FamilySection key={i} title="Part-time timetable">
          <p>
            {who} in school for part of the week for a short time. This was agreed with {own ? 'your family' : 'you'}.
          </p>
          <ul className="list">
            <li>In school: {t.hours}.</li>
            <li>
              From {dayOf(t.startOn)} to {dayOf(t.endOn)}.
            </li>
            <li>The plan to go back to full days: {t.returnPlan}</li>
            {t.nextReviewOn !== null && <li>We will talk about how it is going by {dayOf(t.nextReviewOn)}.</li>}
          </ul>
        </FamilySection>
      ))}
      {visits.length > 0 && (
        <FamilySection title="Visits and calls from school">
          <p>
            While {own ? 'you are' : `${firstName} is`} not in school every day, someone from school keeps in touch.
          </p>
          <ul className="family-items">
            {visits.map((v, i) => (
              <li className="family-item" key={i}>
                <p>
                  <strong>{VISIT_KIND_LABELS[v.kind]}</strong>, {whenOf(v.at)}{' '}
                  <Tag tone={v.seen ? 'green' : 'grey'}>{v.seen ? 'Seen or spoken to' : 'Not seen'}</Tag>
                </p>
              </li>
            ))}
          </ul>
        </FamilySection>
      )}
    </>
  );
}
