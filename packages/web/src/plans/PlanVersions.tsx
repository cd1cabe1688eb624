/** Every version of a plan, newest first: when, by whom and why it changed, with a link to each. */
import { type SessionSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { Table } from '../components/Table';
import { Link } from '../router/router';
import { planVersionPage, type CasePlan } from './plansApi';

/** The version history of a plan's page. */
export function PlanVersions({ school, data }: { school: SessionSchool; data: CasePlan }) {
  const p = data.plan;
  const versions = [...data.versions].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="versions-title">
      <h2 className="heading-l" id="versions-title">
        Version history
      </h2>
      <Table
        caption="Versions of the plan, newest first"
        captionHidden
        rows={versions}
        rowKey={(v) => String(v.version)}
        columns={[
          {
            key: 'version',
            header: 'Version',
            label: 'Version',
            cell: (v) => `Version ${String(v.version)}`,
            nowrap: true,
          },
          {
            key: 'saved',
            header: 'Saved',
            label: 'Saved',
            cell: (v) => (
              <>
                <time dateTime={v.createdAt}>{formatDateTime(v.createdAt)}</time>
                <span className="block secondary-text">by {v.createdByName}</span>
              </>
            ),
          },
          {
            key: 'reason',
            header: 'Why it changed',
            label: 'Why it changed',
            cell: (v) =>
              v.reason === null || v.reason === '' ? (
                <span className="secondary-text">First version</span>
              ) : (
                <span className="pre-line">{v.reason}</span>
              ),
          },
          {
            key: 'open',
            header: <span className="visually-hidden">Open</span>,
            label: 'Open',
            cell: (v) =>
              v.version === p.version ? (
                <span className="secondary-text">Shown above</span>
              ) : (
                <Link to={planVersionPage(school.id, p.id, v.version)}>
                  View<span className="visually-hidden"> version {v.version}</span>
                </Link>
              ),
          },
        ]}
      />
    </section>
  );
}
