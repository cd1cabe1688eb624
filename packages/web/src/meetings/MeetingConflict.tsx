/**
 * When someone else changed a planned meeting while it was being edited: the message at the top of
 * the editor, and the meeting as now saved below the form. Nothing typed is lost. If it has been
 * marked as held meanwhile, it cannot be changed: the message says what to do with what was typed.
 */
import { type MeetingDetailResponse } from '@tandem/core';
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../components/dates';

export interface NewerMeeting {
  version: number;
  meeting: MeetingDetailResponse['meeting'];
  /** Changes each time a conflict is found, so the message is announced and focused again. */
  seen: number;
}

/**
 * The message at the top of the editor. It takes focus when shown: key it by `newer.seen`, so that
 * each change found is announced and focused again.
 */
export function MeetingConflictBox({ newer }: { newer: NewerMeeting }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const closed = newer.meeting.status === 'completed';
  return (
    <div className="conflict-box" role="alert" aria-labelledby="conflict-title" tabIndex={-1} ref={ref}>
      <h2 className="conflict-box__title" id="conflict-title">
        Someone else changed this meeting while you were editing. Your changes are still here and have not been saved.
      </h2>
      {closed ? (
        <p>
          It has now been marked as held
          {newer.meeting.completedByName !== null && ` by ${newer.meeting.completedByName}`}, so it cannot be changed.
          Copy anything you need from the form below, then add it to the record another way, such as a note on the
          pupil&rsquo;s plan.
        </p>
      ) : (
        <p>
          The meeting as now saved is shown <a href="#newer-meeting">below your form</a>. Saving again puts your details
          in its place.
        </p>
      )}
    </div>
  );
}

/** The meeting as now saved, read only, below the form. */
export function NewerMeetingSection({ newer }: { newer: NewerMeeting }) {
  const m = newer.meeting;
  return (
    <section className="compare" id="newer-meeting" aria-labelledby="newer-meeting-title" tabIndex={-1}>
      <h2 className="heading-m compare__title" id="newer-meeting-title">
        The meeting as now saved (read only)
      </h2>
      <ul className="list list--plain">
        <li>
          <strong>When:</strong> {formatDateTime(m.heldAt)}
        </li>
        <li>
          <strong>Where:</strong> {m.place}
        </li>
        <li>
          <strong>Who came:</strong>{' '}
          {m.attendees.length === 0 ? 'No one listed' : m.attendees.map((a) => a.name).join(', ')}
        </li>
      </ul>
      <h3 className="heading-s">Aims</h3>
      <p className="pre-line">{m.aims === '' ? 'None written.' : m.aims}</p>
      <h3 className="heading-s">Notes</h3>
      <p className="pre-line">{m.notes === '' ? 'None written.' : m.notes}</p>
    </section>
  );
}
