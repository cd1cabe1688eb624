/**
 * One policy: its current version (file or link, approval, what changed, next review), the reader's
 * own confirmation, how many of the staff asked to read it have confirmed (and, for managers, who
 * has not), managers' changes, and every earlier version.
 */
import { POLICY_KIND_LABELS, POLICY_STATUS_LABELS, policyDetailResponse, type PolicyDetail } from '@tandem/core';
import { useState } from 'react';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { BackLink, FlashBanner, NotificationBanner, PageTitle, SummaryList, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { useFlash } from '../router/router';
import { PolicyHistory, VersionSource } from './PolicyHistory';
import { PolicyManage } from './PolicyManage';
import { ReadConfirm } from './ReadConfirm';
import { mayReadPolicies, policiesPage, policyApi, readersWords, readsWords, STATUS_TONES } from './policiesApi';
import './policies.css';

export function PolicyPage({ schoolId, policyId }: { schoolId: string; policyId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayReadPolicies(school);
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? policyApi(schoolId, policyId) : null, policyDetailResponse);
  const [done, setDone] = useState<{ title: string; text?: string; at: number } | null>(null);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Policy',
      caption: school.name,
      loading: 'Loading the policy',
      back: { to: policiesPage(school.id), text: 'Back to the policy register' },
      onRetry: reload,
    });
  }
  const changed = (title: string, text?: string) => {
    setDone(text === undefined ? { title, at: Date.now() } : { title, text, at: Date.now() });
    reload();
    window.scrollTo(0, 0);
  };
  const data = resource.data;
  const p = data.policy;
  return (
    <div className="policies">
      <BackLink to={policiesPage(school.id)}>Back to the policy register</BackLink>
      {done !== null ? (
        <NotificationBanner key={done.at} kind="success" title={done.title}>
          {done.text !== undefined && <p>{done.text}</p>}
        </NotificationBanner>
      ) : (
        <FlashBanner flash={flash} />
      )}
      <PageTitle caption={school.name}>{p.title}</PageTitle>
      <p>
        <Tag tone={STATUS_TONES[p.status]}>{POLICY_STATUS_LABELS[p.status]}</Tag>
      </p>
      <CurrentVersion schoolId={school.id} data={data} />
      <ReadConfirm schoolId={school.id} policy={p} onDone={changed} onStale={reload} />
      <Reads data={data} />
      {data.canManage && <PolicyManage schoolId={school.id} detail={data} onDone={changed} onStale={reload} />}
      <PolicyHistory schoolId={school.id} detail={data} />
    </div>
  );
}

function CurrentVersion({ schoolId, data }: { schoolId: string; data: PolicyDetail }) {
  const p = data.policy;
  const v = data.current;
  return (
    <section aria-labelledby="current-title">
      <h2 className="heading-m" id="current-title">
        Version {v.version}, in force
      </h2>
      <SummaryList
        rows={[
          { key: 'source', label: 'Read it', value: <VersionSource schoolId={schoolId} version={v} /> },
          { key: 'kind', label: 'Kind', value: POLICY_KIND_LABELS[p.kind] },
          { key: 'owner', label: 'Owner', value: p.owner.name },
          {
            key: 'approved',
            label: 'Approved',
            value: (
              <>
                <time dateTime={v.approvedOn}>{formatIsoDay(v.approvedOn)}</time> by {v.approvedBy}
              </>
            ),
          },
          {
            key: 'review',
            label: 'Next review',
            value: (
              <>
                <time dateTime={p.nextReviewOn}>{formatIsoDay(p.nextReviewOn)}</time>
                {v.reviewReason !== '' && <span className="secondary-text"> ({v.reviewReason})</span>}
              </>
            ),
          },
          ...(v.summary === ''
            ? []
            : [{ key: 'summary', label: 'What changed', value: <span className="pre-line">{v.summary}</span> }]),
          { key: 'readers', label: 'Who must read it', value: readersWords(p) },
        ]}
      />
    </section>
  );
}

function Reads({ data }: { data: PolicyDetail }) {
  const p = data.policy;
  if (p.reads === null) return null;
  return (
    <section aria-labelledby="reads-title">
      <h2 className="heading-m" id="reads-title">
        Read by staff
      </h2>
      <p>{readsWords(p)}.</p>
      {data.notRead !== null &&
        (data.notRead.length === 0 ? (
          <p>Everyone asked to read it has confirmed this version.</p>
        ) : (
          <details className="details">
            <summary className="details__summary">
              <span className="details__summary-text">Who has not confirmed yet ({data.notRead.length})</span>
            </summary>
            <div className="details__text">
              <ul className="list policies__columns">
                {data.notRead.map((s) => (
                  <li key={s.id}>{s.name}</li>
                ))}
              </ul>
            </div>
          </details>
        ))}
    </section>
  );
}
