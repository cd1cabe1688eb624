/** What I have logged, and where each went. For a concern sent to the DSL, only that. */
import { myConcernsResponse } from '@tandem/core';
import type { z } from 'zod';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatDateTime, formatRelative } from '../components/dates';
import { countOf } from '../components/format';
import { FlashBanner, Loading, PageTitle, Tag } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import { StatusTag } from './ConcernBits';
import { concernPage, concernsApi, logConcernPage } from './concernsApi';

type Mine = z.infer<typeof myConcernsResponse>['concerns'][number];

export function MyConcernsPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'concern.log');
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? `${concernsApi(schoolId)}/mine` : null, myConcernsResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Your concerns</PageTitle>
      <p className="lead">The concerns you have logged, and where each one went.</p>
      <p>
        <Link to={logConcernPage(school.id)} className="button button--primary">
          Log a concern
        </Link>
      </p>
      {resource.status === 'loading' && <Loading what="Loading your concerns" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.concerns.length === 0 ? (
          <div className="empty-state">
            <p>You have not logged any concerns at {school.name}.</p>
            <p>
              If you are worried about a pupil, log a concern: it goes to the Mental Health Lead, or straight to the DSL
              if the pupil may be at risk.
            </p>
          </div>
        ) : (
          <>
            <p className="count">
              {countOf(resource.data.concerns.length, 'concern')}
              {resource.data.concerns.length >= 50 && <span className="secondary-text">: the 50 most recent</span>}
            </p>
            <Table
              caption="Concerns you have logged, newest first"
              captionHidden
              rows={resource.data.concerns}
              rowKey={(c: Mine) => c.id}
              columns={[
                {
                  key: 'concern',
                  header: 'Concern',
                  label: 'Concern',
                  cell: (c: Mine) => (
                    <>
                      <Link to={concernPage(school.id, c.id)}>
                        {c.pupils.map((p) => p.name).join(', ') || 'No pupil'}
                        <span className="visually-hidden">, concern {c.reference}</span>
                      </Link>
                      <span className="block secondary-text">{c.reference}</span>
                    </>
                  ),
                },
                {
                  key: 'logged',
                  header: 'Logged',
                  label: 'Logged',
                  cell: (c: Mine) => (
                    <>
                      <time dateTime={c.loggedAt}>{formatRelative(c.loggedAt)}</time>
                      <span className="block secondary-text">{formatDateTime(c.loggedAt)}</span>
                    </>
                  ),
                },
                {
                  key: 'where',
                  header: 'Where it went',
                  label: 'Where it went',
                  cell: (c: Mine) =>
                    c.sentToDsl ? <Tag tone="grey">Sent to the DSL</Tag> : 'Mental Health Lead and SENDCO',
                },
                {
                  key: 'status',
                  header: 'Status',
                  label: 'Status',
                  cell: (c: Mine) =>
                    c.status === null ? (
                      <span className="secondary-text">Kept by the DSL team</span>
                    ) : (
                      <StatusTag status={c.status} />
                    ),
                },
              ]}
            />
          </>
        ))}
    </>
  );
}
