/**
 * The log-a-concern form itself: what is typed is kept as a draft on the server after a pause;
 * sending checks it as the server will, then sends it once (the submission key) and its files.
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
import { onDutyToday } from './ConcernBits';
import { OptionalFold, WhatHappened, WhatWasSaid } from './ConcernQuestions';
import { concernSentPage, concernsApi, dutyApi } from './concernsApi';
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
}: {
  school: SessionSchool;
  restored: Values | null;
  restoredAt: string | null;
}) {
  const params = useSearchParams();
  const [values, setValues] = useState<Values>(() => restored ?? freshValues());
  const [files, setFiles] = useState<File[]>([]);
  const [stage, setStage] = useState<'editing' | 'sending' | 'uploading' | 'done'>('editing');
  const [uploading, setUploading] = useState(0);
  const navigate = useNavigate();
  const [savedAt, setSavedAt] = useState<string | null>(restoredAt);
  const [saveFailed, setSaveFailed] = useState(false);
  const [showRestored, setShowRestored] = useState(restored !== null);
  const changed = useRef(false);
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

  // Keep a draft on the server while the person types (after a pause of a second and a half).
  useEffect(() => {
    if (!changed.current || stage !== 'editing') return;
    const timer = window.setTimeout(() => {
      const request = apiPut(`${concernsApi(school.id)}/draft`, { draft: values }, draftSaved).then(
        (r) => {
          setSavedAt(r.savedAt);
          setSaveFailed(false);
        },
        () => {
          setSaveFailed(true);
        },
      );
      saving.current = request;
    }, 1500);
    return () => {
      window.clearTimeout(timer);
    };
  }, [values, stage, school.id]);

  const startAgain = () => {
    changed.current = false;
    setValues(freshValues());
    setFiles([]);
    setShowRestored(false);
    setSavedAt(null);
    form.clear();
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
      form.fromApi(toApiError(error));
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
    // The confirmation has its own address, so reloading it shows it again (not an empty form);
    // what only this browser knows (the files' outcome) goes with it.
    rememberSent(response.id, { response, ...outcome });
    navigate(concernSentPage(school.id, response.id), { replace: true });
    window.scrollTo(0, 0);
  };

  const busy = stage === 'sending' || stage === 'uploading';
  const onDuty = duty.resource.status === 'ready' ? onDutyToday(duty.resource.data) : null;

  return (
    <div className="narrow-wide log-concern">
      <ErrorSummary errors={form.errors} />
      {showRestored && (
        <NotificationBanner
          kind="info"
          focus={false}
          title={
            restoredAt === null
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
      <DraftStatus savedAt={savedAt} failed={saveFailed} />

      <Form onSubmit={submit} label="Log a concern">
        <SafetyQuestions values={values} set={set} errorFor={form.errorFor} onDuty={onDuty} />
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
        <DraftStatus savedAt={savedAt} failed={saveFailed} />
      </Form>
      <HelpNow audience="staff" compact />
    </div>
  );
}

function DraftStatus({ savedAt, failed }: { savedAt: string | null; failed: boolean }) {
  if (failed) {
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
