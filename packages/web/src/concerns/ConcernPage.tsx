/**
 * One concern. Whoever may read it in full sees the record as it was written (never editable),
 * with additions, corrections, actions, files and what has happened; those who may work it get the
 * actions the server would allow (canTriage, canMoveToRestricted). The person who logged it, without
 * a case role, sees what they logged, or only that it went to the DSL. Anyone else: not found.
 */
import { concernViewResponse } from '@tandem/core';
import { useState } from 'react';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { BackLink, HelpNow, NotificationBanner } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { concernApi, concernsPage, mayReadQueue, myConcernsPage } from './concernsApi';
import { FullConcern } from './FullConcern';
import { LoggerConcern } from './LoggerConcern';

export function ConcernPage({ schoolId, concernId }: { schoolId: string; concernId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'concern.log');
  const { resource, reload } = useResource(allowed ? concernApi(schoolId, concernId) : null, concernViewResponse);
  const [done, setDone] = useState<{ title: string; text?: string; at: number } | null>(null);
  if (school === undefined || !allowed) return <NotFoundPage />;

  const back = mayReadQueue(school)
    ? { to: concernsPage(school.id), text: 'Back to concerns' }
    : { to: myConcernsPage(school.id), text: 'Back to your concerns' };

  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Concern',
      caption: school.name,
      loading: 'Loading the concern',
      back,
      onRetry: reload,
    });
  }

  const changed = (title: string, text?: string) => {
    setDone(text === undefined ? { title, at: Date.now() } : { title, text, at: Date.now() });
    reload();
    window.scrollTo(0, 0);
  };

  const view = resource.data;
  return (
    <>
      <BackLink to={back.to}>{back.text}</BackLink>
      {done !== null && (
        <NotificationBanner key={done.at} kind="success" title={done.title}>
          {done.text !== undefined && <p>{done.text}</p>}
        </NotificationBanner>
      )}
      {view.access === 'full' ? (
        <FullConcern school={school} concern={view.concern} onChanged={changed} />
      ) : (
        <LoggerConcern school={school} concern={view.concern} onChanged={changed} />
      )}
      {/* "Find the DSL" is for everyone else: the DSL team are the people it would send them to. */}
      {!schoolCan(school, 'safeguarding.read') && <HelpNow audience="staff" />}
    </>
  );
}
