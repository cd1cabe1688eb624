/**
 * A file received from a pupil's last school, item by item as that school's Tandem wrote it: the
 * child-protection file for the DSL team only, the wellbeing file for case roles. Opening it is audited.
 */
import { receivedFileResponse, TRANSFER_FILE_LABELS } from '@tandem/core';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { formatDate } from '../components/dates';
import { BackLink, PageTitle, SummaryList } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { transfersPage } from './transfersApi';
import { pupilPage, schoolApi } from '../pupils/pupilsApi';
import { Link } from '../router/router';
import { enc } from '../api/client';

export function ReceivedFilePage({ schoolId, receivedId }: { schoolId: string; receivedId: string }) {
  const school = useSchool(schoolId);
  const { resource, reload } = useResource(
    school ? `${schoolApi(schoolId)}/received-files/${enc(receivedId)}` : null,
    receivedFileResponse,
  );
  if (school === undefined) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'File received',
      caption: school.name,
      loading: 'Loading the file',
      onRetry: reload,
    });
  }
  const f = resource.data;
  const what = TRANSFER_FILE_LABELS[f.file].toLowerCase();
  return (
    <div className="transfers">
      <BackLink to={transfersPage(schoolId)}>Back to transfers</BackLink>
      <PageTitle caption={school.name}>{`${f.pupil.name}: ${what} from ${f.fromSchoolName}`}</PageTitle>
      <SummaryList
        rows={[
          { key: 'pupil', label: 'Pupil', value: <Link to={pupilPage(schoolId, f.pupil.id)}>{f.pupil.name}</Link> },
          {
            key: 'from',
            label: 'From',
            value: `${f.fromSchoolName}${f.fromSchoolUrn ? ` (URN ${f.fromSchoolUrn})` : ''}`,
          },
          { key: 'imported', label: 'Imported', value: formatDate(f.importedAt) },
          { key: 'items', label: 'Items', value: String(f.items.length) },
        ]}
      />
      {f.items.length === 0 ? (
        <p>The last school&rsquo;s file held no items.</p>
      ) : (
        <>
          <h2 className="heading-m">What the last school recorded, oldest first</h2>
          <ol className="timeline">
            {f.items.map((item) => (
              <li key={`${item.kind}-${item.id}`} className="timeline__item">
                <h3 className="timeline__title">{item.title}</h3>
                <p className="timeline__meta">{formatDate(item.at)}</p>
                {item.body.split('\n').map((line, i) => (
                  <p key={i}>{line}</p>
                ))}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
