/**
 * A concern as the person who logged it sees it, without a case role: what they logged, or only
 * that it went to the DSL; they may add to it, and attach files for a day.
 */
import { CONCERN_ROUTE_LABELS } from '@tandem/core';
import { useState } from 'react';
import type { SessionSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { PageTitle, SummaryList, Tag, TagList } from '../components/Page';
import { WorkItem } from '../components/WorkItem';
import { schoolPage } from '../pupils/pupilsApi';
import { Link } from '../router/router';
import { StatusTag } from './ConcernBits';
import { When } from './ConcernRecord';
import { concernTitle, myConcernsPage, type ConcernChanged, type ConcernLoggerView } from './concernsApi';
import { AddAddendumForm, AttachFilesForm } from './WorkForms';

export function LoggerConcern({
  school,
  concern: c,
  onChanged,
}: {
  school: SessionSchool;
  concern: ConcernLoggerView;
  onChanged: ConcernChanged;
}) {
  const [panel, setPanel] = useState<'addendum' | 'files' | null>(null);
  // Loggers may attach files for 24 hours; judged when the page opens.
  const [openedAt] = useState(() => Date.now());
  const withinDay = openedAt - Date.parse(c.loggedAt) < 24 * 3_600_000;
  return (
    <>
      <PageTitle caption={`Concern ${c.reference}`} title={`${concernTitle(c.pupils)} (${c.reference})`}>
        {concernTitle(c.pupils)}
      </PageTitle>
      {c.sentToDsl && c.account === null ? (
        <>
          <TagList label="Status">
            <li>
              <Tag tone="grey">Sent to the DSL</Tag>
            </li>
          </TagList>
          <p>
            You logged this on {formatDateTime(c.loggedAt)}. It was sent to the Designated Safeguarding Lead (DSL) team.
          </p>
          <p>
            To keep the pupil safe, what happens next is kept by the DSL team only. If you have anything to add, or are
            still worried, tell the DSL in person.
          </p>
        </>
      ) : (
        <>
          {c.status !== null && (
            <TagList label="Status">
              <li>
                <StatusTag status={c.status} />
              </li>
              {c.sentToDsl && (
                <li>
                  <Tag tone="grey">Sent to the DSL</Tag>
                </li>
              )}
            </TagList>
          )}
          <SummaryList
            rows={[
              {
                key: 'pupils',
                label: c.pupils.length === 1 ? 'Pupil' : 'Pupils',
                value: c.pupils.map((p) => p.name).join(', '),
              },
              { key: 'logged', label: 'You logged it', value: <When at={c.loggedAt} /> },
              {
                key: 'to',
                label: 'Sent to',
                value: CONCERN_ROUTE_LABELS[c.sentToDsl ? 'dsl' : 'mental_health_lead'],
              },
            ]}
          />
          <h2 className="heading-m">What you saw or heard</h2>
          <div className="record-text pre-line">{c.account}</div>
          <p className="hint">
            What you wrote cannot be changed. If you have more to say, add it below: the Mental Health Lead will see it.
          </p>
          <ul className="work__list">
            <WorkItem
              label="Add to what you logged"
              hint="Something you have noticed or learned since."
              open={panel === 'addendum'}
              onToggle={() => {
                setPanel(panel === 'addendum' ? null : 'addendum');
              }}
            >
              <AddAddendumForm
                school={school}
                concernId={c.id}
                onDone={(title, text) => {
                  setPanel(null);
                  onChanged(title, text);
                }}
                onCancel={() => {
                  setPanel(null);
                }}
              />
            </WorkItem>
          </ul>
        </>
      )}
      {withinDay && (
        <ul className="work__list">
          <WorkItem
            label="Attach photos or documents"
            hint="You can add files for 24 hours after logging a concern."
            open={panel === 'files'}
            onToggle={() => {
              setPanel(panel === 'files' ? null : 'files');
            }}
          >
            <AttachFilesForm
              school={school}
              concernId={c.id}
              onDone={(title, text) => {
                setPanel(null);
                onChanged(title, text);
              }}
              onCancel={() => {
                setPanel(null);
              }}
            />
          </WorkItem>
        </ul>
      )}
      <ul className="link-list">
        <li>
          <Link to={myConcernsPage(school.id)}>See all the concerns you have logged</Link>
        </li>
        <li>
          <Link to={schoolPage(school.id)}>Go to your home page</Link>
        </li>
      </ul>
    </>
  );
}
