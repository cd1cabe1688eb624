/**
 * One concern. Whoever may read it in full sees the record as it was written (never editable),
 * with additions, corrections, actions, files and what has happened; those who may work it get the
 * actions the server would allow (canTriage, canMoveToRestricted). The person who logged it, without
 * a case role, sees what they logged, or only that it went to the DSL. Anyone else: not found.
 */
import {
  concernViewResponse,
  parentsMayBeInformed,
  pupilMayTellParentsFirst,
  WARNING_SIGNS,
  type ConcernDetail,
} from '@tandem/core';
import { useState } from 'react';
import { z } from 'zod';
import { apiPost, toApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime, formatIsoDay, formatRelative } from '../components/dates';
import { Button } from '../components/Form';
import { BackLink, HelpNow, NotificationBanner, PageTitle, SummaryList, Tag, TagList } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { WorkItem } from '../components/WorkItem';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link } from '../router/router';
import { pupilPage, schoolPage } from '../pupils/pupilsApi';
import { OverdueTag, parentsWords, RestrictedTag, StatusTag, UrgentTag } from './ConcernBits';
import {
  concernApi,
  concernsPage,
  concernTitle,
  CONSENT_LABELS,
  mayReadQueue,
  myConcernsPage,
  OUTCOME_LABELS,
  toldHowWords,
  warningSignLabel,
} from './concernsApi';
import { fileSize } from './files';
import {
  AddActionForm,
  AddAddendumForm,
  AttachFilesForm,
  CloseForm,
  CorrectionForm,
  EscalateForm,
  ParentsToldForm,
  RestrictForm,
} from './WorkForms';

type Full = Extract<z.infer<typeof concernViewResponse>, { access: 'full' }>['concern'];
type LoggerView = Extract<z.infer<typeof concernViewResponse>, { access: 'logger' }>['concern'];

const okResponse = z.object({ ok: z.literal(true) });

export function ConcernPage({ schoolId, concernId }: { schoolId: string; concernId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'concern.log');
  const { resource, reload } = useResource(allowed ? concernApi(schoolId, concernId) : null, concernViewResponse);
  const [done, setDone] = useState<{ title: string; text?: string; at: number } | null>(null);
  if (school === undefined || !allowed) return <NotFoundPage />;

  const back = mayReadQueue(school)
    ? { to: concernsPage(school.id), text: 'Back to concerns' }
    : { to: myConcernsPage(school.id), text: 'Back to your concerns' };

  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Concern',
      caption: school.name,
      loading: 'Loading the concern',
      back,
      onRetry: reload,
    });
  }

  const changed = (title: string, text?: string) => {
    setDone(text === undefined ? { title, at: Date.now() } : { title, text, at: Date.now() });
    reload();
    window.scrollTo(0, 0);
  };

  const view = resource.data;
  return (
    <>
      <BackLink to={back.to}>{back.text}</BackLink>
      {done !== null && (
        <NotificationBanner key={done.at} kind="success" title={done.title}>
          {done.text !== undefined && <p>{done.text}</p>}
        </NotificationBanner>
      )}
      {view.access === 'full' ? (
        <FullConcern school={school} concern={view.concern} onChanged={changed} />
      ) : (
        <LoggerConcern school={school} concern={view.concern} onChanged={changed} />
      )}
      <HelpNow audience="staff" />
    </>
  );
}

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

function When({ at }: { at: string }) {
  return (
    <>
      <time dateTime={at}>{formatDateTime(at)}</time> <span className="secondary-text">({formatRelative(at)})</span>
    </>
  );
}

function PupilLinks({ school, pupils }: { school: SessionSchool; pupils: Full['pupils'] }) {
  return (
    <ul className="list list--plain">
      {pupils.map((p) => (
        <li key={p.id}>
          <Link to={pupilPage(school.id, p.id)}>{p.name}</Link>
          {p.form !== '' && <span className="secondary-text">, form {p.form}</span>}
        </li>
      ))}
    </ul>
  );
}

type Panel = 'action' | 'addendum' | 'escalate' | 'restrict' | 'close' | 'parents' | 'correct' | 'files';

