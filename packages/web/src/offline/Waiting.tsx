/**
 * What the person sees of concerns kept on this device: a strip under the header on every page
 * while any wait, the list on the log-a-concern page, and what to do at once about an urgent one
 * written offline (no alert can reach the DSL team until it is sent).
 */
import { useSession } from '../auth/session';
import { formatDateTime, formatTime, ukIsoDay } from '../components/dates';
import { concernPage, logConcernPage } from '../concerns/concernsApi';
import { Link, useLocation } from '../router/router';
import type { WaitingConcern } from './offlineStore';
import { useOutbox } from './OutboxProvider';
import './offline.css';

/** "10:42" today, "5 Dec 2026, 10:42" another day. */
export function writtenWhen(iso: string): string {
  return ukIsoDay(new Date(iso)) === ukIsoDay() ? formatTime(iso) : formatDateTime(iso);
}

function count(n: number): string {
  return n === 1 ? '1 concern' : `${String(n)} concerns`;
}

/** Under the header on every page: always there, so that what appears in it is announced. */
export function WaitingStrip() {
  const { session } = useSession();
  const { mine, others, sent, sending, sendNow, dismissSent } = useOutbox();
  const { pathname } = useLocation();
  const signedIn = session.stage === 'complete';
  const urgent = mine.some((c) => c.findDslNow || c.medicalEmergency);
  const latest = mine[mine.length - 1];
  const onLogPage = pathname.endsWith('/concerns/new');
  return (
    <div className="waiting-strip-region" role="status" aria-live="polite">
      {mine.length > 0 && latest !== undefined && (
        <div className={urgent ? 'waiting-strip waiting-strip--urgent' : 'waiting-strip'}>
          <div className="page-width waiting-strip__inner">
            <p className="waiting-strip__text">
              <strong>Waiting to send:</strong> {count(mine.length)} kept on this device, written{' '}
              <time dateTime={latest.writtenAt}>{writtenWhen(latest.writtenAt)}</time>.{' '}
              {urgent
                ? 'No alert has reached the DSL team yet: find the DSL in person now. If a child is in danger, call 999.'
                : 'It will be sent when Tandem can be reached again.'}
            </p>
            <p className="waiting-strip__links">
              <button type="button" className="link-button" disabled={sending} onClick={sendNow}>
                {sending ? 'Sending…' : 'Try to send now'}
              </button>
              {!onLogPage && <Link to={logConcernPage(latest.schoolId)}>See what is waiting</Link>}
            </p>
          </div>
        </div>
      )}
      {others > 0 && (
        <div className="waiting-strip">
          <div className="page-width waiting-strip__inner">
            <p className="waiting-strip__text">
              <strong>Waiting to send:</strong>{' '}
              {signedIn
                ? `${count(others)} written on this device by someone else. It will be sent when they next sign in here.`
                : `${count(others)} written on this device. It will be sent when the person who wrote it signs in again.`}
            </p>
          </div>
        </div>
      )}
      {sent.map((s) => (
        <div className="waiting-strip waiting-strip--sent" key={s.submissionKey}>
          <div className="page-width waiting-strip__inner">
            <p className="waiting-strip__text">
              <strong>Sent:</strong> your concern written <time dateTime={s.writtenAt}>{writtenWhen(s.writtenAt)}</time>{' '}
              has reached Tandem, reference <Link to={concernPage(s.schoolId, s.concernId)}>{s.reference}</Link>.
            </p>
            <p className="waiting-strip__links">
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  dismissSent(s.submissionKey);
                }}
              >
                Dismiss<span className="visually-hidden"> this message</span>
              </button>
            </p>
          </div>
        </div>
      ))}
    </div>
  );
}

/** The waiting concerns of the person signed in, for one school, on the log-a-concern page. */
export function WaitingList({ schoolId }: { schoolId: string }) {
  const { mine, sending, sendNow } = useOutbox();
  const here = mine.filter((c) => c.schoolId === schoolId);
  if (here.length === 0) return null;
  return (
    <section className="waiting-list" aria-labelledby="waiting-list-title">
      <h2 className="heading-m" id="waiting-list-title">
        Waiting to send
      </h2>
      <p>
        Kept on this device until Tandem can be reached. They are sent by themselves when the connection returns, while
        you are signed in. Closing this page loses nothing.
      </p>
      <ul className="waiting-list__items">
        {here.map((c) => (
          <WaitingItem key={c.submissionKey} concern={c} />
        ))}
      </ul>
      <p>
        <button type="button" className="button button--secondary" disabled={sending} onClick={sendNow}>
          {sending ? 'Sending…' : 'Try to send now'}
        </button>
      </p>
    </section>
  );
}

function WaitingItem({ concern }: { concern: WaitingConcern }) {
  return (
    <li className="waiting-list__item">
      <p className="waiting-list__about">
        <strong>Concern about {concern.about}</strong>
        {(concern.findDslNow || concern.medicalEmergency) && <span className="tag tag--red">Urgent</span>}
      </p>
      <p className="waiting-list__meta">
        {concern.refusal === null ? 'Waiting to send' : 'Not sent'} · written{' '}
        <time dateTime={concern.writtenAt}>{writtenWhen(concern.writtenAt)}</time>
      </p>
      {concern.refusal !== null && (
        <p className="waiting-list__refusal">
          Tandem did not accept it: {concern.refusal} It is still kept on this device. Tell the DSL team in person.
        </p>
      )}
    </li>
  );
}
