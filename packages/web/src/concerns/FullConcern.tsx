/**
 * A concern read in full. For those who may work it, "what to do next" comes straight after the
 * status, before the long record, so the DSL or lead does not scroll past the account to act; then
 * the record as written and everything since.
 */
import { okResponse } from '@tandem/core';
import { useState } from 'react';
import { apiPost } from '../api/client';
import type { SessionSchool } from '../auth/session';
import { Button } from '../components/Form';
import { PageTitle, TagList } from '../components/Page';
import { useAction } from '../components/useAction';
import { ConcernActions } from './ConcernActions';
import { FromParentTag, OverdueTag, RestrictedTag, StatusTag, UrgentTag } from './ConcernBits';
import { Addenda, Corrections, Files, StatusTimeline } from './ConcernHistory';
import { ConcernRecord } from './ConcernRecord';
import { ConcernWork, type WorkPanel } from './ConcernWork';
import { concernApi, concernTitle, type ConcernChanged, type ConcernFull } from './concernsApi';

export function FullConcern({
  school,
  concern: c,
  onChanged,
}: {
  school: SessionSchool;
  concern: ConcernFull;
  onChanged: ConcernChanged;
}) {
  const [panel, setPanel] = useState<WorkPanel | null>(null);
  const action = useAction<'ack' | 'pupil-tells'>();

  const post = async (key: 'ack' | 'pupil-tells', path: string, title: string, text?: string) => {
    await action.runAs(key, async () => {
      await apiPost(`${concernApi(school.id, c.id)}${path}`, {}, okResponse);
      setPanel(null);
      onChanged(title, text);
    });
  };

  const finished = (title: string, text?: string) => {
    setPanel(null);
    onChanged(title, text);
  };

  return (
    <>
      <PageTitle caption={`Concern ${c.reference}`} title={`${concernTitle(c.pupils)} (${c.reference})`}>
        {concernTitle(c.pupils)}
      </PageTitle>
      <TagList label="Status">
        {c.urgent && (
          <li>
            <UrgentTag />
          </li>
        )}
        <li>
          <StatusTag status={c.status} />
        </li>
        {c.fromParent && (
          <li>
            <FromParentTag />
          </li>
        )}
        {c.restricted && (
          <li>
            <RestrictedTag />
          </li>
        )}
        {c.overdueActions > 0 && (
          <li>
            <OverdueTag count={c.overdueActions} />
          </li>
        )}
      </TagList>

      {action.problem !== null && (
        <div className="problem-box" role="alert">
          <p className="error-text">{action.problem}</p>
        </div>
      )}

      {c.canTriage && c.status === 'open' && (
        <div className="call-to-action">
          <p>
            <strong>Nobody has acknowledged this concern yet.</strong> Acknowledge it to let the team know you are
            dealing with it.
          </p>
          <Button
            busy={action.running === 'ack'}
            busyText="Acknowledging…"
            onClick={() => {
              void post(
                'ack',
                '/acknowledge',
                'Concern acknowledged',
                'The team can see that you are dealing with it.',
              );
            }}
          >
            Acknowledge
          </Button>
        </div>
      )}

      {c.canTriage && (
        <ConcernWork
          school={school}
          concern={c}
          panel={panel}
          onPanel={setPanel}
          onDone={finished}
          pupilWillTellBusy={action.running === 'pupil-tells'}
          onPupilWillTell={() => {
            void post(
              'pupil-tells',
              '/pupil-will-tell-parents',
              'The pupil will tell their parents first',
              'School waits 24 hours. Tandem will remind you when the time has passed.',
            );
          }}
        />
      )}

      <ConcernRecord school={school} concern={c} />

      <Addenda addenda={c.addenda} />
      <Corrections concern={c} />
      <ConcernActions school={school} concern={c} onChanged={onChanged} mayComplete={c.canTriage} />
      <Files school={school} concern={c} />
      <StatusTimeline concern={c} />
    </>
  );
}
