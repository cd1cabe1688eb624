/**
 * The missing list (DSL team, SMHL, head): absences to deal with first, then every pupil on the
 * list with why and their mark at the latest register, then the pupils absent without explanation
 * for ten school days or more, for the local authority's children missing education process.
 */
import { missingListResponse, type MissingListResponse } from '@tandem/core';
import { apiGetFile } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { formatIsoDay } from '../components/dates';
import { DownloadButton } from '../components/DownloadButton';
import { FlashBanner, InsetText, Loading, PageTitle } from '../components/Page';
import { Table } from '../components/Table';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { pupilPage } from '../pupils/pupilsApi';
import { Link, useFlash } from '../router/router';
import { MissingAlerts } from './MissingAlerts';
import { attendanceImportPage, codeWords, missingApi, missingChangePage, sessionWords, whyWords } from './missingApi';

export function MissingListPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'missing.view');
  const flash = useFlash();
  const { resource, reload } = useResource(allowed ? missingApi(schoolId) : null, missingListResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  return (
    <>
      <FlashBanner flash={flash} />
      <PageTitle caption={school.name}>Missing list</PageTitle>
      <p className="lead">
        Pupils whose absence must be followed up at once. Every pupil at MH4 or above is on it; the DSL adds or takes
        off a pupil with the reason.
      </p>
      {resource.status === 'loading' && <Loading what="Loading the missing list" />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && <MissingList schoolId={school.id} data={resource.data} onChanged={reload} />}
    </>
  );
}

function MissingList({
  schoolId,
  data,
  onChanged,
}: {
  schoolId: string;
  data: MissingListResponse;
  onChanged: () => void;
}) {
  return (
    <>
      <p>
        {data.latestSession === null ? (
          <>
            No registers have been imported yet. Absences are checked as soon as the attendance officer imports the
            session marks from the MIS (<Link to={attendanceImportPage(schoolId)}>Attendance import</Link>).
          </>
        ) : (
          <>Latest register in: {sessionWords(data.latestSession.on, data.latestSession.session)}.</>
        )}
      </p>
      <MissingAlerts schoolId={schoolId} alerts={data.alerts} mayManage={data.mayManage} onChanged={onChanged} />

      <h2 className="heading-l">On the missing list</h2>
      {data.pupils.length === 0 ? (
        <div className="empty-state">
          <p>
            No pupil is on the missing list. A pupil at MH4 or above joins it automatically; the DSL can add any pupil
            from their record (Attendance and provision).
          </p>
        </div>
      ) : (
        <Table
          caption={`${String(data.pupils.length)} ${data.pupils.length === 1 ? 'pupil' : 'pupils'} on the missing list`}
          rowKey={(p) => p.pupilId}
          rows={data.pupils}
          columns={[
            {
              key: 'pupil',
              header: 'Pupil',
              label: 'Pupil',
              cell: (p) => <Link to={`${pupilPage(schoolId, p.pupilId)}?tab=attendance`}>{p.name}</Link>,
            },
            {
              key: 'year',
              header: 'Year and form',
              label: 'Year and form',
              nowrap: true,
              cell: (p) => `Year ${String(p.yearGroup)}${p.form === null ? '' : `, ${p.form}`}`,
            },
            { key: 'why', header: 'Why', label: 'Why', cell: (p) => whyWords(p.why) },
            {
              key: 'mark',
              header: 'Latest register',
              label: 'Latest register',
              cell: (p) => (p.latestMark === null ? 'No mark' : codeWords(p.latestMark)),
            },
            ...(data.mayManage
              ? [
                  {
                    key: 'change',
                    header: <span className="visually-hidden">Change</span>,
                    label: 'Change',
                    cell: (p: MissingListResponse['pupils'][number]) => (
                      <Link to={missingChangePage(schoolId, p.pupilId, 'remove')}>
                        Take off<span className="visually-hidden"> {p.name}</span>
                      </Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <p className="secondary-text">To add a pupil, open their record and choose Attendance and provision.</p>

      <h2 className="heading-l">Absent without explanation for ten school days</h2>
      <InsetText>
        Pupils absent without a reason for ten or more school days in a row. Tell the local authority&rsquo;s children
        missing education team, as your attendance policy says.
      </InsetText>
      {data.missingEducation.length === 0 ? (
        <div className="empty-state">
          <p>No pupil has been absent without explanation for ten school days in a row.</p>
        </div>
      ) : (
        <>
          <Table
            caption="Pupils absent without explanation for ten school days or more"
            captionHidden
            rowKey={(p) => p.pupilId}
            rows={data.missingEducation}
            columns={[
              {
                key: 'pupil',
                header: 'Pupil',
                label: 'Pupil',
                cell: (p) => <Link to={`${pupilPage(schoolId, p.pupilId)}?tab=attendance`}>{p.name}</Link>,
              },
              {
                key: 'year',
                header: 'Year and form',
                label: 'Year and form',
                nowrap: true,
                cell: (p) => `Year ${String(p.yearGroup)}${p.form === null ? '' : `, ${p.form}`}`,
              },
              { key: 'days', header: 'School days', label: 'School days', numeric: true, cell: (p) => p.days },
              { key: 'since', header: 'Since', label: 'Since', cell: (p) => formatIsoDay(p.since) },
            ]}
          />
          <DownloadButton
            busyText="Preparing the file…"
            getFile={() =>
              apiGetFile(`${missingApi(schoolId)}/missing-education.csv`, 'children-missing-education.csv')
            }
          >
            Download the list (CSV)
          </DownloadButton>
        </>
      )}
    </>
  );
}
