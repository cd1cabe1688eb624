/** The chronology tab of a pupil's record: everything recorded that the reader may see, newest first. */
import { chronologyResponse } from '@tandem/core';
import { useState } from 'react';
import type { z } from 'zod';
import { apiGetFile } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, type SessionSchool } from '../auth/session';
import { DownloadButton } from '../components/DownloadButton';
import { Radios } from '../components/Form';
import { formatDateTime } from '../components/dates';
import { countOf } from '../components/format';
import { Loading, Tag } from '../components/Page';
import { concernPage } from '../concerns/concernsApi';
import { LoadError } from '../errors/ErrorPages';
import { meetingPage } from '../meetings/meetingsApi';
import { planPage } from '../plans/plansApi';
import { Link } from '../router/router';
import { pupilApi } from './pupilsApi';

type ChronologyEntry = z.infer<typeof chronologyResponse>['entries'][number];

export function Chronology({ school, pupilId }: { school: SessionSchool; pupilId: string }) {
  const { resource, reload } = useResource(`${pupilApi(school.id, pupilId)}/chronology`, chronologyResponse);
  if (resource.status === 'loading') return <Loading what="Loading the chronology" />;
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={reload} />;
  const entries = resource.data.entries;
  if (entries.length === 0) return <p>Nothing has been recorded yet.</p>;
  return (
    <>
      <p>
        Everything recorded about this pupil that you may see, newest first.{' '}
        {countOf(entries.length, 'entry', 'entries')}.
      </p>
      <ChronologyPdf school={school} pupilId={pupilId} />
      <ol className="timeline" aria-label="Chronology, newest first">
        {entries.map((e: ChronologyEntry) => (
          <li key={e.id} className="timeline__item">
            <h3 className="timeline__title">
              {e.title}
              {e.urgent === true && (
                <>
                  {' '}
                  <Tag tone="red">Urgent</Tag>
                </>
              )}
              {e.restricted === true && (
                <>
                  {' '}
                  <Tag tone="grey">Safeguarding record: DSL team only</Tag>
                </>
              )}
            </h3>
            <p className="timeline__meta">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              {e.byName !== null && `, by ${e.byName}`}
            </p>
            {e.detail !== null && <p className="pre-line">{e.detail}</p>}
            {e.concernId !== undefined && (
              <p>
                <Link to={concernPage(school.id, e.concernId)}>
                  Open the concern{e.reference !== undefined && ` ${e.reference}`}
                  <span className="visually-hidden">
                    {' '}
                    ({e.title}, {formatDateTime(e.at)})
                  </span>
                </Link>
              </p>
            )}
            {e.planId !== undefined && (
              <p>
                <Link to={planPage(school.id, e.planId)}>
                  Open the plan
                  <span className="visually-hidden">
                    {' '}
                    ({e.title}, {formatDateTime(e.at)})
                  </span>
                </Link>
              </p>
            )}
            {e.meetingId !== undefined && (
              <p>
                <Link to={meetingPage(school.id, e.meetingId)}>
                  Open the meeting
                  <span className="visually-hidden">
                    {' '}
                    ({e.title}, {formatDateTime(e.at)})
                  </span>
                </Link>
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The chronology as a confidential PDF, filtered as on screen (the server audits each export). */
function ChronologyPdf({ school, pupilId }: { school: SessionSchool; pupilId: string }) {
  // Newest first as on screen; oldest first is how local authorities and courts read a chronology.
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  if (!schoolCan(school, 'pupil.readCase')) return null;
  return (
    <>
      <Radios
        name="chronologyOrder"
        legend="Order of the PDF"
        inline
        options={[
          { value: 'newest', label: 'Newest first' },
          { value: 'oldest', label: 'Oldest first (for a local authority or court)' },
        ]}
        value={order}
        onValueChange={(v) => {
          setOrder(v === 'oldest' ? 'oldest' : 'newest');
        }}
      />
      <DownloadButton
        busyText="Preparing the PDF…"
        getFile={() => apiGetFile(`${pupilApi(school.id, pupilId)}/chronology.pdf?order=${order}`, 'chronology.pdf')}
      >
        Print or save as PDF<span className="visually-hidden">: the chronology, {order} first</span>
      </DownloadButton>
    </>
  );
}
