import {
  EVIDENCE_KINDS,
  EVIDENCE_LABELS,
  LEVEL_CODES,
  levelRank,
  pupilProfileResponse,
  setLevelBody,
  type LevelCode,
  type LevelDefinition,
  type PupilProfileResponse,
} from '@tandem/core';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { apiGet, apiPost } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { formatDate } from '../components/dates';
import {
  Button,
  ButtonGroup,
  ErrorMessage,
  ErrorSummary,
  Form,
  Radios,
  SelectField,
  TextareaField,
  type Option,
} from '../components/Form';
import { useFormErrors, type FieldError } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { LevelBadge } from '../components/LevelBadge';
import { BackLink, HelpNow, InsetText, Loading, NotificationBanner, PageTitle } from '../components/Page';
import { LoadError, NotFoundContent, NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { pupilApi, pupilFirstName, pupilName, pupilPage, useLevelFramework } from './pupilsApi';
import { newRow, useLinkedEvidence, type EvidenceRow } from './linkedEvidence';

type CaseView = Extract<PupilProfileResponse, { view: 'case' }>;

const setLevelResponse = z.object({ level: z.enum(LEVEL_CODES).nullable(), changeId: z.string() });

const EVIDENCE_OPTIONS: Option[] = [
  { value: '', label: 'Choose the kind of evidence' },
  ...EVIDENCE_KINDS.map((k) => ({ value: k, label: EVIDENCE_LABELS[k] })),
];

function levelText(code: LevelCode | null, framework: ReadonlyMap<LevelCode, LevelDefinition>): string {
  if (code === null) return 'Thriving: no level';
  const name = framework.get(code)?.name;
  return name === undefined ? code : `${code}: ${name}`;
}

export function ChangeLevelPage({ schoolId, pupilId }: { schoolId: string; pupilId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'pupil.setLevel');
  const { resource, reload } = useResource(allowed ? pupilApi(schoolId, pupilId) : null, pupilProfileResponse);
  const framework = useLevelFramework(allowed ? schoolId : null);
  // "Change level" from a concern's page, or "Use as evidence" from a questionnaire, brings it as evidence.
  const linked = useLinkedEvidence(schoolId, pupilId, allowed);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const { back } = linked;

  if (
    resource.status === 'ready' &&
    resource.data.view === 'case' &&
    framework.resource.status === 'ready' &&
    !linked.loading
  ) {
    const { evidence } = linked;
    return (
      <ChangeLevelForm
        key={resource.data.pupil.id}
        school={school}
        profile={resource.data}
        framework={framework.byCode}
        back={back}
        backToConcern={linked.backTo === 'concern'}
        initialEvidence={evidence === null ? [] : [evidence]}
      />
    );
  }
  return (
    <>
      <BackLink to={back}>Back to the pupil&rsquo;s record</BackLink>
      {resource.status === 'error' && resource.error.code === 'not_found' ? (
        <>
          <PageTitle>Page not found</PageTitle>
          <NotFoundContent />
        </>
      ) : (
        <>
          <PageTitle caption={school.name}>Change level</PageTitle>
          {(resource.status === 'loading' || framework.resource.status === 'loading') && <Loading />}
          {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
          {framework.resource.status === 'error' && (
            <LoadError error={framework.resource.error} onRetry={framework.reload} />
          )}
          {resource.status === 'ready' && resource.data.view !== 'case' && (
            <p>Only staff who work on pupils&rsquo; cases can change a pupil&rsquo;s level.</p>
          )}
        </>
      )}
    </>
  );
}

function ChangeLevelForm({
  school,
  profile,
  framework,
  back,
  backToConcern,
  initialEvidence,
}: {
  school: SessionSchool;
  profile: CaseView;
  framework: ReadonlyMap<LevelCode, LevelDefinition>;
  back: string;
  backToConcern: boolean;
  initialEvidence: EvidenceRow[];
}) {
  const navigate = useNavigate();
  const pupil = profile.pupil;
  const name = pupilName(pupil);
  const first = pupilFirstName(pupil);
  // The level the person sees as current; a change by someone else meanwhile is refused by the server.
  const [current, setCurrent] = useState<{ code: LevelCode | null; since: string | null }>({
    code: profile.level.code,
    since: profile.level.since,
  });
  const [conflict, setConflict] = useState<{ code: LevelCode | null; at: number } | null>(null);
  const [level, setLevel] = useState('');
  const [reason, setReason] = useState('');
  const [rows, setRows] = useState<EvidenceRow[]>(initialEvidence);

  const fieldOrder = useMemo(
    () => [
      'level',
      'reason',
      'evidence',
      ...Array.from({ length: rows.length }, (_, i) => [
        `evidence.${String(i)}.kind`,
        `evidence.${String(i)}.description`,
      ]).flat(),
    ],
    [rows.length],
  );
  const form = useFormErrors(fieldOrder);
  const action = useAction(form);

  const chosen: LevelCode | null | undefined = level === 'none' ? null : LEVEL_CODES.find((c) => c === level);
  const movingUp = chosen !== undefined && levelRank(chosen) > levelRank(current.code);
  const currentDef = current.code === null ? undefined : framework.get(current.code);

  const options: Option[] = [
    {
      value: 'none',
      label: current.code === null ? 'Thriving: no level (current level)' : 'Thriving: no level',
      hint: 'The support every pupil has.',
    },
    ...LEVEL_CODES.map((code) => {
      const def = framework.get(code);
      const label = levelText(code, framework);
      return {
        value: code,
        label: code === current.code ? `${label} (current level)` : label,
        hint: def?.description,
      };
    }),
  ];

  const updateRow = (index: number, patch: Partial<EvidenceRow>) => {
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  };

  const submit = async () => {
    const candidate = {
      level: level === 'none' ? null : level === '' ? undefined : level,
      reason,
      evidence: rows.map((r) => ({
        kind: r.kind === '' ? undefined : r.kind,
        description: r.description,
        ...((r.kind === 'concern' || r.kind === 'score') && r.refId !== undefined ? { refId: r.refId } : {}),
      })),
      expectedCurrentLevel: current.code,
    };
    const parsed = setLevelBody.safeParse(candidate);
    const extra: FieldError[] = [];
    if (chosen !== undefined && chosen === current.code) {
      extra.push({ path: 'level', message: `${first} is already at this level. Choose a different level` });
    }
    if (movingUp && rows.length === 0) {
      extra.push({ path: 'evidence', message: 'Add at least one piece of evidence for moving up a level' });
    }
    if (!parsed.success || extra.length > 0) {
      form.fromIssues(parsed.success ? [] : parsed.error.issues, extra);
      return;
    }
    await action.run(
      async () => {
        const result = await apiPost(`${pupilApi(school.id, pupil.id)}/level`, parsed.data, setLevelResponse);
        navigate(`${pupilPage(school.id, pupil.id)}?tab=level`, {
          flash: {
            kind: 'success',
            title: `${name} is now at ${levelText(result.level, framework)}.`,
            text: 'The change, the reason and the evidence are kept in the history.',
          },
        });
      },
      {
        stayBusy: true,
        onRefused: (apiError) => {
          form.fromApi(apiError);
          // The form is usable again at once; the fresh level follows when it arrives.
          if (apiError.code === 'conflict') void showCurrentLevel();
        },
      },
    );
  };

  /** Someone else changed the level: show the level as it is now, keeping what was typed. */
  const showCurrentLevel = async () => {
    const fresh = await apiGet(pupilApi(school.id, pupil.id), pupilProfileResponse).catch(() => null);
    if (fresh !== null && fresh.view === 'case') {
      setCurrent({ code: fresh.level.code, since: fresh.level.since });
      setConflict({ code: fresh.level.code, at: Date.now() });
    }
  };

  const evidenceError = form.errorFor('evidence');

  return (
    <div className="narrow-wide">
      <BackLink to={back}>{backToConcern ? 'Back to the concern' : <>Back to {name}&rsquo;s record</>}</BackLink>
      <ErrorSummary errors={form.errors} />
      {conflict !== null && (
        <NotificationBanner
          key={conflict.at}
          kind="info"
          title={`The level is now ${levelText(conflict.code, framework)}.`}
          focus={false}
        >
          <p>
            Someone else changed it while you were working. Check the history on {first}&rsquo;s record before you save.
            What you typed below has been kept.
          </p>
        </NotificationBanner>
      )}
      <PageTitle caption={name}>Change level</PageTitle>
      <div className="current-level">
        <h2 className="heading-s current-level__label">Current level</h2>
        <p className="current-level__badge">
          <LevelBadge code={current.code} name={currentDef?.name} />
        </p>
        {current.since !== null && <p className="secondary-text">Since {formatDate(current.since)}</p>}
      </div>
      <Form onSubmit={submit}>
        <Radios
          name="level"
          legend={<span className="heading-m">New level</span>}
          options={options}
          value={level}
          onValueChange={setLevel}
          error={form.errorFor('level')}
        />
        <TextareaField
          name="reason"
          label={<span className="heading-m">Reason for the change</span>}
          hint="Say why the level should change. Staff with access to the case, and the audit trail, will see this."
          rows={5}
          maxChars={4000}
          value={reason}
          onValueChange={setReason}
          error={form.errorFor('reason')}
        />

        <div className={evidenceError !== undefined ? 'form-group form-group--error' : 'form-group'}>
          <fieldset className="fieldset" aria-describedby="evidence-group-hint">
            <legend className="legend">
              <span className="heading-m">Evidence</span>
            </legend>
            <div id="evidence-group-hint" className="hint">
              {movingUp ? (
                currentDef !== undefined ? (
                  <>
                    Moving up needs at least one piece of evidence. Your school&rsquo;s framework says what moves a
                    pupil up from {currentDef.code}:
                    <InsetText>
                      <p>{currentDef.evidenceToMoveUp}</p>
                    </InsetText>
                  </>
                ) : (
                  'Moving a pupil onto a level needs at least one piece of evidence, such as a concern, a questionnaire score or a meeting.'
                )
              ) : (
                'Concerns, questionnaire scores, meetings or reports that support the change. Needed when moving up a level.'
              )}
            </div>
            {evidenceError !== undefined && <ErrorMessage id="evidence-error">{evidenceError}</ErrorMessage>}
            {rows.map((row, i) => (
              <div className="evidence-row" key={row.key}>
                <h3 className="heading-s evidence-row__title">Evidence {i + 1}</h3>
                <SelectField
                  name={`evidence.${String(i)}.kind`}
                  label="Kind of evidence"
                  options={EVIDENCE_OPTIONS}
                  value={row.kind}
                  onValueChange={(kind) => {
                    updateRow(i, { kind });
                  }}
                  error={form.errorFor(`evidence.${String(i)}.kind`)}
                />
                <TextareaField
                  name={`evidence.${String(i)}.description`}
                  label="What it shows"
                  hint="For example, the date and what was seen or said, or the score."
                  rows={3}
                  maxChars={2000}
                  value={row.description}
                  onValueChange={(description) => {
                    updateRow(i, { description });
                  }}
                  error={form.errorFor(`evidence.${String(i)}.description`)}
                />
                <Button
                  variant="secondary"
                  className="button--small"
                  onClick={() => {
                    setRows((rs) => rs.filter((r) => r.key !== row.key));
                  }}
                >
                  Remove<span className="visually-hidden"> evidence {i + 1}</span>
                </Button>
              </div>
            ))}
            <Button
              id="evidence"
              variant="secondary"
              aria-describedby={evidenceError !== undefined ? 'evidence-error' : undefined}
              onClick={() => {
                setRows((rs) => [...rs, newRow()]);
                // Move to the new row's first field once it is drawn.
                window.setTimeout(() => {
                  document.getElementById(`evidence-${String(rows.length)}-kind`)?.focus();
                }, 0);
              }}
            >
              {rows.length === 0 ? 'Add evidence' : 'Add more evidence'}
            </Button>
          </fieldset>
        </div>

        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Saving…">
            Save new level
          </Button>
          <Link to={back} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
      <HelpNow audience="staff" />
    </div>
  );
}
