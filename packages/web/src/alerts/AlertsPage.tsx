/**
 * A person's alerts in a school, newest first. An alert never names a pupil: it says there is
 * something to look at, and links to it when the reader may open it.
 */
import { ALERT_URGENT_KINDS, alertListResponse, markAllReadResponse, type Alert } from '@tandem/core';
import { useEffect } from 'react';
import { z } from 'zod';
import { apiPost, withQuery } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatDateTime, formatRelative } from '../components/dates';
import { countOf } from '../components/format';
import { Button } from '../components/Form';
import { useAction } from '../components/useAction';
import { Loading, PageTitle, Tag } from '../components/Page';
import { UrgentTag } from '../concerns/ConcernBits';
import { alertsApi, alertWords } from '../concerns/concernsApi';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useLocation, useNavigate, useSearchParams } from '../router/router';
import { alertTarget } from './alertTargets';
import { useAlerts, useReloadOnAlerts } from './AlertsProvider';

const okResponse = z.object({ ok: z.literal(true) });

export function AlertsPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = school?.permissions.includes('concern.log') ?? false;
  const params = useSearchParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const before = params.get('before');
  const { setUnread, dismissNotice } = useAlerts();
  // Here, the notice of a new urgent alert has done its job.
  useEffect(() => {
    dismissNotice();
  }, [dismissNotice]);
  const { resource, reload } = useResource(
    allowed ? withQuery(alertsApi(schoolId), { before: before ?? undefined, limit: 25 }) : null,
    alertListResponse,
  );
  useReloadOnAlerts(reload);
  // Keyed by 'all' (mark all as read) or the id of the alert being opened.
  const action = useAction<string>();
  if (school === undefined || !allowed) return <NotFoundPage />;

  const markAll = async () => {
    await action.runAs('all', async () => {
      await apiPost(`${alertsApi(school.id)}/read-all`, {}, markAllReadResponse);
      setUnread(school.id, 0);
      reload();
    });
  };

  /** Where an alert leads: its concern, or the page listing what needs doing. */
  const targetOf = (alert: Alert): string | null => alertTarget(alert, school.id)?.to ?? null;

  /** Opening an alert marks it read, then goes to what it is about. */
  const open = async (alert: Alert) => {
    const target = targetOf(alert);
    if (target === null) return;
    await action.runAs(
      alert.id,
      async () => {
        if (alert.readAt === null) {
          await apiPost(`${alertsApi(school.id)}/${encodeURIComponent(alert.id)}/read`, {}, okResponse).catch(
            () => undefined,
          );
        }
        navigate(target);
      },
      { stayBusy: true },
    );
  };

  return (
    <>
      <PageTitle caption={school.name}>Alerts</PageTitle>
      <p className="lead">
        What needs you: concerns, absences, reviews and reminders. For privacy, alerts never say which pupil they are
        about.
      </p>
      {action.problem !== null && (
        <p className="error-text" role="alert">
          {action.problem}
        </p>
      )}
      {resource.status === 'loading' && <Loading what="Loading your alerts" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          <p className="count" role="status">
            {resource.data.unread === 0 ? 'No unread alerts' : countOf(resource.data.unread, 'unread alert')}
          </p>
          {resource.data.unread > 0 && (
            <Button
              variant="secondary"
              busy={action.running === 'all'}
              busyText="Marking…"
              onClick={() => {
                void markAll();
              }}
            >
              Mark all as read
            </Button>
          )}
          {resource.data.alerts.length === 0 ? (
            <div className="empty-state">
              <p>You have no alerts. When a concern needs you, an alert appears here and in the header.</p>
            </div>
          ) : (
            <ul className="alert-list" aria-label="Alerts, newest first">
              {resource.data.alerts.map((a) => {
                const urgent = ALERT_URGENT_KINDS.has(a.kind);
                return (
                  <li
                    key={a.id}
                    className={a.readAt === null ? 'alert-list__item alert-list__item--unread' : 'alert-list__item'}
                  >
                    <p className="alert-list__tags">
                      {urgent && <UrgentTag />}{' '}
                      {a.readAt === null ? <Tag tone="blue">Unread</Tag> : <Tag tone="grey">Read</Tag>}
                    </p>
                    <p className="alert-list__message">{alertWords(a.message)}</p>
                    <p className="alert-list__meta">
                      <time dateTime={a.createdAt}>{formatRelative(a.createdAt)}</time>
                      <span className="secondary-text"> ({formatDateTime(a.createdAt)})</span>
                    </p>
                    {alertTarget(a, school.id) === null ? (
                      <p className="secondary-text">This concern is now kept by the DSL team only.</p>
                    ) : (
                      <Link
                        to={alertTarget(a, school.id)?.to ?? ''}
                        className="alert-list__open"
                        onClick={(e) => {
                          e.preventDefault();
                          void open(a);
                        }}
                      >
                        {alertTarget(a, school.id)?.label}
                        <span className="visually-hidden"> from {formatDateTime(a.createdAt)}</span>
                      </Link>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <nav className="pager" aria-label="More alerts">
            <ul className="pager__list">
              {before !== null && (
                <li>
                  <Link to={pathname}>Back to the newest</Link>
                </li>
              )}
              {resource.data.nextBefore !== null && (
                <li>
                  <Link to={withQuery(pathname, { before: resource.data.nextBefore })}>Older alerts</Link>
                </li>
              )}
            </ul>
          </nav>
        </>
      )}
    </>
  );
}
