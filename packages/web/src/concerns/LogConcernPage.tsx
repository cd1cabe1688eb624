/**
 * Log a concern: built for a tutor on a phone between lessons. The three safety questions come
 * first (a medical emergency shows what to do before anything else); then the pupil, when, where,
 * what was seen or heard, the pupil's own words, warning signs, who else was there, a disclosure,
 * telling parents and files. A draft is kept on the server while typing; submitting twice makes
 * one concern (the submission key is made when the form opens and kept in the draft).
 */
import {
  dslDutyResponse,
  EMERGENCY_PROCEDURE,
  logConcernBody,
  logConcernResponse,
  MAX_FILES_PER_CONCERN,
  pupilProfileResponse,
  WARNING_SIGN_GROUPS,
  WARNING_SIGNS,
  type DISCLOSURE_CONSENT,
} from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { apiGet, apiPost, apiPut, toApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime, formatTime, ukIsoDay, ukTimeOfDay, ukWallTimeToIso } from '../components/dates';
import { countOf } from '../components/format';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  DateTimeField,
  ErrorSummary,
  Form,
  Radios,
  TextareaField,
  TextField,
  type Option,
} from '../components/Form';
import { useFormErrors, type FieldError } from '../components/formErrors';
import { HelpNow, Loading, NotificationBanner, PageTitle } from '../components/Page';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useSearchParams } from '../router/router';
import { pupilApi, pupilName, schoolPage } from '../pupils/pupilsApi';
import { DslList, onDutyToday } from './ConcernBits';
import { concernPage, concernsApi, CONSENT_LABELS, dutyApi, myConcernsPage } from './concernsApi';
import { fileProblem, FilesField, uploadAll } from './files';
import { PupilPicker, type ChosenPupil } from './PupilPicker';

type YesNo = '' | 'yes' | 'no';
type Consent = '' | (typeof DISCLOSURE_CONSENT)[number];

/** What the form holds; kept as the draft. Files cannot be kept in a draft. */
interface Values {
  version: 1;
  submissionKey: string;
  medicalEmergency: YesNo;
  riskOfImmediateHarm: YesNo;
  possibleChildProtection: YesNo;
  pupils: ChosenPupil[];
  date: string;
  time: string;
  location: string;
  account: string;
  pupilWords: string;
  warningSigns: string[];
  othersPresent: string;
  isDisclosure: boolean;
  toldWho: string;
  toldWhat: string;
  toldWhy: string;
  consent: Consent;
  consentNote: string;
  pupilWillTellParents: boolean;
}

const yesNoSchema = z.enum(['', 'yes', 'no']).catch('');

/** A saved draft, read leniently: anything unexpected falls back to an empty answer. */
const draftSchema = z.object({
  version: z.literal(1),
  submissionKey: z.uuid(),
  medicalEmergency: yesNoSchema,
  riskOfImmediateHarm: yesNoSchema,
  possibleChildProtection: yesNoSchema,
  pupils: z
    .array(z.object({ id: z.uuid(), name: z.string(), form: z.string(), yearGroup: z.number().int().nullable() }))
    .max(10)
    .catch([]),
  date: z.string().catch(''),
  time: z.string().catch(''),
  location: z.string().catch(''),
  account: z.string().catch(''),
  pupilWords: z.string().catch(''),
  warningSigns: z.array(z.string()).catch([]),
  othersPresent: z.string().catch(''),
  isDisclosure: z.boolean().catch(false),
  toldWho: z.string().catch(''),
  toldWhat: z.string().catch(''),
  toldWhy: z.string().catch(''),
  consent: z.enum(['', 'given', 'refused', 'not_sought']).catch(''),
  consentNote: z.string().catch(''),
  pupilWillTellParents: z.boolean().catch(false),
});

const draftResponse = z.object({ draft: z.record(z.string(), z.unknown()).nullable(), savedAt: z.string().nullable() });
const draftSaved = z.object({ savedAt: z.string() });

function freshValues(): Values {
  const now = new Date();
  return {
    version: 1,
    submissionKey: crypto.randomUUID(),
    medicalEmergency: '',
    riskOfImmediateHarm: '',
    possibleChildProtection: '',
    pupils: [],
    date: ukIsoDay(now),
    time: ukTimeOfDay(now),
    location: '',
    account: '',
    pupilWords: '',
    warningSigns: [],
    othersPresent: '',
    isDisclosure: false,
    toldWho: '',
    toldWhat: '',
    toldWhy: '',
    consent: '',
    consentNote: '',
    pupilWillTellParents: false,
  };
}

