/**
 * How often each rule lists pupils in each group (SEND, pupil premium, looked after, ...) against
 * the whole school, so the lead notices a rule that singles out a group. Flagged groups are marked
 * in words, not colour alone.
 */
import { EARLY_FLAG_MIN_PUPILS, EARLY_FLAG_RATIO, earlyRatesResponse, type EarlyRateCell } from '@tandem/core';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { BackLink, Loading, PageTitle, Tag } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { earlyRatesApi, mayReview, percent, toReviewPage } from './earlyApi';
import './early.css';

export function EarlyRatesPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayReview(school);
  const { resource, reload } = useResource(allowed ? earlyRatesApi(schoolId) : null, earlyRatesResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <div className="early">
      <BackLink to={toReviewPage(school.id)}>Back to pupils to review</BackLink>
      <PageTitle caption={school.name}>How often each rule lists pupils, by group</PageTitle>
      <p className="lead">
        For each rule, how many pupils on roll it lists now in each group, against the whole school. A group is marked
        &ldquo;Check this rule&rdquo; when its rate is {EARLY_FLAG_RATIO} times the school&rsquo;s or more, with at
        least {EARLY_FLAG_MIN_PUPILS} pupils listed: the rule may be singling the group out.
      </p>
      {resource.status === 'loading' && <Loading what="Loading the figures" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        resource.data.rules.map((r) => (
          <section key={r.kind} aria-labelledby={`rates-${r.kind}`} className="early__rule">
            <h2 className="heading-m" id={`rates-${r.kind}`}>
              {r.label} {!r.enabled && <Tag>Off</Tag>}
            </h2>
            {!r.enabled ? (
              <p>This rule is switched off, so it lists nobody.</p>
            ) : r.groups[0]?.count === 0 ? (
              <p>This rule lists nobody at the moment, so there is nothing to compare.</p>
            ) : (
              <RateTable label={r.label} groups={r.groups} />
            )}
          </section>
        ))}
    </div>
  );
}

function RateTable({ label, groups }: { label: string; groups: readonly EarlyRateCell[] }) {
  return (
    <Table
      caption={`${label}: pupils listed by group`}
      captionHidden
      rows={groups}
      rowKey={(g) => g.group}
      columns={[
        { key: 'group', header: 'Group', label: 'Group', cell: (g) => g.label },
        { key: 'count', header: 'Listed', label: 'Listed', numeric: true, cell: (g) => g.count },
        { key: 'pupils', header: 'Pupils in group', label: 'Pupils in group', numeric: true, cell: (g) => g.pupils },
        { key: 'rate', header: 'Rate', label: 'Rate', numeric: true, cell: (g) => percent(g.rate) },
        {
          key: 'ratio',
          header: 'Against the school',
          label: 'Against the school',
          cell: (g) =>
            g.group === 'all' ? (
              'The whole school'
            ) : g.ratio === null ? (
              'No comparison'
            ) : (
              <>
                {`${String(Math.round(g.ratio * 10) / 10)} times`}{' '}
                {g.flagged && (
                  <span className="early__flag">
                    <Tag tone="yellow">Check this rule</Tag>
                  </span>
                )}
              </>
            ),
        },
      ]}
    />
  );
}
