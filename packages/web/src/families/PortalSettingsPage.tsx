/**
 * The portal's settings: the partnership statement parents read (what school can and cannot do,
 * and what home can do), the words in a pupil's check-in note that open the urgent route, how often
 * pupils check in, where they find the DSL, when the school day ends (a "talk to someone" nobody has
 * acknowledged by then goes to the lead) and which year groups have pupil accounts.
 * The lead edits them; whoever runs the portal reads them. A change saved by someone else meanwhile
 * is refused, not overwritten: the page says so and keeps everything typed.
 */
import { CHECKIN_FREQUENCIES, CHECKIN_FREQUENCY_LABELS, yearGroupLabel, type FamilySettings } from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { apiGet, apiPut, type ApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool, type SessionSchool } from '../auth/session';
import { formatDateTime } from '../components/dates';
import { useKeptForm } from '../components/drafts';
import { DraftKept, DraftRestored } from '../components/DraftNotices';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  ErrorSummary,
  Form,
  Radios,
  TextareaField,
  TextField,
} from '../components/Form';
import { fieldId, useFormErrors } from '../components/formErrors';
import { BackLink, InsetText, NotificationBanner, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link } from '../router/router';
import {
  ALL_YEARS,
  familiesPage,
  familySettingsApi,
  familySettingsResponse,
  mayEditPortalSettings,
  mayReadPortalSettings,
  yearsWords,
} from './familiesApi';
import { OrderedRows } from './OrderedRows';
import {
  commitmentPath,
  fieldOrder,
  questionPath,
  settingsBody,
  settingsDraftKey,
  settingsDraftSchema,
  valuesFrom,
  type SettingsValues,
} from './settingsValues';
import './families.css';
import '../plans/plans.css';

const TITLE = 'Portal settings';

export function PortalSettingsPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = mayReadPortalSettings(school);
  const { resource, reload } = useResource(allowed ? familySettingsApi(schoolId) : null, familySettingsResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: TITLE,
      caption: school.name,
      loading: 'Loading the portal settings',
      onRetry: reload,
    });
  }
  return (
    <div className="families narrow-wide">
      {mayEditPortalSettings(school) ? (
        <SettingsEditor school={school} settings={resource.data} />
      ) : (
        <SettingsView school={school} settings={resource.data} />
      )}
    </div>
  );
}

function LastChanged({ settings }: { settings: FamilySettings }) {
  if (settings.updatedAt === null) return <p className="secondary-text">These are the settings Tandem starts with.</p>;
  return (
    <p className="secondary-text">
      Last changed by {settings.updatedByName ?? 'someone'},{' '}
      <time dateTime={settings.updatedAt}>{formatDateTime(settings.updatedAt)}</time>.
    </p>
  );
}

