/** Which staff are given a plan, and whether each has confirmed reading its current version. */
import { KIND_SHAREABLE_WITH_STAFF, PLAN_READER_REASON_PHRASES } from '@tandem/core';
import { useSession, type SessionSchool } from '../auth/session';
import { formatDate } from '../components/dates';
import { countOf } from '../components/format';
import { Tag } from '../components/Page';
import { Table } from '../components/Table';
import { Link } from '../router/router';
import { mayWritePlans, planSharingPage, type CasePlan } from './plansApi';

/** The staff given a plan and who has read it; nothing for a kind never given to staff. */
export function PlanReaders({ school, data }: { school: SessionSchool; data: CasePlan }) {
  const { session } = useSession();
  const p = data.plan;
  if (!KIND_SHAREABLE_WITH_STAFF[p.kind]) return null;
  const readers = [...data.readers].sort((a, b) => {
    if ((a.confirmedAt === null) !== (b.confirmedAt === null)) return a.confirmedAt === null ? -1 : 1;
    return a.name.localeCompare(b.name, 'en-GB');
  });
  const confirmed = readers.filter((r) => r.confirmedAt !== null).length;
  const notYet = readers.length - confirmed;
  const isLead = session.user !== null && session.user.id === p.lead.id;
  return (
    <section aria-labelledby="readers-title">
      <h2 className="heading-l" id="readers-title">
        Staff given this plan
      </h2>
      {readers.length === 0 ? (
        <p>
          No staff have been given this plan yet.
          {mayWritePlans(school) && p.endedAt === null && (
            <>
              {' '}
              <Link to={planSharingPage(school.id, p.id)}>Choose who is given it</Link>.
            </>
          )}
        </p>
      ) : (
        <>
          <p className="count">
            {confirmed} of {countOf(readers.length, 'member', 'members')} of staff have confirmed reading version{' '}
            {p.version}
          </p>
          {isLead && notYet > 0 && (
            <p>
              You are the plan&rsquo;s lead. {countOf(notYet, 'person has', 'people have')} not confirmed reading this
              version yet: remind them in person if it matters today.
            </p>
          )}
          <Table
            caption={`Staff given the plan, and whether each has read version ${String(p.version)}`}
            captionHidden
            rows={readers}
            rowKey={(r) => r.id}
            columns={[
              { key: 'name', header: 'Name', label: 'Name', cell: (r) => r.name },
              {
                key: 'why',
                header: 'Given it because',
                label: 'Given it because',
                cell: (r) => PLAN_READER_REASON_PHRASES[r.why](p.pupilName),
              },
              {
                key: 'read',
                header: `Read version ${String(p.version)}`,
                label: `Read version ${String(p.version)}`,
                cell: (r) =>
                  r.confirmedAt === null ? (
                    <Tag tone="yellow">Not yet</Tag>
                  ) : (
                    <>
                      <Tag tone="green">Confirmed</Tag>{' '}
                      <time dateTime={r.confirmedAt}>{formatDate(r.confirmedAt)}</time>
                    </>
                  ),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
