/** What this parent sent the school about the child, and whether it has been read. */
import { FAMILY_MESSAGE_STATE_LABELS, PARENT_WORDS as W, type ParentMessagePart } from '@tandem/core';
import { Tag } from '../components/Page';
import { FamilySection } from './FamilySection';
import { dayOf } from './familyFormat';

export function ChildMessages({ messages }: { messages: ParentMessagePart[] }) {
  return (
    <FamilySection title={W.sentHeading} id="sent">
      {messages.length === 0 ? (
        <p>{W.sentNone}</p>
      ) : (
        <ul className="family-items">
          {messages.map((m) => (
            <li className="family-item" key={m.id}>
              <h3 className="family-item__title">
                {m.kind === 'tell' ? W.sentTell : W.sentSupport(m.interventionName)}
              </h3>
              <p className="family-item__meta">
                <Tag tone={m.state === 'read' ? 'green' : 'grey'}>{FAMILY_MESSAGE_STATE_LABELS[m.state]}</Tag>{' '}
                {W.sentOn(dayOf(m.sentAt))} {m.readAt !== null ? W.sentRead(dayOf(m.readAt)) : W.sentNotRead}
              </p>
              <p className="pre-line">{m.text}</p>
            </li>
          ))}
        </ul>
      )}
    </FamilySection>
  );
}