/** Whether a draft holds anything worth bringing back. */
function hasContent(v: Values): boolean {
  return (
    v.medicalEmergency !== '' ||
    v.riskOfImmediateHarm !== '' ||
    v.possibleChildProtection !== '' ||
    v.pupils.length > 0 ||
    v.location.trim() !== '' ||
    v.account.trim() !== '' ||
    v.pupilWords.trim() !== '' ||
    v.warningSigns.length > 0
  );
}

const FIELD_ORDER = [
  'medicalEmergency',
  'riskOfImmediateHarm',
  'possibleChildProtection',
  'pupilIds',
  'occurredAt',
  'location',
  'account',
  'pupilWords',
  'warningSigns',
  'othersPresent',
  'isDisclosure',
  'disclosure',
  'disclosure.toldWho',
  'disclosure.toldWhat',
  'disclosure.toldWhy',
  'disclosure.consent',
  'disclosure.consentNote',
  'pupilWillTellParents',
  'files',
] as const;

/** GOV.UK-style messages for the three questions ("Select yes if…"). */
const QUESTION_MESSAGES: Record<string, string> = {
  medicalEmergency: 'Select yes if this is a medical emergency',
  riskOfImmediateHarm: 'Select yes if there is a risk of immediate harm',
  possibleChildProtection: 'Select yes if this could be a child-protection matter',
};

const YES_NO: Option[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export type LogResult = z.infer<typeof logConcernResponse>;

export function LogConcernPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'concern.log');
  const draft = useResource(allowed ? `${concernsApi(schoolId)}/draft` : null, draftResponse);
  const [started] = useState(() => Date.now());
  if (school === undefined || !allowed) return <NotFoundPage />;

  if (draft.resource.status === 'loading') {
    return (
      <>
        <PageTitle caption={school.name}>Log a concern</PageTitle>
        <Loading what="Opening the form" />
      </>
    );
  }
  // A draft that cannot be read is only a convenience lost: the form still opens, empty.
  const saved = draft.resource.status === 'ready' ? draft.resource.data : { draft: null, savedAt: null };
  const parsed = draftSchema.safeParse(saved.draft);
  const restored = parsed.success && hasContent(parsed.data) ? parsed.data : null;
  return (
    <LogConcernForm
      key={`${school.id}-${String(started)}`}
      school={school}
      restored={restored}
      restoredAt={restored === null ? null : saved.savedAt}
    />
  );
}

