/**
 * Pupils who'd like to talk: each "I'd like to talk to someone" from a pupil's check-in that came to
 * this member of staff (as the pupil's trusted adult, or as the lead once the school day ended with
 * nobody seeing it), waiting ones first; the Senior Mental Health Lead and the DSL team see every
 * one. Pressing "I've seen this" tells the pupil their message was read. Then the last 14 days.
 */
import type { TalkRequest, TalkRequestsResponse } from '@tandem/core';
import { useState, type ReactNode } from 'react';
import { apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime, formatRelative } from '../components/dates';
import { countOf } from '../components/format';
import { Button } from '../components/Form';
import { FlashBanner, HelpNow, NotificationBanner, PageTitle, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { myWorkChanged } from '../home/myWorkApi';
import { pupilPage } from '../pupils/pupilsApi';
import { Link, useFlash } from '../router/router';
import { acknowledgeApi, talkRequestSchema, talkRequestsApi, talkRequestsResponse } from './checkinsApi';
import { Mood } from './Mood';
import './checkins.css';

const TITLE = 'Pupils who’d like to talk';

export function TalkRequestsPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'concern.log');
  const flash = useFlash();
  const { resource, reload, setData } = useResource(allowed ? talkRequestsApi(schoolId) : null, talkRequestsResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, { title: TITLE, caption: school.name, loading: 'Loading', onRetry: reload });
  }
  return (
    <div className="checkins">
      <FlashBanner flash={flash} />
      <Requests school={school} data={resource.data} onChange={setData} />
    </div>
  );
}

function Requests({
  school,
  data,
  onChange,
}: {
  school: SessionSchool;
  data: TalkRequestsResponse;
  onChange: (data: TalkRequestsResponse) => void;
}) {
  const [seen, setSeen] = useState<{ name: string; at: number } | null>(null);
  const action = useAction<string>();
  const everyone = schoolCan(school, 'safeguarding.read') || school.roles.includes('smhl');
  // Those passed on at the end of the day first, then the longest waiting.
  const waiting = [...data.waiting].sort((a, b) =>
    a.escalated === b.escalated ? a.at.localeCompare(b.at) : a.escalated ? -1 : 1,
  );

  const acknowledge = async (r: TalkRequest) => {
    await action.runAs(r.checkinId, async () => {
      const answer = await apiPost(acknowledgeApi(school.id, r.checkinId), {}, talkRequestSchema);
      onChange({
        waiting: data.waiting.filter((w) => w.checkinId !== r.checkinId),
        recent: [answer, ...data.recent.filter((x) => x.checkinId !== r.checkinId)],
      });
      setSeen({ name: r.pupilName, at: Date.now() });
      myWorkChanged();
    });
  };

  return (
    <>
      {seen !== null && (
        <NotificationBanner
          key={seen.at}
          kind="success"
          title={`Thank you. ${seen.name} will see that you have read it.`}
        >
          <p>Find {seen.name} today, somewhere they can talk without others listening.</p>
        </NotificationBanner>
      )}
      <PageTitle caption={school.name}>{TITLE}</PageTitle>
      <p className="lead">
        {everyone
          ? 'Pupils who asked to talk to someone when they checked in, across the school.'
          : 'Pupils who asked to talk to someone when they checked in, and chose you or have you as their trusted adult.'}{' '}
        Find the pupil, then press &ldquo;I&rsquo;ve seen this&rdquo; so that they know. If no one has by the end of the
        school day, it goes to the Senior Mental Health Lead.
      </p>
      <section aria-labelledby="waiting-title" className="checkins-section">
        <h2 className="heading-m" id="waiting-title">
          Waiting{waiting.length > 0 ? ` (${String(waiting.length)})` : ''}
        </h2>
        {action.problem !== null && (
          <p className="error-text" role="alert">
            {action.problem}
          </p>
        )}
        {waiting.length === 0 ? (
          <div className="empty-state">
            <p>
              No pupil is waiting. When a pupil asks to talk to you, it appears here, on your home page and in your
              alerts.
            </p>
          </div>
        ) : (
          <>
            <p className="count">{countOf(waiting.length, 'pupil')} waiting to hear from someone</p>
            <ul className="talk-list">
              {waiting.map((r) => (
                <TalkCard key={r.checkinId} school={school} request={r} everyone={everyone}>
                  <Button
                    busy={action.running === r.checkinId}
                    disabled={action.busy}
                    busyText="Saving…"
                    onClick={() => {
                      void acknowledge(r);
                    }}
                  >
                    I&rsquo;ve seen this &ndash; I&rsquo;ll talk to them
                    <span className="visually-hidden"> ({r.pupilName})</span>
                  </Button>
                </TalkCard>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="recent-title" className="checkins-section">
        <h2 className="heading-m" id="recent-title">
          Seen in the last 14 days
        </h2>
        {data.recent.length === 0 ? (
          <p className="secondary-text">None in the last 14 days.</p>
        ) : (
          <ul className="talk-list">
            {data.recent.map((r) => (
              <TalkCard key={r.checkinId} school={school} request={r} everyone={everyone} />
            ))}
          </ul>
        )}
      </section>
      <HelpNow audience="staff" />
    </>
  );
}

function TalkCard({
  school,
  request: r,
  everyone,
  children,
}: {
  school: SessionSchool;
  request: TalkRequest;
  everyone: boolean;
  children?: ReactNode;
}) {
  return (
    <li className={r.escalated && r.acknowledgedAt === null ? 'talk-card talk-card--escalated' : 'talk-card'}>
      <h3 className="heading-s talk-card__name">
        <Link to={pupilPage(school.id, r.pupilId)}>{r.pupilName}</Link>
        {r.form !== '' && <span className="secondary-text talk-card__form"> {r.form}</span>}
      </h3>
      {r.escalated && (
        <p className="talk-card__tags">
          <Tag tone="yellow">Passed to the lead</Tag>{' '}
          <span className="secondary-text">No one had seen it by the end of the school day.</span>
        </p>
      )}
      <dl className="talk-card__facts">
        <div>
          <dt>Asked</dt>
          <dd>
            <time dateTime={r.at}>{formatDateTime(r.at)}</time>{' '}
            <span className="secondary-text">({formatRelative(r.at)})</span>
          </dd>
        </div>
        <div>
          <dt>Feeling</dt>
          <dd>
            <Mood mood={r.mood} />
          </dd>
        </div>
        {everyone && r.talkToName !== null && (
          <div>
            <dt>Went to</dt>
            <dd>{r.talkToName}</dd>
          </div>
        )}
        {r.acknowledgedAt !== null && (
          <div>
            <dt>Seen by</dt>
            <dd>
              {r.acknowledgedByName ?? 'Someone'},{' '}
              <time dateTime={r.acknowledgedAt}>{formatDateTime(r.acknowledgedAt)}</time>
            </dd>
          </div>
        )}
      </dl>
      {r.note.trim() === '' ? (
        <p className="secondary-text">No note.</p>
      ) : (
        <blockquote className="quote pre-line talk-card__note">
          <span className="visually-hidden">Their note: </span>
          {r.note}
        </blockquote>
      )}
      {children}
    </li>
  );
}
