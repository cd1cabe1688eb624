/**
 * A member of staff's private calendar feed: what it is, setting it up (the address shown once,
 * with how to add it to Outlook or Google Calendar), renewing its address and stopping it. The feed
 * is the person's own, across every school where they work; the page sits in the school they came from.
 */
import { useState } from 'react';
import { calendarFeedCreatedResponse, calendarFeedResponse, type CalendarFeedCreatedResponse } from '@tandem/core';
import { apiDelete, apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatDate, formatDateTime } from '../components/dates';
import { Button, ButtonGroup } from '../components/Form';
import { InsetText, PageTitle, SummaryList } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { okResponse } from '../transfers/transfersApi';
import { calendarFeedApi } from './calendarApi';
import { NewAddress } from './NewAddress';

const TITLE = 'Calendar feed';

function WhatItHolds() {
  return (
    <>
      <p>Your calendar will show, from 30 days ago to six months ahead:</p>
      <ul className="list">
        <li>meetings you lead or are invited to</li>
        <li>reviews of plans you lead</li>
        <li>next steps you own, on the day they are due</li>
        <li>reviews of reduced timetables you lead</li>
      </ul>
      <p>
        It only shows things you can open in Tandem. Each one shows the pupil&rsquo;s initials, never their name or any
        details, and a link to Tandem, which asks you to sign in.
      </p>
    </>
  );
}

export function CalendarFeedPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const { resource, reload } = useResource(school ? calendarFeedApi : null, calendarFeedResponse);
  const action = useAction<'set-up' | 'stop'>();
  const [shown, setShown] = useState<CalendarFeedCreatedResponse | null>(null);
  const [asking, setAsking] = useState<'renew' | 'stop' | null>(null);
  const [stopped, setStopped] = useState(false);
  if (school === undefined) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: TITLE,
      caption: school.name,
      loading: 'Loading your calendar feed',
      onRetry: reload,
    });
  }
  const { feed } = resource.data;
  const setUp = () =>
    action.runAs('set-up', async () => {
      const made = await apiPost(calendarFeedApi, {}, calendarFeedCreatedResponse);
      setAsking(null);
      setStopped(false);
      setShown(made);
      reload();
    });
  const stop = () =>
    action.runAs('stop', async () => {
      await apiDelete(calendarFeedApi, okResponse);
      setAsking(null);
      setShown(null);
      setStopped(true);
      reload();
    });
  return (
    <div className="calendar-feed">
      <PageTitle caption={school.name}>{TITLE}</PageTitle>
      <p className="lead">
        See your Tandem meetings, reviews and next steps in Outlook, Google Calendar or the calendar on your phone.
      </p>
      {stopped && feed === null && (
        <p role="status">Your calendar feed has stopped. Its address no longer works: remove it from your calendar.</p>
      )}
      {shown !== null && <NewAddress address={shown.address} renewed={shown.renewed} />}
      {feed === null ? (
        <>
          <InsetText>
            You have no calendar feed. A feed is a private web address that your calendar reads to add your Tandem
            dates. It covers every school where you work in Tandem.
          </InsetText>
          <WhatItHolds />
        </>
      ) : (
        <>
          <h2 className="heading-m">Your feed</h2>
          <SummaryList
            rows={[
              { key: 'created', label: 'Set up', value: formatDate(feed.createdAt) },
              {
                key: 'fetched',
                label: 'Last read by a calendar',
                value: feed.lastFetchedAt === null ? 'Not yet' : formatDateTime(feed.lastFetchedAt),
              },
            ]}
          />
          {shown === null && (
            <p>
              For your privacy Tandem does not show the address again. If you have lost it, or someone else may have it,
              renew it: the old address stops working at once.
            </p>
          )}
          <WhatItHolds />
        </>
      )}
      {action.problem !== null && (
        <p className="error-text" role="alert">
          {action.problem}
        </p>
      )}
      <ButtonGroup>
        {feed === null ? (
          <Button
            busy={action.running === 'set-up'}
            busyText="Setting up…"
            onClick={() => {
              void setUp();
            }}
          >
            Set up a calendar feed
          </Button>
        ) : (
          <>
            <Button
              variant="secondary"
              disabled={action.busy}
              onClick={() => {
                setAsking('renew');
              }}
            >
              Renew address
            </Button>
            <Button
              variant="warning"
              disabled={action.busy}
              onClick={() => {
                setAsking('stop');
              }}
            >
              Stop feed
            </Button>
          </>
        )}
      </ButtonGroup>
      <ConfirmDialog
        open={asking === 'renew'}
        title="Renew your calendar address?"
        confirmText="Renew address"
        busy={action.running === 'set-up'}
        onConfirm={() => {
          void setUp();
        }}
        onCancel={() => {
          setAsking(null);
        }}
      >
        <p>The old address stops working at once. You will need to add the new one to your calendar.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'stop'}
        title="Stop your calendar feed?"
        confirmText="Stop feed"
        busy={action.running === 'stop'}
        onConfirm={() => {
          void stop();
        }}
        onCancel={() => {
          setAsking(null);
        }}
      >
        <p>The address stops working at once, and your calendar will no longer show your Tandem dates.</p>
      </ConfirmDialog>
    </div>
  );
}
