/**
 * One action of the plan: what it is, whom it serves, who owns it and by when, how success will be
 * known, and every progress note. Its owner and the lead note progress; the lead changes it.
 * The owner opens it from their home page even when they do not read the rest of the plan.
 */
import { actionDetailSchema, FRAMEWORK_LABELS } from '@tandem/core';
import { useState } from 'react';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatDateTime, formatIsoDay } from '../components/dates';
import { BackLink, FlashBanner, NotificationBanner, PageTitle, SummaryList, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import { ActionTags } from './ActionBits';
import { actionApi, actionPlanPage, editActionPage, readsPlan, statusTone, statusWords } from './actionPlanApi';
import { ProgressForm } from './ProgressForm';
import './action-plan.css';

export function ActionPage({ schoolId, actionId }: { schoolId: string; actionId: string }) {
  const school = useSchool(schoolId);
  const flash = useFlash();
  const [saved, setSaved] = useState<number | null>(null);
  // Parents and pupils are members of the school too: this is a staff page.
  const staff = schoolCan(school, 'staff.wholeSchool');
  const { resource, reload } = useResource(staff ? actionApi(schoolId, actionId) : null, actionDetailSchema);
  if (school === undefined || !staff) return <NotFoundPage />;
  const back = readsPlan(school)
    ? { to: actionPlanPage(school.id), text: 'Back to the action plan' }
    : { to: `/schools/${encodeURIComponent(school.id)}`, text: 'Back to your home page' };
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Action',
      caption: school.name,
      loading: 'Loading the action',
      back,
      onRetry: reload,
    });
  }
  const { action: a, assessment, canNote, canEdit } = resource.data;
  return (
    <div className="action-plan action-page">
      <BackLink to={back.to}>{back.text}</BackLink>
      {saved !== null ? (
        <NotificationBanner key={saved} kind="success" title="Progress noted" />
      ) : (
        <FlashBanner flash={flash} />
      )}
      <PageTitle caption={`${school.name} · Action plan`}>{a.title}</PageTitle>
      <ActionTags action={a} />
      <SummaryList
        rows={[
          { key: 'area', label: 'Area', value: a.areaTitle },
          ...(a.statementText === null
            ? []
            : [{ key: 'statement', label: 'Answers the statement', value: a.statementText }]),
          { key: 'owner', label: 'Owner', value: a.owner.name },
          {
            key: 'due',
            label: 'Due',
            value: (
              <>
                <time dateTime={a.dueOn}>{formatIsoDay(a.dueOn)}</time>
                {a.overdue && (
                  <>
                    {' '}
                    <Tag tone="red">Overdue</Tag>
                  </>
                )}
              </>
            ),
          },
          {
            key: 'criteria',
            label: 'Success looks like',
            value: <span className="pre-line">{a.successCriteria}</span>,
          },
          {
            key: 'plan',
            label: 'Action plan',
            value: `${assessment.periodLabel} (${FRAMEWORK_LABELS[assessment.framework]})${a.carriedFrom === null ? '' : `, carried forward from ${a.carriedFrom}`}`,
          },
        ]}
      />
      {canEdit && (
        <p>
          <Link to={editActionPage(school.id, a.id)}>
            Change the action<span className="visually-hidden">: {a.title}</span>
          </Link>
        </p>
      )}
      <section className="action-section" aria-labelledby="notes-heading">
        <h2 className="heading-l" id="notes-heading">
          Progress
        </h2>
        {a.notes.length === 0 ? (
          <p className="empty-state">
            No progress noted yet.{canNote ? ' Note what has happened so far, even a small step.' : ''}
          </p>
        ) : (
          <ol className="progress-notes">
            {[...a.notes].reverse().map((n) => (
              <li key={n.id} className="progress-note">
                <p className="progress-note__meta">
                  <time dateTime={n.at}>{formatDateTime(n.at)}</time>, {n.byName}{' '}
                  <Tag tone={statusTone(n.status)}>{statusWords(n.status)}</Tag>
                </p>
                <p className="pre-line">{n.note}</p>
              </li>
            ))}
          </ol>
        )}
        {canNote && (
          <ProgressForm
            schoolId={school.id}
            action={a}
            onSaved={() => {
              setSaved(Date.now());
              reload();
            }}
          />
        )}
      </section>
    </div>
  );
}
