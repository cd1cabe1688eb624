import { formatDfeNumber, type School } from '@tandem/core';
import { formatDate } from '../components/dates';
import { countOf } from '../components/format';
import { Table } from '../components/Table';
import { trustCan, useSession } from '../auth/session';
import { Link } from '../router/router';

/** The trust's schools. A name links to the school only for people who have a role there. */
export function SchoolsTable({ schools }: { schools: readonly School[] }) {
  const { session } = useSession();
  const mine = new Set(session.schools.map((s) => s.id));
  // A trust administrator keeps each school's single sign-on (sso/ssoSchool.ts).
  const keepsSso = session.trusts.some((t) => trustCan(t, 'trust.manageSchools'));
  const sorted = [...schools].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return (
    <>
      <p className="count">{countOf(schools.length, 'school')}</p>
      <Table
        caption="Schools in the trust"
        captionHidden
        rows={sorted}
        rowKey={(s) => s.id}
        columns={[
          {
            key: 'name',
            header: 'School',
            label: 'School',
            cell: (s) => (mine.has(s.id) ? <Link to={`/schools/${encodeURIComponent(s.id)}`}>{s.name}</Link> : s.name),
          },
          {
            key: 'urn',
            header: 'URN',
            label: 'URN',
            cell: (s) => s.urn ?? <span className="secondary-text">Not given</span>,
          },
          {
            key: 'dfeNumber',
            header: 'DfE number',
            label: 'DfE number',
            cell: (s) =>
              s.dfeNumber === null ? <span className="secondary-text">Not given</span> : formatDfeNumber(s.dfeNumber),
          },
          { key: 'added', header: 'Added', label: 'Added', cell: (s) => formatDate(s.createdAt) },
          ...(keepsSso
            ? [
                {
                  key: 'sso',
                  header: 'Sign-in',
                  label: 'Sign-in',
                  cell: (s: School) => (
                    <Link to={`/schools/${encodeURIComponent(s.id)}/single-sign-on`}>
                      Single sign-on<span className="visually-hidden"> for {s.name}</span>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
