/**
 * The policy register: every policy of the school with its status against its next review, its
 * owner, its current version and how many of the staff asked to read it have confirmed. At the top,
 * the policies this person is asked to read and has not yet confirmed. Managers add policies here.
 */
import {
  POLICY_KIND_LABELS,
  POLICY_STATUS_LABELS,
  POLICY_STATUSES,
  policyListResponse,
  type PolicyList,
  type PolicyStatus,
  type PolicySummary,
} from '@tandem/core';
import { withQuery } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { countOf } from '../components/format';
import { BackLink, FlashBanner, Loading, PageTitle, Panel, Tag } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash, useSearchParams } from '../router/router';
import {
  mayReadPolicies,
  newPolicyPage,
  policiesApi,
  policiesPage,
  policyPage,
  readsWords,
  STATUS_TONES,
  statusFrom,
  wholeSchoolPage,
} from './policiesApi';
import './policies.css';

export function PoliciesPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayReadPolicies(school);
  const flash = useFlash();
  const status = statusFrom(useSearchParams());
  const { resource, reload } = useResource(
    allowed ? withQuery(policiesApi(schoolId), { status: status === '' ? undefined : status }) : null,
    policyListResponse,
  );
  if (school === undefined || !allowed) return <NotFoundPage />;

  return (
    <div className="policies">
      <BackLink to={wholeSchoolPage(school.id)}>Back to whole school</BackLink>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Policy register</PageTitle>
      <p className="lead">
        The school&rsquo;s policies, who looks after each one and when it is next reviewed. Read the policies you are
        asked to, then confirm you have read them.
      </p>
      {resource.status === 'loading' && <Loading what="Loading the register" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <Register schoolId={school.id} data={resource.data} status={status} />}
    </div>
  );
}

function Register({ schoolId, data, status }: { schoolId: string; data: PolicyList; status: PolicyStatus | '' }) {
  const total = data.counts.in_date + data.counts.due_soon + data.counts.overdue;
  return (
    <>
      {status === '' && <ToRead schoolId={schoolId} policies={data.policies} />}
      {data.canManage && (
        <p>
          <Link to={newPolicyPage(schoolId)} className="button button--primary">
            Add a policy
          </Link>
        </p>
      )}
      {total === 0 ? (
        <div className="empty-state">
          <h2 className="heading-m">No policies in the register yet</h2>
          <p>
            {data.canManage
              ? 'Add the school’s policies, starting with safeguarding and mental health and wellbeing: give each its owner, its file or a link, and when it was approved.'
              : 'The Senior Mental Health Lead, the headteacher, the DSL or the school administrator adds the school’s policies. Until then, ask them for the policies you need.'}
          </p>
        </div>
      ) : (
        <>
          <StatusFilter schoolId={schoolId} counts={data.counts} status={status} total={total} />
          <PolicyTable schoolId={schoolId} policies={data.policies} status={status} />
        </>
      )}
    </>
  );
}

function ToRead({ schoolId, policies }: { schoolId: string; policies: readonly PolicySummary[] }) {
  const toRead = policies.filter((p) => p.requiredOfMe && !p.readByMe);
  const asked = policies.some((p) => p.requiredOfMe);
  if (!asked) return null;
  return (
    <Panel title="Policies to read">
      {toRead.length === 0 ? (
        <p>You have confirmed reading every policy you are asked to read. Thank you.</p>
      ) : (
        <>
          <p>
            You are asked to read {countOf(toRead.length, 'policy', 'policies')} and confirm it. Open each one, read it,
            then press &ldquo;I have read this version&rdquo;.
          </p>
          <ul className="list policies__to-read">
            {toRead.map((p) => (
              <li key={p.id}>
                <Link to={policyPage(schoolId, p.id)}>{p.title}</Link>{' '}
                <span className="secondary-text">version {p.version}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}

function StatusFilter({
  schoolId,
  counts,
  status,
  total,
}: {
  schoolId: string;
  counts: PolicyList['counts'];
  status: PolicyStatus | '';
  total: number;
}) {
  const items: { key: PolicyStatus | ''; label: string; n: number }[] = [
    { key: '', label: 'All policies', n: total },
    ...POLICY_STATUSES.map((s) => ({ key: s, label: POLICY_STATUS_LABELS[s], n: counts[s] })),
  ];
  return (
    <nav aria-label="Show policies by status" className="policies__filter">
      <ul>
        {items.map((i) => (
          <li key={i.key || 'all'}>
            <Link
              to={withQuery(policiesPage(schoolId), { status: i.key === '' ? undefined : i.key })}
              aria-current={status === i.key ? 'page' : undefined}
            >
              {i.label} ({i.n})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function PolicyTable({
  schoolId,
  policies,
  status,
}: {
  schoolId: string;
  policies: readonly PolicySummary[];
  status: PolicyStatus | '';
}) {
  if (policies.length === 0) {
    return (
      <div className="empty-state">
        <h2 className="heading-m">
          No policy is {status === '' ? 'listed' : POLICY_STATUS_LABELS[status].toLowerCase()}
        </h2>
        <p>
          <Link to={policiesPage(schoolId)}>See every policy</Link>.
        </p>
      </div>
    );
  }
  const heading =
    status === ''
      ? `${countOf(policies.length, 'policy', 'policies')}, the soonest review first`
      : `${countOf(policies.length, 'policy', 'policies')} ${POLICY_STATUS_LABELS[status].toLowerCase()}`;
  return (
    <section aria-labelledby="register-title">
      <h2 className="heading-m" id="register-title">
        {heading}
      </h2>
      <Table
        caption={heading}
        captionHidden
        rows={policies}
        rowKey={(p) => p.id}
        columns={[
          {
            key: 'title',
            header: 'Policy',
            label: 'Policy',
            cell: (p) => (
              <>
                <Link to={policyPage(schoolId, p.id)}>{p.title}</Link>
                {!p.title.toLowerCase().startsWith(POLICY_KIND_LABELS[p.kind].toLowerCase()) && (
                  <>
                    <br />
                    <span className="secondary-text">{POLICY_KIND_LABELS[p.kind]}</span>
                  </>
                )}
              </>
            ),
          },
          {
            key: 'review',
            header: 'Next review',
            label: 'Next review',
            cell: (p) => (
              <>
                <Tag tone={STATUS_TONES[p.status]}>{POLICY_STATUS_LABELS[p.status]}</Tag>{' '}
                <time dateTime={p.nextReviewOn} className="policies__nowrap">
                  {formatIsoDay(p.nextReviewOn)}
                </time>
              </>
            ),
          },
          { key: 'owner', header: 'Owner', label: 'Owner', cell: (p) => p.owner.name },
          {
            key: 'version',
            header: 'Version',
            label: 'Version',
            cell: (p) => (
              <>
                Version {p.version}
                <br />
                <span className="secondary-text">approved {formatIsoDay(p.approvedOn)}</span>
              </>
            ),
          },
          {
            key: 'reads',
            header: 'Read by staff',
            label: 'Read by staff',
            cell: (p) => (
              <>
                {readsWords(p)}
                {p.requiredOfMe && !p.readByMe && (
                  <>
                    {' '}
                    <Tag tone="blue">You have not confirmed it</Tag>
                  </>
                )}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
