/** Meetings about the child, with the agreed next steps; this parent's own marked in words too. */
import { PARENT_WORDS as W, type ParentMeetingPart } from '@tandem/core';
import { Tag } from '../components/Page';
import { FamilySection } from './FamilySection';
import { dayOf, whenOf } from './familyFormat';

export function ChildMeetings({ meetings }: { meetings: ParentMeetingPart[] }) {
  if (meetings.length === 0) return null;
  return (
    <FamilySection title={W.meetingsHeading}>
      <ul className="family-items">
        {meetings.map((m) => (
          <li className="family-item" key={m.id}>
            <h3 className="family-item__title">{m.kindLabel}</h3>
            <p className="family-item__meta">
              <Tag tone={m.upcoming ? 'blue' : 'grey'}>{m.upcoming ? W.meetingComing : W.meetingHeld}</Tag>
            </p>
            <p>
              {W.meetingWhen(whenOf(m.heldAt))}
              {m.place !== '' && (
                <>
                  <br />
                  {W.meetingWhere(m.place)}
                </>
              )}
            </p>
            {(!m.upcoming || m.nextSteps.length > 0) && (
              <>
                <h4 className="heading-s">{W.nextStepsHeading}</h4>
                {m.nextSteps.length === 0 ? (
                  <p>{W.nextStepsNone}</p>
                ) : (
                  <ul className="list list--plain">
                    {m.nextSteps.map((s, i) => (
                      <li key={i} className={s.theirs ? 'family-step family-step--yours' : 'family-step'}>
                        {s.theirs && (
                          <p className="family-step__meta">
                            <Tag tone="teal">{W.stepYours}</Tag>
                          </p>
                        )}
                        <p className="family-step__text">{s.description}</p>
                        <p className="family-step__meta">
                          {s.theirs ? W.stepWhoYou : W.stepWho(s.ownerName)}. {W.stepBy(dayOf(s.dueOn))}.{' '}
                          <strong>{s.done ? W.stepDone : W.stepToDo}</strong>
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </FamilySection>
  );
}
