/**
 * The first section of "my work": pupils who checked in and asked to talk to someone, waiting for
 * this member of staff (their trusted adult, or the lead once the school day ended with no one
 * seeing it). A pupil asking to talk comes before everything else. The server decides what is listed.
 */
import type { MyWork as MyWorkAnswer } from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { talkRequestsPage } from '../checkins/checkinsPages';
import { formatDateTime } from '../components/dates';
import { countOf } from '../components/format';
import { Tag } from '../components/Page';
import { Link } from '../router/router';
import { Section } from './MyWorkSection';

export function TalkRequests({ school, work }: { school: SessionSchool; work: MyWorkAnswer }) {
  const items = work.talkRequests;
  return (
    <Section id="talk-requests" title="Pupils who’d like to talk" count={items.length}>
      {items.length === 0 ? (
        <p className="my-work__empty">
          No pupil is waiting. When a pupil checks in and asks to talk to you, they appear here first.
        </p>
      ) : (
        <>
          <p>
            {countOf(items.length, 'pupil')} asked to talk to someone. Find them today, then say you have seen it so
            that they know.
          </p>
          <ul className="plan-list">
            {items.map((t) => (
              <li key={t.checkinId} className="plan-list__item">
                <p className="plan-list__title">
                  <Link to={talkRequestsPage(school.id)}>{t.pupil.name}</Link>
                  {t.escalated && (
                    <>
                      {' '}
                      <Tag tone="yellow">Passed to you: not seen by the end of the day</Tag>
                    </>
                  )}
                </p>
                <p className="plan-list__meta">
                  Asked <time dateTime={t.at}>{formatDateTime(t.at)}</time>.
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={talkRequestsPage(school.id)}>See all pupils who&rsquo;d like to talk</Link>
      </p>
    </Section>
  );
}
