/**
 * The log-a-concern form itself: what is typed is kept as a draft on the server after a pause;
 * sending checks it as the server will, then sends it once (the submission key) and its files.
 * When Tandem cannot be reached, the draft is kept on this device instead (closing the tab loses
 * nothing), brought back when the form opens again, and handed to the server once it can be reached.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { apiGet, apiPost, apiPut, lazySchema, toApiError } from '../api/client';
import { useResource } from '../api/useResource';
import type { SessionSchool } from '../auth/session';
import { formatDateTime, formatTime } from '../components/dates';
import { Button, ButtonGroup, ErrorSummary, Form } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { HelpNow, NotificationBanner, PageTitle } from '../components/Page';
import { pupilApi, pupilName, schoolPage } from '../pupils/pupilsApi';
import { Link, useNavigate, useSearchParams } from '../router/router';
import { FindDslNowTitle, onDutyToday } from './ConcernBits';
import { OptionalFold, WhatHappened, WhatWasSaid } from './ConcernQuestions';
import { useSession } from '../auth/session';
import { keepPupilsForOffline } from '../offline/offlinePupils';
import { forgetDraft, keepDraft, type WaitingConcern } from '../offline/offlineStore';
import { useOnline, useOutbox } from '../offline/OutboxProvider';
import { WaitingList, writtenWhen } from '../offline/Waiting';
import { concernSentPage, concernsApi, dutyApi, pupilsInWords } from './concernsApi';
import { rememberSent } from './sentResults';
import { FIELD_ORDER, freshValues, type LogResult, type Values } from './logConcernValues';
import { SafetyQuestions } from './SafetyQuestions';

// The checks and the answers' schemas need zod: fetched once the form is shown (see client.ts).
const loadChecks = () => import('./logConcernCheck');
const dslDutyResponse = lazySchema(() => loadChecks().then((m) => m.dslDutyResponse));
const pupilProfileResponse = lazySchema(() => loadChecks().then((m) => m.pupilProfileResponse));
const draftSaved = lazySchema(() => loadChecks().then((m) => m.draftSaved));
const logConcernResponse = lazySchema(() => loadChecks().then((m) => m.logConcernResponse));

// The file field (folded) and the uploads are not needed to start writing: they come just after.
const loadFiles = () => import('./files');
const ConcernFilesField = lazy(() =>
  loadFiles().then(
    (m) => ({ default: m.ConcernFilesField }),
    // Offline: the form stays usable, and says that files cannot be added just now.
    () => ({ default: FilesUnavailable }),
  ),
);

function FilesUnavailable() {
  return (
    <p className="hint">
      Photos and documents cannot be added just now, because Tandem could not be reached. You can send the concern
      without them and add them on the concern&rsquo;s page during the next 24 hours.
    </p>
  );
}

export function LogConcernForm({
  school,
  restored,
  restoredAt,
  deviceDraft = null,
}: {
  school: SessionSchool;
  restored: Values | null;
  restoredAt: string | null;
  /** A draft kept on this device: brought back ('restored'), or older than the server's ('stale'). */
  deviceDraft?: 'restored' | 'stale' | null;
}) {
  const params = useSearchParams();
  const [values, setValues] = useState<Values>(() => restored ?? freshValues());
  const [files, setFiles] = useState<File[]>([]);
  const [stage, setStage] = useState<'editing' | 'sending' | 'uploading' | 'done' | 'queued'>('editing');
  const [queued, setQueued] = useState<{ concern: WaitingConcern; withFiles: boolean } | null>(null);
  const outbox = useOutbox();
  const online = useOnline();
  const { session } = useSession();
  const userId = session.user?.id ?? null;
  const [uploading, setUploading] = useState(0);
  const navigate = useNavigate();
  const fromDevice = deviceDraft === 'restored' && restored !== null;
  const [savedAt, setSavedAt] = useState<string | null>(fromDevice ? null : restoredAt);
  const [saveState, setSaveState] = useState<'server' | 'device' | 'failed'>(fromDevice ? 'device' : 'server');
  const [showRestored, setShowRestored] = useState(restored !== null);
  // Brought back from this device: saved to the server as the draft as soon as it can be reached.
  const changed = useRef(fromDevice);
  const saving = useRef<Promise<unknown> | null>(null);
  const form = useFormErrors(FIELD_ORDER);
  const duty = useResource(dutyApi(school.id), dslDutyResponse);

  const set = <K extends keyof Values>(key: K) => {
    return (value: Values[K]) => {
      changed.current = true;
      setValues((v) => ({ ...v, [key]: value }));
    };
  };

  // A pupil chosen before opening the form ("Log a concern about Ava" on her record).
  const preset = params.get('pupil');
  useEffect(() => {
    if (preset === null || !/^[0-9a-f-]{36}$/i.test(preset)) return;
    let cancelled = false;
    apiGet(pupilApi(school.id, preset), pupilProfileResponse).then(
      (profile) => {
        if (cancelled) return;
        const p = profile.pupil;
        setValues((v) =>
          v.pupils.some((x) => x.id === p.id) || v.pupils.length >= 10
            ? v
            : { ...v, pupils: [...v.pupils, { id: p.id, name: pupilName(p), form: p.form, yearGroup: p.yearGroup }] },
        );
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [preset, school.id]);

  // The school's pupils (names, year and form only), so that a pupil can be chosen offline.
  useEffect(() => {
    if (online && userId !== null) void keepPupilsForOffline(school.id, userId);
  }, [online, school.id, userId]);

  // A copy on this device older than the server's draft is of no more use.
  useEffect(() => {
    if (deviceDraft === 'stale' && userId !== null) void forgetDraft(school.id, userId);
  }, [deviceDraft, school.id, userId]);

  // Keep a draft on the server while the person types (after a pause of a second and a half); when
  // Tandem cannot be reached, on this device until it can (tried again when the connection returns).
  useEffect(() => {
    if (!changed.current || stage !== 'editing') return;
    const timer = window.setTimeout(() => {
      const request = apiPut(`${concernsApi(school.id)}/draft`, { draft: values }, draftSaved).then(
        async (r) => {
          setSavedAt(r.savedAt);
          setSaveState('server');
          if (userId !== null) await forgetDraft(school.id, userId);
        },
        async (error: unknown) => {
          const e = toApiError(error);
          const unreachable = e.code === 'network' || e.status >= 500;
          const kept = unreachable && userId !== null ? await keepDraft(school.id, userId, values) : null;
          setSaveState(kept === null ? 'failed' : 'device');
        },
      );
      saving.current = request;
    }, 1500);
    return () => {
      window.clearTimeout(timer);
    };
  }, [values, stage, school.id, userId, online]);

  const startAgain = () => {
    changed.current = false;
    setValues(freshValues());
    setFiles([]);
    setShowRestored(false);
    setSavedAt(null);
    setSaveState('server');
    form.clear();
    if (userId !== null) void forgetDraft(school.id, userId);
    // An empty draft replaces the old one, so it is not offered again.
    saving.current = apiPut(`${concernsApi(school.id)}/draft`, { draft: {} }, draftSaved).catch(() => undefined);
    window.scrollTo(0, 0);
    document.getElementById('page-heading')?.focus();
  };

  const submit = async () => {
    let checkConcern: Awaited<ReturnType<typeof loadChecks>>['checkConcern'];
    try {
      ({ checkConcern } = await loadChecks());
    } catch (error) {
      form.fromApi(toApiError(error));
      return;
    }
    const checked = checkConcern(values, files);
    if (!checked.ok) {
      form.fromIssues(checked.issues, checked.extra);
      return;
    }
    form.clear();
    setStage('sending');
    // A draft being saved now must land before the server removes it on submit.
    await saving.current?.catch(() => undefined);
    let response: LogResult;
    try {
      response = await apiPost(concernsApi(school.id), checked.body, logConcernResponse);
    } catch (error) {
      const failure = toApiError(error);
      // No connection: kept on this device and sent when the connection returns (issue 19).
      const kept =
        failure.code === 'network' ? await outbox.keep(school.id, checked.body, pupilsInWords(values.pupils)) : null;
      if (kept !== null) {
        await forgetDraft(school.id, kept.userId);
        setQueued({ concern: kept, withFiles: files.length > 0 });
        setStage('queued');
        window.scrollTo(0, 0);
        return;
      }
      form.fromApi(failure);
      setStage('editing');
      return;
    }
    let outcome = { attached: 0, failures: [] as { name: string; message: string }[] };
    if (files.length > 0) {
      setStage('uploading');
      outcome = await loadFiles().then(
        (m) => m.uploadAll(school.id, response.id, files, setUploading),
        (error: unknown) => ({
          attached: 0,
          failures: files.map((f) => ({ name: f.name, message: toApiError(error).message })),
        }),
      );
    }
    setStage('done');
    if (userId !== null) await forgetDraft(school.id, userId);
    // The confirmation has its own address, so reloading it shows it again (not an empty form);
    // what only this browser knows (the files' outcome) goes with it.
    rememberSent(response.id, { response, ...outcome });
    navigate(concernSentPage(school.id, response.id), { replace: true });
    window.scrollTo(0, 0);
  };

  const busy = stage === 'sending' || stage === 'uploading';
  const onDuty = duty.resource.status === 'ready' ? onDutyToday(duty.resource.data) : null;

  if (stage === 'queued' && queued !== null) {
    return (
      <ConcernWaiting
        school={school}
        concern={queued.concern}
        withFiles={queued.withFiles}
        onAnother={() => {
          changed.current = false;
          setValues(freshValues());
          setFiles([]);
          setShowRestored(false);
          setQueued(null);
          setStage('editing');
          form.clear();
          window.scrollTo(0, 0);
        }}
      />
    );
  }

  return (
    <div className="narrow-wide log-concern">
      <ErrorSummary errors={form.errors} />
      {!online && (
        <NotificationBanner kind="info" focus={false} title="You are offline.">
          <p>
            You can still write the concern. When you send it, it is kept on this device and sent as soon as Tandem can
            be reached again.
          </p>
        </NotificationBanner>
      )}
      {showRestored && (
        <NotificationBanner
          kind="info"
          focus={false}
          title={
            fromDevice && restoredAt !== null
              ? `Your unsent concern from ${writtenWhen(restoredAt)} has been brought back.`
              : restoredAt === null
                ? 'We have kept what you started writing.'
                : `We have kept what you started writing (saved ${formatDateTime(restoredAt)}).`
          }
        >
          <p>Check it, finish it and send it. Nothing has been sent yet.</p>
          <p>
            <button type="button" className="link-button" onClick={startAgain}>
              Clear the form and start again
            </button>
          </p>
        </NotificationBanner>
      )}
      <PageTitle caption={school.name}>Log a concern</PageTitle>
      <p className="lead">Tell the right people when you are worried about a pupil. It takes about a minute.</p>
      <WaitingList schoolId={school.id} />
      <DraftStatus savedAt={savedAt} state={saveState} />

      <Form onSubmit={submit} label="Log a concern">
        <SafetyQuestions values={values} set={set} errorFor={form.errorFor} onDuty={onDuty} offline={!online} />
        <WhatHappened schoolId={school.id} values={values} set={set} errorFor={form.errorFor} />
        <WhatWasSaid values={values} set={set} errorFor={form.errorFor} />

        <OptionalFold
          summary="Add photos or documents"
          answered={files.length === 0 ? null : files.length === 1 ? '1 file' : `${String(files.length)} files`}
          error={form.errorFor('files') !== undefined}
        >
          <Suspense fallback={null}>
            <ConcernFilesField
              name="files"
              label="Photos or documents (optional)"
              files={files}
              onFilesChange={(f) => {
                setFiles(f);
              }}
              error={form.errorFor('files')}
            />
          </Suspense>
        </OptionalFold>

        <ButtonGroup>
          <Button
            type="submit"
            busy={busy}
            busyText={
              stage === 'uploading'
                ? `Sending files (${String(uploading + 1)} of ${String(files.length)})…`
                : 'Sending…'
            }
          >
            Send concern
          </Button>
          <Link to={schoolPage(school.id)} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
        {busy && (
          <p className="visually-hidden" role="status">
            Sending your concern
          </p>
        )}
        <DraftStatus savedAt={savedAt} state={saveState} />
      </Form>
      <HelpNow audience="staff" compact />
    </div>
  );
}

function DraftStatus({ savedAt, state }: { savedAt: string | null; state: 'server' | 'device' | 'failed' }) {
  if (state === 'device') {
    return <p className="draft-status">Saved on this device: Tandem cannot be reached just now.</p>;
  }
  if (state === 'failed') {
    return <p className="draft-status">The draft could not be saved just now. Nothing you typed has been lost.</p>;
  }
  if (savedAt === null) return null;
  return (
    <p className="draft-status">
      <span className="draft-status__tick" aria-hidden="true" />
      <span>
        Draft saved <time dateTime={savedAt}>{formatTime(savedAt)}</time>
      </span>
    </p>
  );
}

/** Sent without a connection: kept on this device, and what to do now. */
function ConcernWaiting({
  school,
  concern,
  withFiles,
  onAnother,
}: {
  school: SessionSchool;
  concern: WaitingConcern;
  withFiles: boolean;
  onAnother: () => void;
}) {
  const urgent = concern.findDslNow || concern.medicalEmergency;
  useEffect(() => {
    document.getElementById('page-heading')?.focus();
  }, []);
  return (
    <div className="narrow-wide">
      {urgent ? <FindDslNowTitle /> : <PageTitle caption={school.name}>Saved on this device</PageTitle>}
      {urgent && (
        <section className="urgent-panel" aria-labelledby="offline-urgent-now">
          <h2 className="urgent-panel__title" id="offline-urgent-now">
            No alert can be sent until Tandem can be reached
          </h2>
          <p className="urgent-panel__lead">
            <strong>Do not wait.</strong> Go to the DSL now, or send someone you trust to fetch them. Stay with the
            pupil if they are at risk.
          </p>
          <p>If you cannot find anyone on the DSL team, go to the headteacher or the school office.</p>
          <p className="urgent-panel__call">
            If a child is in danger, <a href="tel:999">call 999</a>.
          </p>
        </section>
      )}
      <section className="waiting-list" aria-labelledby="waiting-now-title">
        <h2 className="heading-m" id="waiting-now-title">
          Waiting to send
        </h2>
        <p>
          Your concern about {concern.about}, written{' '}
          <time dateTime={concern.writtenAt}>{writtenWhen(concern.writtenAt)}</time>, is kept on this device. It is sent
          by itself as soon as Tandem can be reached, while you are signed in. You can close this page: nothing will be
          lost.
        </p>
        {withFiles && (
          <p>
            Photos and documents cannot be kept on the device. Add them on the concern&rsquo;s page once it has been
            sent.
          </p>
        )}
      </section>
      <ButtonGroup>
        <Button variant="secondary" onClick={onAnother}>
          Log another concern
        </Button>
        <Link to={schoolPage(school.id)}>Go to the home page</Link>
      </ButtonGroup>
    </div>
  );
}
