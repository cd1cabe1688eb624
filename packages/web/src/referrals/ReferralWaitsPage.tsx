/**
 * The lead's view of referral waits (the Mental Health Lead and the headteacher): per service and
 * for the school, how many are open and seen, the median and 90th percentile wait, how many waited
 * past the standard, and how often and why services decline. No pupil is named.
 */
import { referralWaitsSchema, type ReferralWaits } from '@tandem/core';
import { apiGetFile } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { DownloadButton } from '../components/DownloadButton';
import { BackLink, Loading, PageTitle } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { schoolPage } from '../pupils/pupilsApi';
import { daysWords, mayViewWaits, referralWaitsApi, standardWords } from './referralsApi';
import { WaitsChart } from './WaitsChart';
import './referrals.css';

type Row = ReferralWaits['rows'][number];

const days = (n: number | null) => (n === null ? 'None yet' : daysWords(Math.round(n)));
const rate = (r: Row) =>
  r.declineRate === null
    ? 'None decided yet'
    : `${String(Math.round(r.declineRate * 100))}% (${String(r.declined)} of ${String(r.decided)})`;

function Reasons({ row }: { row: Row }) {
  if (row.commonDeclineReasons.length === 0) return <>None</>;
  return (
    <ul className="list waits-reasons">
      {row.commonDeclineReasons.map((c) => (
        <li key={c.reason}>
          {c.reason} ({String(c.count)})
        </li>
      ))}
    </ul>
  );
}

export function ReferralWaitsPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayViewWaits(school);
  const { resource, reload } = useResource(allowed ? referralWaitsApi(schoolId) : null, referralWaitsSchema);
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <div className="referral-waits">
      <BackLink to={schoolPage(school.id)}>Back to your home page</BackLink>
      <PageTitle caption={school.name}>Referral waits</PageTitle>
      {resource.status === 'loading' && <Loading what="Loading referral waits" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <Report schoolId={school.id} waits={resource.data} />}
    </div>
  );
}

function Report({ schoolId, waits }: { schoolId: string; waits: ReferralWaits }) {
  const rows: Row[] = [...waits.rows, waits.school];
  return (
    <>
      <p className="lead">
        Waits run from the day a referral was sent to the first appointment, or to today while the family still waits.
        The standard is {standardWords(waits.standardDays)}.
      </p>
      {waits.rows.length === 0 && (
        <p className="empty-state">
          No referrals sent yet. Referrals are made from a pupil’s record; their waits appear here once they are sent.
        </p>
      )}
      <h2 className="heading-m">By service, with the whole school last</h2>
      <div id="waits-table">
        <Table
          caption="Referral waits by service, with the whole school last"
          captionHidden
          rows={rows}
          rowKey={(r) => r.service ?? 'school'}
          columns={[
            {
              key: 'name',
              header: 'Service',
              label: 'Service',
              cell: (r) => (r.service === null ? <strong>{r.name}</strong> : r.name),
            },
            { key: 'open', header: 'Open', label: 'Open', numeric: true, cell: (r) => r.open },
            { key: 'seen', header: 'Seen', label: 'Seen', numeric: true, cell: (r) => r.seen },
            {
              key: 'median',
              header: 'Median wait',
              label: 'Median wait',
              numeric: true,
              cell: (r) => days(r.medianWaitDays),
            },
            {
              key: 'p90',
              header: '90th percentile wait',
              label: '90th percentile',
              numeric: true,
              cell: (r) => days(r.p90WaitDays),
            },
            {
              key: 'over',
              header: `Over ${standardWords(waits.standardDays)}`,
              label: `Over ${standardWords(waits.standardDays)}`,
              numeric: true,
              cell: (r) => r.overStandard,
            },
            { key: 'declined', header: 'Declined', label: 'Declined', numeric: true, cell: rate },
            {
              key: 'reasons',
              header: 'Most common reasons for declining',
              label: 'Reasons declined',
              cell: (r) => <Reasons row={r} />,
            },
          ]}
        />
      </div>
      <DownloadButton
        busyText="Making the file…"
        getFile={() => apiGetFile(`${referralWaitsApi(schoolId)}.csv`, 'referral-waits.csv')}
      >
        Download as a spreadsheet (CSV)
      </DownloadButton>
      <WaitsChart rows={waits.rows} standardDays={waits.standardDays} describedBy="waits-table" />
    </>
  );
}
