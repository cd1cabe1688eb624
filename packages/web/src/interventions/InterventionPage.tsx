/**
 * One intervention, for the case roles and its own staff: who is in it, who is waiting and in what
 * order, asking for a place, its sessions and who has finished. The server decides who sees names
 * and who may do what (canManage, canRecordSessions, canRequest).
 */
import { interventionDetailSchema } from '@tandem/core';
import { useState } from 'react';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { BackLink, FlashBanner, HelpNow, NotificationBanner, PageTitle, SummaryList, Tag } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useFlash } from '../router/router';
import {
  editInterventionPage,
  interventionApi,
  interventionsPage,
  placesWords,
  scheduleWords,
  staffWords,
  statusLabel,
  statusTone,
  type Detail,
  type SectionProps,
} from './interventionsApi';
import { FormOpener } from './FormOpener';
import { InPlaces, PastPlaces } from './InPlaces';
import { RequestPlaceForm } from './RequestPlaceForm';
import { Sessions } from './Sessions';
import { WaitingList } from './WaitingList';
import './interventions.css';

export function InterventionPage({ schoolId, interventionId }: { schoolId: string; interventionId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.readList');
  const flash = useFlash();
  const { resource, reload } = useResource(
    allowed ? interventionApi(schoolId, interventionId) : null,
    interventionDetailSchema,
  );
  const [done, setDone] = useState<{ title: string; text?: string; at: number } | null>(null);
  // The one form open on the page, so that no two forms are open at once.
  const [panel, setPanel] = useState<string | null>(null);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Intervention',
      caption: school.name,
      loading: 'Loading the intervention',
      back: { to: interventionsPage(school.id), text: 'Back to interventions' },
      onRetry: reload,
    });
  }

  const changed = (title: string, text?: string) => {
    setPanel(null);
    setDone(text === undefined ? { title, at: Date.now() } : { title, text, at: Date.now() });
    reload();
    window.scrollTo(0, 0);
  };
  const data = resource.data;
  const sessionsFirst = data.canRecordSessions && !data.canManage;
  const sessions = <Sessions school={school} data={data} onDone={changed} panel={panel} onPanel={setPanel} />;
  // A fragment, as resourceFallback's: the back link and heading stay as they were when it loads.
  return (
    <>
      <BackLink to={interventionsPage(school.id)}>Back to interventions</BackLink>
      {done !== null ? (
        <NotificationBanner key={done.at} kind="success" title={done.title}>
          {done.text !== undefined && <p>{done.text}</p>}
        </NotificationBanner>
      ) : (
        <FlashBanner flash={flash} />
      )}
      <Header school={school} data={data} />
      <InPlaces school={school} data={data} onDone={changed} panel={panel} onPanel={setPanel} />
      {/* Those who run it, but do not keep the list, come for its sessions: those come first for them. */}
      {sessionsFirst && sessions}
      <WaitingList school={school} data={data} onDone={changed} onStale={reload} panel={panel} onPanel={setPanel} />
      {data.canRequest && <AskForPlace school={school} data={data} onDone={changed} panel={panel} onPanel={setPanel} />}
      {!sessionsFirst && sessions}
      <PastPlaces school={school} data={data} />
      <HelpNow audience="staff" />
    </>
  );
}

function Header({ school, data }: { school: SessionSchool; data: Detail }) {
  const i = data.intervention;
  return (
    <>
      <PageTitle caption={school.name} title={i.name}>
        {i.name} <Tag tone={statusTone(i.status)}>{statusLabel(i.status)}</Tag>
      </PageTitle>
      {i.description !== '' && <p className="lead pre-line">{i.description}</p>}
      <SummaryList
        rows={[
          { key: 'places', label: 'Places', value: placesWords(i) },
          { key: 'waiting', label: 'Waiting', value: i.waitingCount === 0 ? 'No one' : String(i.waitingCount) },
          { key: 'how', label: 'How it runs', value: scheduleWords(i) },
          { key: 'staff', label: 'Run by', value: staffWords(i.staff) },
          { key: 'measure', label: 'Outcome measure', value: i.measureName ?? 'None' },
        ]}
      />
      {data.canManage && (
        <p className="intervention-actions">
          <Link to={editInterventionPage(school.id, i.id)} className="button button--secondary">
            Change<span className="visually-hidden"> {i.name}</span>
          </Link>
        </p>
      )}
    </>
  );
}

function AskForPlace({ school, data, onDone, panel, onPanel }: SectionProps) {
  return (
    <section aria-labelledby="ask-title" className="intervention-section">
      <h2 className="heading-l" id="ask-title">
        Ask for a place
      </h2>
      <FormOpener
        open={panel === 'ask'}
        onOpenChange={(o) => {
          onPanel(o ? 'ask' : null);
        }}
        buttonText="Ask for a place for a pupil"
        intro={<p>For a pupil who would benefit. They join the waiting list in the order stated above it.</p>}
      >
        {(close) => (
          <RequestPlaceForm
            schoolId={school.id}
            fixed={{ kind: 'intervention', id: data.intervention.id, name: data.intervention.name }}
            onDone={onDone}
            onCancel={close}
          />
        )}
      </FormOpener>
    </section>
  );
}