function LogConcernForm({
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
  const [result, setResult] = useState<{
    response: LogResult;
    attached: number;
    failures: { name: string; message: string }[];
  } | null>(null);
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

  const noRisk = values.riskOfImmediateHarm === 'no' && values.possibleChildProtection === 'no';
  const toDsl = values.riskOfImmediateHarm === 'yes' || values.possibleChildProtection === 'yes';

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
    const yesNo = (v: YesNo) => (v === 'yes' ? true : v === 'no' ? false : undefined);
    const occurredAt = ukWallTimeToIso(values.date, values.time);
    const consentNeedsNote = values.consent === 'refused' || values.consent === 'not_sought';
    const candidate = {
      submissionKey: values.submissionKey,
      pupilIds: values.pupils.map((p) => p.id),
      occurredAt: occurredAt ?? undefined,
      location: values.location,
      account: values.account,
      pupilWords: values.pupilWords.trim() === '' ? undefined : values.pupilWords,
      warningSigns: values.warningSigns.filter((w) => w in WARNING_SIGNS),
      othersPresent: values.othersPresent,
      riskOfImmediateHarm: yesNo(values.riskOfImmediateHarm),
      possibleChildProtection: yesNo(values.possibleChildProtection),
      medicalEmergency: yesNo(values.medicalEmergency),
      isDisclosure: values.isDisclosure,
      disclosure: values.isDisclosure
        ? {
            toldWho: values.toldWho,
            toldWhat: values.toldWhat,
            toldWhy: values.toldWhy,
            consent: values.consent === '' ? undefined : values.consent,
            consentNote: consentNeedsNote && values.consentNote.trim() !== '' ? values.consentNote : undefined,
          }
        : undefined,
      pupilWillTellParents: noRisk && values.pupilWillTellParents,
    };
    const parsed = logConcernBody.safeParse(candidate);
    const extra: FieldError[] = [];
    if (values.date !== '' && values.time !== '' && occurredAt === null) {
      extra.push({ path: 'occurredAt', message: 'Enter a real date and a time, such as 14:05' });
    } else if (values.time === '' && values.date !== '') {
      extra.push({ path: 'occurredAt', message: 'Enter the time it happened, such as 14:05' });
    } else if (occurredAt !== null && Date.parse(occurredAt) > Date.now() + 5 * 60_000) {
      extra.push({ path: 'occurredAt', message: 'The time it happened cannot be in the future' });
    }
    if (files.length > MAX_FILES_PER_CONCERN) {
      extra.push({ path: 'files', message: `Choose at most ${String(MAX_FILES_PER_CONCERN)} files` });
    }
    const problem = files.map(fileProblem).find((p) => p !== null);
    if (problem !== undefined && problem !== null) extra.push({ path: 'files', message: problem });
    if (!parsed.success || extra.length > 0) {
      const issues = (parsed.success ? [] : parsed.error.issues).map((i) => {
        const message = QUESTION_MESSAGES[String(i.path[0])];
        return message === undefined ? i : { ...i, message };
      });
      // A date problem found here says more than the schema's general one.
      const filtered = extra.some((e) => e.path === 'occurredAt')
        ? issues.filter((i) => i.path[0] !== 'occurredAt')
        : issues;
      form.fromIssues(filtered, extra);
      return;
    }
    form.clear();
    setStage('sending');
    // A draft being saved now must land before the server removes it on submit.
    await saving.current?.catch(() => undefined);
    let response: LogResult;
    try {
      response = await apiPost(concernsApi(school.id), parsed.data, logConcernResponse);
    } catch (error) {
      form.fromApi(toApiError(error));
      setStage('editing');
      return;
    }
    let outcome = { attached: 0, failures: [] as { name: string; message: string }[] };
    if (files.length > 0) {
      setStage('uploading');
      outcome = await uploadAll(school.id, response.id, files, setUploading);
    }
    setResult({ response, ...outcome });
    setStage('done');
    window.scrollTo(0, 0);
  };

  if (stage === 'done' && result !== null) {
    return (
      <ConcernSent
        school={school}
        result={result.response}
        attached={result.attached}
        failures={result.failures}
        onAnother={() => {
          changed.current = false;
          setValues(freshValues());
          setFiles([]);
          setSavedAt(null);
          setShowRestored(false);
          setResult(null);
          setStage('editing');
          window.scrollTo(0, 0);
        }}
      />
    );
  }

  const busy = stage === 'sending' || stage === 'uploading';
  const onDuty = duty.resource.status === 'ready' ? onDutyToday(duty.resource.data) : null;

  const signOptions = (group: (typeof WARNING_SIGN_GROUPS)[number]): Option[] =>
    group.signs.map((s) => ({ value: s, label: WARNING_SIGNS[s] }));
  const [mainGroup, otherGroup] = WARNING_SIGN_GROUPS;

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
        <h2 className="heading-m">First, three questions</h2>
        <Radios
          name="medicalEmergency"
          inline
          legend="Is this a medical emergency?"
          hint="For example, the pupil is unconscious, badly hurt, or may have taken something."
          options={YES_NO}
          value={values.medicalEmergency}
          onValueChange={(v) => {
            set('medicalEmergency')(yesNoSchema.parse(v));
          }}
          error={form.errorFor('medicalEmergency')}
        />
        {values.medicalEmergency === 'yes' && <EmergencyProcedure steps={EMERGENCY_PROCEDURE} headingLevel={3} />}
        <Radios
          name="riskOfImmediateHarm"
          inline
          legend="Is there a risk of immediate harm to the pupil or to someone else?"
          hint="For example, they have said they will hurt themselves today, or someone may hurt them."
          options={YES_NO}
          value={values.riskOfImmediateHarm}
          onValueChange={(v) => {
            set('riskOfImmediateHarm')(yesNoSchema.parse(v));
          }}
          error={form.errorFor('riskOfImmediateHarm')}
        />
        <Radios
          name="possibleChildProtection"
          inline
          legend="Could this be a child-protection matter?"
          hint="For example, the pupil may be being harmed, abused or neglected, or has said something that suggests it."
          options={YES_NO}
          value={values.possibleChildProtection}
          onValueChange={(v) => {
            set('possibleChildProtection')(yesNoSchema.parse(v));
          }}
          error={form.errorFor('possibleChildProtection')}
        />
        {toDsl && (
          <section className="urgent-panel urgent-panel--inline" aria-labelledby="find-dsl-now-early">
            <h3 className="urgent-panel__title" id="find-dsl-now-early">
              <span className="urgent-panel__icon" aria-hidden="true">
                !
              </span>
              Find the DSL in person now
            </h3>
            <p>
              This will go to the Designated Safeguarding Lead (DSL) team as urgent. Do not wait until you have finished
              this form: find them, or send someone to fetch them, now.
            </p>
            {onDuty !== null && (
              <>
                <p className="urgent-panel__label">On duty today</p>
                <DslList people={onDuty} />
              </>
            )}
            <p>What you have written is kept as a draft, so you can finish it afterwards.</p>
          </section>
        )}

        <h2 className="heading-m">The pupil</h2>
        <PupilPicker
          schoolId={school.id}
          name="pupilIds"
          legend="Who is this about?"
          hint="Choose each pupil by name. Check the year group and form, so you choose the right pupil."
          chosen={values.pupils}
          onChange={set('pupils')}
          error={form.errorFor('pupilIds')}
        />

        <h2 className="heading-m">What happened</h2>
        <DateTimeField
          name="occurredAt"
          legend="When did it happen?"
          hint="Filled in with now. Change it if it happened earlier."
          date={values.date}
          time={values.time}
          onDate={set('date')}
          onTime={set('time')}
          error={form.errorFor('occurredAt')}
          max={ukIsoDay()}
          named
        />
        <TextField
          name="location"
          label="Where did it happen?"
          hint="For example, Room 12, the playground, or on the school bus."
          autoComplete="off"
          value={values.location}
          onValueChange={set('location')}
          error={form.errorFor('location')}
        />
        <TextareaField
          name="account"
          label="What did you see or hear?"
          hint="Write the facts: what happened, and what was said. Once sent, this cannot be changed, but you can add to it."
          rows={6}
          maxChars={10_000}
          value={values.account}
          onValueChange={set('account')}
          error={form.errorFor('account')}
        />
        <TextareaField
          name="pupilWords"
          label="What did the pupil say, in their own words? (optional)"
          hint="Write exactly what they said, even if it is hard to read. Do not change their words."
          rows={4}
          maxChars={10_000}
          value={values.pupilWords}
          onValueChange={set('pupilWords')}
          error={form.errorFor('pupilWords')}
        />
        {mainGroup !== undefined && (
          <Checkboxes
            name="warningSigns"
            legend={mainGroup.legend}
            hint="Tick any you have noticed. You do not have to tick any."
            options={signOptions(mainGroup)}
            values={values.warningSigns.filter((s) => (mainGroup.signs as string[]).includes(s))}
            onValuesChange={(picked) => {
              set('warningSigns')([
                ...picked,
                ...values.warningSigns.filter((s) => !(mainGroup.signs as string[]).includes(s)),
              ]);
            }}
            error={form.errorFor('warningSigns')}
          />
        )}
        {otherGroup !== undefined && (
          <Checkboxes
            name="otherWarningSigns"
            legend={otherGroup.legend}
            options={signOptions(otherGroup)}
            values={values.warningSigns.filter((s) => (otherGroup.signs as string[]).includes(s))}
            onValuesChange={(picked) => {
              set('warningSigns')([
                ...values.warningSigns.filter((s) => !(otherGroup.signs as string[]).includes(s)),
                ...picked,
              ]);
            }}
          />
        )}
        <TextField
          name="othersPresent"
          label="Who else was there? (optional)"
          hint="Other staff or pupils who saw or heard it."
          autoComplete="off"
          value={values.othersPresent}
          onValueChange={set('othersPresent')}
          error={form.errorFor('othersPresent')}
        />

        <h2 className="heading-m">If the pupil told you something</h2>
        <Checkboxes
          name="isDisclosure"
          legend={<span className="visually-hidden">Did the pupil tell you something?</span>}
          hint="Tick this if the pupil told you about something that has happened to them (a disclosure)."
          options={[{ value: 'yes', label: 'The pupil told me something' }]}
          values={values.isDisclosure ? ['yes'] : []}
          onValuesChange={(v) => {
            set('isDisclosure')(v.includes('yes'));
          }}
          error={form.errorFor('isDisclosure') ?? form.errorFor('disclosure')}
        />
        {values.isDisclosure && (
          <div className="conditional" id="disclosure">
            <TextField
              name="disclosure.toldWho"
              label="Who did you tell the pupil the information would be passed to?"
              hint="For example, the Mental Health Lead, or Mr Okafor, the DSL."
              autoComplete="off"
              value={values.toldWho}
              onValueChange={set('toldWho')}
              error={form.errorFor('disclosure.toldWho')}
            />
            <TextareaField
              name="disclosure.toldWhat"
              label="What did you tell the pupil would be passed on?"
              rows={3}
              maxChars={1000}
              value={values.toldWhat}
              onValueChange={set('toldWhat')}
              error={form.errorFor('disclosure.toldWhat')}
            />
            <TextareaField
              name="disclosure.toldWhy"
              label="Why did you tell the pupil it must be passed on?"
              rows={3}
              maxChars={1000}
              value={values.toldWhy}
              onValueChange={set('toldWhy')}
              error={form.errorFor('disclosure.toldWhy')}
            />
            <Radios
              name="disclosure.consent"
              legend="Did the pupil agree to it being passed on?"
              options={(['given', 'refused', 'not_sought'] as const).map((c) => ({
                value: c,
                label: CONSENT_LABELS[c],
              }))}
              value={values.consent}
              onValueChange={(v) => {
                set('consent')(v === 'given' || v === 'refused' || v === 'not_sought' ? v : '');
              }}
              error={form.errorFor('disclosure.consent')}
            />
            {(values.consent === 'refused' || values.consent === 'not_sought') && (
              <TextareaField
                name="disclosure.consentNote"
                label={values.consent === 'refused' ? 'Why did the pupil not agree?' : 'Why was consent not asked for?'}
                hint={
                  values.consent === 'not_sought'
                    ? 'For example, because information about possible harm must always go to the DSL.'
                    : undefined
                }
                rows={3}
                maxChars={1000}
                value={values.consentNote}
                onValueChange={set('consentNote')}
                error={form.errorFor('disclosure.consentNote')}
              />
            )}
          </div>
        )}

        {noRisk && (
          <>
            <h2 className="heading-m">Telling parents</h2>
            <Checkboxes
              name="pupilWillTellParents"
              legend={<span className="visually-hidden">Telling parents</span>}
              hint="Parents and carers are told about a concern for their child’s mental health. If the pupil would like to tell them first, school waits 24 hours before contacting them."
              options={[{ value: 'yes', label: 'The pupil wants to tell their parents or carers themselves' }]}
              values={values.pupilWillTellParents ? ['yes'] : []}
              onValuesChange={(v) => {
                set('pupilWillTellParents')(v.includes('yes'));
              }}
              error={form.errorFor('pupilWillTellParents')}
            />
          </>
        )}

        <h2 className="heading-m">Photos or documents</h2>
        <FilesField
          name="files"
          label="Add photos or documents (optional)"
          hint="For example, a photo of a note. Photos (JPEG, PNG, WebP or HEIC) or PDF documents, up to 5 MB each."
          files={files}
          onFilesChange={(f) => {
            setFiles(f);
          }}
          error={form.errorFor('files')}
        />

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
      <HelpNow audience="staff" />
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

/** First aid and 999: calm, numbered, and first. */
export function EmergencyProcedure({ steps, headingLevel = 2 }: { steps: readonly string[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="urgent-panel" aria-labelledby="emergency-procedure">
      <Heading className="urgent-panel__title" id="emergency-procedure">
        <span className="urgent-panel__icon" aria-hidden="true">
          !
        </span>
        Medical emergency: do this first
      </Heading>
      <ol className="list list--number urgent-panel__steps">
        {steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      <p className="urgent-panel__call">
        <a href="tel:999">Call 999</a>
      </p>
      {headingLevel === 3 && (
        <p>When the pupil is safe, come back and finish this form. What you have written is kept as a draft.</p>
      )}
    </section>
  );
}

/** After sending: find the DSL now (urgent), or where the concern went. */
function ConcernSent({
  school,
  result,
  attached,
  failures,
  onAnother,
}: {
  school: SessionSchool;
  result: LogResult;
  attached: number;
  failures: readonly { name: string; message: string }[];
  onAnother: () => void;
}) {
  const title = result.showEmergencyProcedure
    ? 'Medical emergency: do this first'
    : result.findDslNow
      ? 'Find the DSL in person now'
      : 'Concern sent';
  useEffect(() => {
    document.getElementById('page-heading')?.focus();
  }, []);
  return (
    <div className="narrow-wide">
      {result.showEmergencyProcedure ? (
        <>
          <PageTitle title={title}>
            <span className="urgent-heading">
              <span className="urgent-panel__icon" aria-hidden="true">
                !
              </span>
              Medical emergency: do this first
            </span>
          </PageTitle>
          <section className="urgent-panel" aria-label="What to do now">
            <ol className="list list--number urgent-panel__steps">
              {result.emergencyProcedure.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
            <p className="urgent-panel__call">
              <a href="tel:999">Call 999</a>
            </p>
          </section>
        </>
      ) : result.findDslNow ? (
        <PageTitle title={title}>
          <span className="urgent-heading">
            <span className="urgent-panel__icon" aria-hidden="true">
              !
            </span>
            Find the DSL in person now
          </span>
        </PageTitle>
      ) : (
        <PageTitle caption={school.name}>Concern sent</PageTitle>
      )}

      {result.findDslNow && (
        <section className="urgent-panel" aria-labelledby="find-dsl-now">
          <h2 className="urgent-panel__title" id="find-dsl-now">
            {result.showEmergencyProcedure ? 'Then find the DSL in person now' : 'On duty today'}
          </h2>
          {result.showEmergencyProcedure && <p className="urgent-panel__label">On duty today</p>}
          <DslList people={result.dslOnDuty} />
          <p className="urgent-panel__lead">
            <strong>Do not wait for a reply.</strong> Go to them now, or send someone you trust to fetch them. Stay with
            the pupil if they are at risk.
          </p>
          <p>If you cannot find anyone on the DSL team, go to the headteacher or the school office.</p>
        </section>
      )}

      <div className={result.findDslNow ? 'sent-panel sent-panel--quiet' : 'sent-panel'}>
        <p className="sent-panel__title">
          {result.route === 'dsl' ? 'Sent to the DSL team as urgent' : 'Sent to the Mental Health Lead'}
        </p>
        <p className="sent-panel__reference">
          Reference <strong>{result.reference}</strong>
        </p>
      </div>
      {result.alreadyReceived && <p>This concern had already been received, so it has not been sent twice.</p>}
      {attached > 0 && <p>{countOf(attached, 'file')} attached.</p>}
      {failures.length > 0 && (
        <div className="problem-box" role="alert">
          <h2 className="heading-s problem-box__title">
            {failures.length === 1 ? 'One file could not be attached' : 'Some files could not be attached'}
          </h2>
          <ul className="list list--bullet">
            {failures.map((f, i) => (
              <li key={i}>
                <strong className="break-anywhere">{f.name}</strong>: {f.message}
              </li>
            ))}
          </ul>
          <p>
            Your concern has been sent. You can add the file from{' '}
            <Link to={concernPage(school.id, result.id)}>the concern</Link> in the next 24 hours.
          </p>
        </div>
      )}

      <h2 className="heading-m">What happens next</h2>
      {result.route === 'dsl' ? (
        <p>
          The DSL team has been alerted. They decide what happens next. Because this may be a safeguarding matter, you
          will see only that it was sent to the DSL.
        </p>
      ) : (
        <p>
          The Mental Health Lead and the SENDCO have been told. They will read it, decide what to do, and may ask you
          about it. You can see it in your concerns.
        </p>
      )}
      <ul className="link-list">
        <li>
          <button type="button" className="link-button" onClick={onAnother}>
            Log another concern
          </button>
        </li>
        <li>
          <Link to={myConcernsPage(school.id)}>See the concerns you have logged</Link>
        </li>
        <li>
          <Link to={schoolPage(school.id)}>Go to your home page</Link>
        </li>
      </ul>
    </div>
  );
}