function FullConcern({
  school,
  concern: c,
  onChanged,
}: {
  school: SessionSchool;
  concern: Full;
  onChanged: (title: string, text?: string) => void;
}) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const closed = c.status === 'closed';

  const post = async (key: string, path: string, title: string, text?: string) => {
    setBusy(key);
    setProblem(null);
    try {
      await apiPost(`${concernApi(school.id, c.id)}${path}`, {}, okResponse);
      setPanel(null);
      onChanged(title, text);
    } catch (error) {
      setProblem(toApiError(error).message);
    } finally {
      setBusy(null);
    }
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

      {problem !== null && (
        <div className="problem-box" role="alert">
          <p className="error-text">{problem}</p>
        </div>
      )}

      {c.canTriage && c.status === 'open' && (
        <div className="call-to-action">
          <p>
            <strong>Nobody has acknowledged this concern yet.</strong> Acknowledge it to let the team know you are
            dealing with it.
          </p>
          <Button
            busy={busy === 'ack'}
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

      <SummaryList
        rows={[
          {
            key: 'pupils',
            label: c.pupils.length === 1 ? 'Pupil' : 'Pupils',
            value: <PupilLinks school={school} pupils={c.pupils} />,
          },
          { key: 'when', label: 'When it happened', value: <When at={c.occurredAt} /> },
          { key: 'where', label: 'Where', value: c.location },
          {
            key: 'logged',
            label: 'Logged',
            value: (
              <>
                <When at={c.loggedAt} />, by {c.loggedByName}
              </>
            ),
          },
          {
            key: 'others',
            label: 'Who else was there',
            value: c.othersPresent === '' ? <span className="secondary-text">Nobody named</span> : c.othersPresent,
          },
          {
            key: 'answers',
            label: 'The three questions',
            value: (
              <ul className="list list--plain">
                <li>Medical emergency: {yesNo(c.medicalEmergency)}</li>
                <li>Risk of immediate harm: {yesNo(c.riskOfImmediateHarm)}</li>
                <li>Possible child protection: {yesNo(c.possibleChildProtection)}</li>
              </ul>
            ),
          },
          {
            key: 'route',
            label: 'Sent to',
            value: c.route === 'dsl' ? 'The DSL team' : 'The Mental Health Lead and SENDCO',
          },
          {
            key: 'parents',
            label: 'Parents and carers',
            value: parentsWords(c.parentsStatus, c.pupilTellsBy, c.restricted),
          },
        ]}
      />

      <h2 className="heading-m">What was seen or heard</h2>
      <div className="record-text pre-line">{c.account}</div>
      <p className="hint">
        This is the record as it was written. It cannot be changed: additions and corrections are shown below it.
      </p>

      {c.pupilWords !== null && c.pupilWords !== '' && (
        <>
          <h2 className="heading-m">The pupil&rsquo;s own words</h2>
          <blockquote className="pupil-words pre-line">{c.pupilWords}</blockquote>
        </>
      )}

      <h2 className="heading-m">Warning signs</h2>
      {c.warningSigns.length === 0 ? (
        <p className="secondary-text">None ticked.</p>
      ) : (
        <ul className="list list--bullet">
          {c.warningSigns.map((w) => (
            <li key={w}>{w in WARNING_SIGNS ? warningSignLabel(w) : w}</li>
          ))}
        </ul>
      )}

      {c.disclosure !== null && (
        <>
          <h2 className="heading-m">Disclosure</h2>
          <SummaryList
            rows={[
              { key: 'who', label: 'Pupil told it would be passed to', value: c.disclosure.toldWho },
              { key: 'what', label: 'What would be passed on', value: c.disclosure.toldWhat },
              { key: 'why', label: 'Why it must be passed on', value: c.disclosure.toldWhy },
              { key: 'consent', label: 'Did the pupil agree?', value: CONSENT_LABELS[c.disclosure.consent] },
              ...(c.disclosure.consentNote !== null && c.disclosure.consentNote !== ''
                ? [
                    {
                      key: 'note',
                      label: c.disclosure.consent === 'refused' ? 'Why not' : 'Why consent was not asked for',
                      value: c.disclosure.consentNote,
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}

      <Addenda addenda={c.addenda} />
      <Corrections concern={c} />
      <Actions school={school} concern={c} onChanged={onChanged} mayComplete={c.canTriage && !closed} />
      <Files school={school} concern={c} />
      <StatusTimeline concern={c} />

      {c.canTriage && (
        <section className="work" aria-labelledby="work-title">
          <h2 className="heading-l" id="work-title">
            What to do next
          </h2>
          {closed && (
            <p>
              This concern is closed. You can still add to it
              {parentsMayBeInformed(c) && c.parentsStatus !== 'told'
                ? ', correct it and record telling parents.'
                : ' and correct it.'}
            </p>
          )}
          <ul className="work__list">
            {!closed && (
              <WorkItem
                label="Add an action"
                hint="Something to do, with who will do it and by when."
                open={panel === 'action'}
                onToggle={() => {
                  setPanel(panel === 'action' ? null : 'action');
                }}
              >
                <AddActionForm
                  school={school}
                  concern={c}
                  onDone={finished}
                  onCancel={() => {
                    setPanel(null);
                  }}
                />
              </WorkItem>
            )}
            <WorkItem
              label="Add to this record"
              hint="Something you have learned since. The original record is never changed."
              open={panel === 'addendum'}
              onToggle={() => {
                setPanel(panel === 'addendum' ? null : 'addendum');
              }}
            >
              <AddAddendumForm
                school={school}
                concernId={c.id}
                onDone={finished}
                onCancel={() => {
                  setPanel(null);
                }}
              />
            </WorkItem>
            {!closed && c.route !== 'dsl' && (
              <WorkItem
                label="Pass to the DSL"
                hint="If this may be a safeguarding matter. The DSL team is alerted at once."
                open={panel === 'escalate'}
                onToggle={() => {
                  setPanel(panel === 'escalate' ? null : 'escalate');
                }}
              >
                <EscalateForm
                  school={school}
                  concernId={c.id}
                  onDone={finished}
                  onCancel={() => {
                    setPanel(null);
                  }}
                />
              </WorkItem>
            )}
            {c.canMoveToRestricted && (
              <WorkItem
                label="Move to the safeguarding record"
                hint="Only the DSL team will be able to see it from then on. Parents will not be told by school."
                open={panel === 'restrict'}
                onToggle={() => {
                  setPanel(panel === 'restrict' ? null : 'restrict');
                }}
              >
                <RestrictForm
                  school={school}
                  concernId={c.id}
                  onDone={finished}
                  onCancel={() => {
                    setPanel(null);
                  }}
                />
              </WorkItem>
            )}
            <ParentsWork
              school={school}
              concern={c}
              open={panel === 'parents'}
              onToggle={() => {
                setPanel(panel === 'parents' ? null : 'parents');
              }}
              onDone={finished}
              busy={busy === 'pupil-tells'}
              onPupilWillTell={() => {
                void post(
                  'pupil-tells',
                  '/pupil-will-tell-parents',
                  'The pupil will tell their parents first',
                  'School waits 24 hours. Tandem will remind you when the time has passed.',
                );
              }}
            />
            {schoolCan(school, 'pupil.setLevel') && (
              <li className="work__item">
                <h3 className="heading-s work__title">Change level</h3>
                <p className="hint">Change a pupil&rsquo;s level, with this concern as the evidence.</p>
                <ul className="link-list">
                  {c.pupils.map((p) => (
                    <li key={p.id}>
                      <Link to={`${pupilPage(school.id, p.id)}/level?concern=${encodeURIComponent(c.id)}`}>
                        Change {p.name}&rsquo;s level
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            )}
            <WorkItem
              label="Attach photos or documents"
              hint="Photos or PDF documents, up to 5 MB each."
              open={panel === 'files'}
              onToggle={() => {
                setPanel(panel === 'files' ? null : 'files');
              }}
            >
              <AttachFilesForm
                school={school}
                concernId={c.id}
                onDone={finished}
                onCancel={() => {
                  setPanel(null);
                }}
              />
            </WorkItem>
            <WorkItem
              label="Correct the date, pupils or category"
              hint="Each correction is kept with the old value and your reason."
              open={panel === 'correct'}
              onToggle={() => {
                setPanel(panel === 'correct' ? null : 'correct');
              }}
            >
              <CorrectionForm
                school={school}
                concern={c}
                onDone={finished}
                onCancel={() => {
                  setPanel(null);
                }}
              />
            </WorkItem>
            {!closed && (
              <WorkItem
                label="Close with an outcome"
                hint="When nothing more needs doing on this concern."
                open={panel === 'close'}
                onToggle={() => {
                  setPanel(panel === 'close' ? null : 'close');
                }}
              >
                <CloseForm
                  school={school}
                  concernId={c.id}
                  openActions={c.actions.filter((a) => a.completedAt === null).length}
                  onDone={finished}
                  onCancel={() => {
                    setPanel(null);
                  }}
                />
              </WorkItem>
            )}
          </ul>
        </section>
      )}
    </>
  );
}

function ParentsWork({
  school,
  concern: c,
  open,
  onToggle,
  onDone,
  busy,
  onPupilWillTell,
}: {
  school: SessionSchool;
  concern: Full;
  open: boolean;
  onToggle: () => void;
  onDone: (title: string, text?: string) => void;
  busy: boolean;
  onPupilWillTell: () => void;
}) {
  if (!parentsMayBeInformed(c)) {
    return (
      <li className="work__item">
        <h3 className="heading-s work__title">Parents and carers</h3>
        <p>
          <strong>Parents must not be told about this concern by school.</strong>{' '}
          {c.restricted ? 'It is in the safeguarding record' : 'It is, or may be, a child-protection matter'}, so Tandem
          will not record telling them, send them anything or show it on their portal. The DSL team decides who is told,
          and how.
        </p>
      </li>
    );
  }
  if (c.parentsStatus === 'told') {
    return (
      <li className="work__item">
        <h3 className="heading-s work__title">Parents and carers</h3>
        <p>
          Parents were told{c.parentsToldHow !== null && ` ${toldHowWords(c.parentsToldHow).toLowerCase()}`}
          {c.parentsToldAt !== null && ` on ${formatDateTime(c.parentsToldAt)}`}.
        </p>
      </li>
    );
  }
  const mayWait = pupilMayTellParentsFirst(c) && c.status !== 'closed' && c.parentsStatus !== 'pupil_telling';
  return (
    <>
      <WorkItem
        label="Record that parents were told"
        hint={
          c.parentsStatus === 'pupil_telling'
            ? `The pupil is telling them first${c.pupilTellsBy !== null ? `, by ${formatDateTime(c.pupilTellsBy)}` : ''}. Record here when school has told them, or checked that they know.`
            : 'Parents and carers must be told about a concern for their child’s mental health. Record how and when.'
        }
        open={open}
        onToggle={onToggle}
      >
        <ParentsToldForm school={school} concernId={c.id} onDone={onDone} onCancel={onToggle} />
      </WorkItem>
      {mayWait && (
        <li className="work__item">
          <Button variant="secondary" className="work__button" busy={busy} busyText="Saving…" onClick={onPupilWillTell}>
            The pupil will tell their parents first
          </Button>
          <p className="hint work__hint">School waits 24 hours. Tandem reminds you when the time has passed.</p>
        </li>
      )}
      {!pupilMayTellParentsFirst(c) && (
        <li className="work__item">
          <p className="hint">
            There is a risk of immediate harm, so school cannot wait for the pupil to tell their parents first.
          </p>
        </li>
      )}
    </>
  );
}

function Addenda({ addenda }: { addenda: Full['addenda'] }) {
  return (
    <>
      <h2 className="heading-m">Additions</h2>
      {addenda.length === 0 ? (
        <p className="secondary-text">Nothing has been added.</p>
      ) : (
        <ol className="timeline" aria-label="Additions, oldest first">
          {addenda.map((a) => (
            <li key={a.id} className="timeline__item">
              <h3 className="timeline__title">{a.reason}</h3>
              <p className="timeline__meta">
                <time dateTime={a.addedAt}>{formatDateTime(a.addedAt)}</time>, by {a.addedByName}
              </p>
              <p className="pre-line">{a.text}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

const CORRECTION_FIELDS: Record<string, string> = {
  category: 'Category',
  occurredAt: 'When it happened',
  pupils: 'Pupils',
  restricted: 'Safeguarding record',
};

function correctionValue(field: string, value: unknown, pupils: Full['pupils']): string {
  if (field === 'category') return value === 'safeguarding' ? 'Safeguarding' : 'Mental health';
  if (field === 'restricted') return value === true ? 'In the safeguarding record' : 'Not in the safeguarding record';
  if (field === 'occurredAt' && typeof value === 'string') return formatDateTime(value);
  if (field === 'pupils' && Array.isArray(value)) {
    const names = value.map((id) => pupils.find((p) => p.id === id)?.name ?? 'a pupil no longer on this concern');
    return names.join(', ');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function Corrections({ concern: c }: { concern: Full }) {
  if (c.corrections.length === 0) return null;
  return (
    <>
      <h2 className="heading-m">Corrections</h2>
      <ol className="timeline" aria-label="Corrections, oldest first">
        {c.corrections.map((k) => (
          <li key={k.id} className="timeline__item">
            <h3 className="timeline__title">{CORRECTION_FIELDS[k.field] ?? k.field}</h3>
            <p className="timeline__meta">
              <time dateTime={k.changedAt}>{formatDateTime(k.changedAt)}</time>, by {k.changedByName}
            </p>
            <p className="change">
              <span className="change__old">
                <span className="visually-hidden">Was: </span>
                {correctionValue(k.field, k.from, c.pupils)}
              </span>
              <span className="change__arrow" aria-hidden="true">
                →
              </span>
              <span className="change__new">
                <span className="visually-hidden">, now: </span>
                {correctionValue(k.field, k.to, c.pupils)}
              </span>
            </p>
            <p className="timeline__label">Reason</p>
            <p className="pre-line">{k.reason}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

function Actions({
  school,
  concern: c,
  onChanged,
  mayComplete,
}: {
  school: SessionSchool;
  concern: Full;
  onChanged: (title: string, text?: string) => void;
  mayComplete: boolean;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const complete = async (actionId: string, description: string) => {
    setBusy(actionId);
    setProblem(null);
    try {
      await apiPost(`${concernApi(school.id, c.id)}/actions/${encodeURIComponent(actionId)}/complete`, {}, okResponse);
      onChanged('Action done', description);
    } catch (error) {
      setProblem(toApiError(error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <h2 className="heading-m">Actions</h2>
      {problem !== null && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {c.actions.length === 0 ? (
        <p className="secondary-text">No actions yet.</p>
      ) : (
        <ul className="action-list" aria-label="Actions">
          {c.actions.map((a) => (
            <li key={a.id} className="action-list__item">
              <p className="action-list__description">{a.description}</p>
              <p className="action-list__meta">
                {a.ownerName}, due {formatIsoDay(a.dueOn)}{' '}
                {a.completedAt !== null ? (
                  <Tag tone="green">Done</Tag>
                ) : a.overdue ? (
                  <Tag tone="yellow">Overdue</Tag>
                ) : (
                  <Tag tone="blue">To do</Tag>
                )}
              </p>
              {a.completedAt !== null && (
                <p className="secondary-text">
                  Done {formatDateTime(a.completedAt)}
                  {a.completionNote !== null && a.completionNote !== '' && `: ${a.completionNote}`}
                </p>
              )}
              {a.completedAt === null && mayComplete && (
                <Button
                  variant="secondary"
                  className="button--small"
                  busy={busy === a.id}
                  busyText="Saving…"
                  onClick={() => {
                    void complete(a.id, a.description);
                  }}
                >
                  Mark as done<span className="visually-hidden">: {a.description}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Files({ school, concern: c }: { school: SessionSchool; concern: Full }) {
  if (c.files.length === 0) return null;
  return (
    <>
      <h2 className="heading-m">Files</h2>
      <ul className="list list--plain">
        {c.files.map((f) => (
          <li key={f.id}>
            <a
              href={`${concernApi(school.id, c.id)}/files/${encodeURIComponent(f.id)}`}
              download={f.fileName}
              className="break-anywhere"
            >
              {f.fileName}
            </a>{' '}
            <span className="secondary-text">
              ({f.contentType === 'application/pdf' ? 'PDF' : 'photo'}, {fileSize(f.size)})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function StatusTimeline({ concern: c }: { concern: ConcernDetail }) {
  const events: { key: string; at: string; title: string; detail?: string }[] = [
    { key: 'logged', at: c.loggedAt, title: `Logged by ${c.loggedByName}` },
  ];
  if (c.acknowledgedAt !== null) {
    events.push({
      key: 'ack',
      at: c.acknowledgedAt,
      title: `Acknowledged${c.acknowledgedByName !== null ? ` by ${c.acknowledgedByName}` : ''}`,
    });
  }
  if (c.escalatedToDslAt !== null) events.push({ key: 'dsl', at: c.escalatedToDslAt, title: 'Passed to the DSL' });
  if (c.parentsToldAt !== null) {
    events.push({
      key: 'parents',
      at: c.parentsToldAt,
      title: `Parents told ${toldHowWords(c.parentsToldHow).toLowerCase()}`,
    });
  }
  if (c.closedAt !== null) {
    events.push({
      key: 'closed',
      at: c.closedAt,
      title: `Closed: ${c.outcome !== null ? OUTCOME_LABELS[c.outcome] : 'no outcome recorded'}`,
      ...(c.outcomeNote !== null ? { detail: c.outcomeNote } : {}),
    });
  }
  events.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <>
      <h2 className="heading-m">What has happened</h2>
      <ol className="timeline" aria-label="What has happened, oldest first">
        {events.map((e) => (
          <li key={e.key} className="timeline__item">
            <h3 className="timeline__title">{e.title}</h3>
            <p className="timeline__meta">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            </p>
            {e.detail !== undefined && <p className="pre-line">{e.detail}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

function LoggerConcern({
  school,
  concern: c,
  onChanged,
}: {
  school: SessionSchool;
  concern: LoggerView;
  onChanged: (title: string, text?: string) => void;
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
                value: c.sentToDsl ? 'The DSL team' : 'The Mental Health Lead and SENDCO',
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