/** For those who run the portal but may not change its settings. */
function SettingsView({ school, settings }: { school: SessionSchool; settings: FamilySettings }) {
  const p = settings.partnership;
  return (
    <>
      <BackLink to={familiesPage(school.id)}>Back to parents and carers</BackLink>
      <PageTitle caption={school.name}>{TITLE}</PageTitle>
      <p className="lead">
        How the portal works for parents, carers and pupils. The Senior Mental Health Lead or the headteacher can change
        them.
      </p>
      <LastChanged settings={settings} />
      <section className="settings-section" aria-labelledby="statement-title">
        <h2 className="heading-l" id="statement-title">
          Partnership statement
        </h2>
        <p className="pre-line">{p.intro}</p>
        {p.questions.map((q, i) => (
          <div key={i}>
            <h3 className="heading-s">{q.question}</h3>
            <p className="pre-line">{q.answer}</p>
          </div>
        ))}
        {p.homeCommitments.length > 0 && (
          <>
            <h3 className="heading-s">What home can do</h3>
            <ul className="list list--bullet">
              {p.homeCommitments.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="settings-section" aria-labelledby="checkins-title">
        <h2 className="heading-l" id="checkins-title">
          Pupils
        </h2>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt className="summary-list__key">Check-ins</dt>
            <dd className="summary-list__value">{CHECKIN_FREQUENCY_LABELS[settings.checkinFrequency]}</dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">The school day ends</dt>
            <dd className="summary-list__value">{settings.dayEndsAt}</dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">Where pupils find the DSL</dt>
            <dd className="summary-list__value pre-line">{settings.helpLocation || 'Not given'}</dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">Pupil accounts</dt>
            <dd className="summary-list__value">{yearsWords(settings.pupilAccountYears)}</dd>
          </div>
          <div className="summary-list__row">
            <dt className="summary-list__key">Risk words</dt>
            <dd className="summary-list__value">{settings.riskWords.join(', ')}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}

const YEAR_OPTIONS = ALL_YEARS.map((y) => ({ value: String(y), label: yearGroupLabel(y) }));

function SettingsEditor({ school, settings }: { school: SessionSchool; settings: FamilySettings }) {
  const action = useAction();
  // The answers, kept as a draft in this tab, with the version they started from: the settings
  // opened, or what someone else saved meanwhile once loaded.
  const draft = useKeptForm(settingsDraftKey(school.id), settingsDraftSchema, {
    initial: () => ({ version: settings.version, values: valuesFrom(settings) }),
    sending: action.busy,
  });
  const values = draft.state.values;
  const [base, setBase] = useState<FamilySettings>(settings);
  const [newer, setNewer] = useState<{ settings: FamilySettings; seen: number } | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const form = useFormErrors(fieldOrder(values));
  const change = (patch: Partial<SettingsValues>) => {
    draft.change((d) => ({ ...d, values: { ...d.values, ...patch } }));
  };

  const refused = async (e: ApiError) => {
    if (e.code !== 'conflict') {
      form.fromApi(e);
      return;
    }
    const latest = await apiGet(familySettingsApi(school.id), familySettingsResponse).catch(() => null);
    if (latest === null) {
      form.fromApi(e);
      return;
    }
    form.clear();
    setNewer({ settings: latest, seen: (newer?.seen ?? 0) + 1 });
  };

  const save = async (version: number) => {
    const { result, extra } = settingsBody(values, version);
    if (!result.success || extra.length > 0) {
      form.fromIssues(result.success ? [] : result.error.issues, extra);
      return;
    }
    await action.run(
      async () => {
        const answer = await apiPut(familySettingsApi(school.id), result.data, familySettingsResponse);
        form.clear();
        setNewer(null);
        setBase(answer);
        draft.startAgain({ version: answer.version, values: valuesFrom(answer) });
        setSaved(Date.now());
      },
      { onRefused: refused },
    );
  };

  const version = newer?.settings.version ?? draft.state.version;
  return (
    <>
      <BackLink to={familiesPage(school.id)}>Back to parents and carers</BackLink>
      {saved !== null && (
        <NotificationBanner key={saved} kind="success" title="The portal settings are saved">
          <p>Parents, carers and pupils see the changes the next time they open a page.</p>
        </NotificationBanner>
      )}
      {newer !== null && (
        <ChangedMeanwhile
          key={newer.seen}
          settings={newer.settings}
          busy={action.busy}
          onLoad={() => {
            draft.change(() => ({ version: newer.settings.version, values: valuesFrom(newer.settings) }));
            setBase(newer.settings);
            setNewer(null);
            form.clear();
          }}
          onSave={() => {
            void save(newer.settings.version);
          }}
        />
      )}
      <ErrorSummary errors={form.errors} />
      <DraftRestored
        restored={draft.restored}
        title="We have kept the changes you were making"
        text="They are not saved yet. Check them, then save the settings."
        startAgainText="Clear my changes and start again"
        onStartAgain={() => {
          form.clear();
          draft.startAgain({ version: base.version, values: valuesFrom(base) });
        }}
      />
      <PageTitle caption={school.name}>{TITLE}</PageTitle>
      <p className="lead">How the portal works for parents, carers and pupils at {school.name}.</p>
      <LastChanged settings={base} />
      <Form onSubmit={() => save(version)} label={TITLE}>
        <section className="settings-section" aria-labelledby="statement-title">
          <h2 className="heading-l" id="statement-title">
            Partnership statement
          </h2>
          <p>
            Parents and carers read this in Tandem. It says honestly what school can and cannot do, and how home can
            help. Write it in plain words, for a reading age of about 11.
          </p>
          <TextareaField
            name="partnership.intro"
            label="Introduction"
            hint="A few sentences at the top."
            rows={6}
            maxChars={2000}
            value={values.intro}
            onValueChange={(intro) => {
              change({ intro });
            }}
            error={form.errorFor('partnership.intro')}
          />
          <h3 className="heading-m">Questions parents ask</h3>
          <p className="hint">Each with the school&rsquo;s answer. Put the ones parents ask most first.</p>
          {form.errorFor('partnership.questions') !== undefined && (
            <p className="error-message" id={fieldId('partnership.questions')}>
              {form.errorFor('partnership.questions')}
            </p>
          )}
          <OrderedRows
            name="questions"
            noun="question"
            rows={values.questions}
            max={40}
            newRow={(key) => ({ key, question: '', answer: '' })}
            firstFieldId={(i) => fieldId(questionPath(i, 'question'))}
            onRowsChange={(questions) => {
              change({ questions });
            }}
          >
            {(row, i, update) => (
              <>
                <TextareaField
                  name={questionPath(i, 'question')}
                  label="Question"
                  rows={2}
                  maxChars={300}
                  value={row.question}
                  onValueChange={(question) => {
                    update({ question });
                  }}
                  error={form.errorFor(questionPath(i, 'question'))}
                />
                <TextareaField
                  name={questionPath(i, 'answer')}
                  label="Answer"
                  rows={3}
                  maxChars={2000}
                  value={row.answer}
                  onValueChange={(answer) => {
                    update({ answer });
                  }}
                  error={form.errorFor(questionPath(i, 'answer'))}
                />
              </>
            )}
          </OrderedRows>
          <h3 className="heading-m">What home can do</h3>
          <p className="hint">What the school asks of parents and carers in return, one point each.</p>
          <OrderedRows
            name="commitments"
            noun="point"
            rows={values.commitments}
            max={20}
            newRow={(key) => ({ key, text: '' })}
            firstFieldId={(i) => fieldId(commitmentPath(i))}
            onRowsChange={(commitments) => {
              change({ commitments });
            }}
          >
            {(row, i, update) => (
              <TextareaField
                name={commitmentPath(i)}
                label="What home can do"
                rows={2}
                maxChars={500}
                value={row.text}
                onValueChange={(text) => {
                  update({ text });
                }}
                error={form.errorFor(commitmentPath(i))}
              />
            )}
          </OrderedRows>
        </section>

        <section className="settings-section" aria-labelledby="pupils-title">
          <h2 className="heading-l" id="pupils-title">
            Pupils
          </h2>
          <Checkboxes
            name="pupilAccountYears"
            legend="Which year groups have pupil accounts?"
            hint="Pupils in these year groups can be given a set-up code. Tandem starts with Year 7 and up."
            options={YEAR_OPTIONS}
            values={values.years}
            onValuesChange={(years) => {
              change({ years });
            }}
            error={form.errorFor('pupilAccountYears')}
          />
          <Radios
            name="checkinFrequency"
            legend="How often do pupils check in?"
            hint="Tandem asks pupils how they feel this often. They can check in more often if they want to."
            options={CHECKIN_FREQUENCIES.map((f) => ({ value: f, label: CHECKIN_FREQUENCY_LABELS[f] }))}
            value={values.checkinFrequency}
            onValueChange={(v) => {
              const found = CHECKIN_FREQUENCIES.find((f) => f === v);
              if (found !== undefined) change({ checkinFrequency: found });
            }}
            error={form.errorFor('checkinFrequency')}
          />
          <TextareaField
            name="helpLocation"
            label="Where can pupils find the DSL on duty?"
            hint="Pupils see this under “Help now”, with the name of the DSL on duty today. For example: “Go to the Hub, next to the library.”"
            rows={2}
            maxChars={300}
            value={values.helpLocation}
            onValueChange={(helpLocation) => {
              change({ helpLocation });
            }}
            error={form.errorFor('helpLocation')}
          />
          <TextField
            name="dayEndsAt"
            label="When does the school day end?"
            hint="Use the 24-hour clock, like 15:30. If a pupil asks to talk and no one has seen it by then, it goes to the Senior Mental Health Lead."
            width="code"
            inputMode="numeric"
            autoComplete="off"
            value={values.dayEndsAt}
            onValueChange={(dayEndsAt) => {
              change({ dayEndsAt });
            }}
            error={form.errorFor('dayEndsAt')}
          />
          <TextareaField
            name="riskWords"
            label="Risk words"
            hint={
              <>
                One word or phrase on each line. If a pupil&rsquo;s check-in note holds one of them, Tandem opens an
                urgent concern for the DSL with the note, and shows the pupil &ldquo;Help now&rdquo; straight away.
                Capital letters, spaces and punctuation do not matter.
              </>
            }
            rows={10}
            value={values.riskWords}
            onValueChange={(riskWords) => {
              change({ riskWords });
            }}
            error={form.errorFor('riskWords')}
          />
          <InsetText>
            <p>Keep the list broad: a false alarm costs the DSL a few minutes, a missed one can cost much more.</p>
          </InsetText>
        </section>
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Saving…">
            Save the settings
          </Button>
          <Link to={familiesPage(school.id)} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
        <DraftKept savedAt={draft.savedAt} failed={draft.failed} />
      </Form>
    </>
  );
}

/**
 * Someone saved the settings while this person was editing: who and when, and a choice to load
 * theirs or save this one in its place. Nothing typed is lost. Focused when shown.
 */
function ChangedMeanwhile({
  settings,
  busy,
  onLoad,
  onSave,
}: {
  settings: FamilySettings;
  busy: boolean;
  onLoad: () => void;
  onSave: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="conflict-box" role="alert" aria-labelledby="conflict-title" tabIndex={-1} ref={ref}>
      <h2 className="conflict-box__title" id="conflict-title">
        Someone else changed the settings while you were editing. Your changes are still here and have not been saved.
      </h2>
      {settings.updatedAt !== null && (
        <p>
          {settings.updatedByName ?? 'Someone'} saved them on{' '}
          <time dateTime={settings.updatedAt}>{formatDateTime(settings.updatedAt)}</time>.
        </p>
      )}
      <p>Load their version to see it (what you typed here will be replaced), or save yours in its place.</p>
      <ButtonGroup>
        <Button variant="secondary" disabled={busy} onClick={onLoad}>
          Load their version
        </Button>
        <Button busy={busy} busyText="Saving…" onClick={onSave}>
          Save mine in its place
        </Button>
      </ButtonGroup>
    </div>
  );
}
