import {
  isLevelCode,
  levelDefinitionSchema,
  parentHomeLines,
  rewordLevelBody,
  THRIVE_LABELS,
  type LevelDefinition,
} from '@tandem/core';
import { useState } from 'react';
import { apiPut } from '../api/client';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { Button, ButtonGroup, ErrorSummary, Form, TextareaField, TextField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { useAction } from '../components/useAction';
import { LevelBadge } from '../components/LevelBadge';
import { BackLink, InsetText, Loading, PageTitle } from '../components/Page';
import { LoadError, NotFoundPage } from '../errors/ErrorPages';
import { levelsApi, levelsPage, useLevelFramework } from '../pupils/pupilsApi';
import { Link, useNavigate } from '../router/router';

const FIELDS = [
  'name',
  'description',
  'schoolProvides',
  'homeDoes',
  'schoolToDo',
  'homeToDo',
  'parentAtHome',
  'evidenceToMoveUp',
  'parentSummary',
] as const;
type ListField = 'schoolProvides' | 'homeDoes' | 'schoolToDo' | 'homeToDo' | 'parentAtHome';

/** One item per line; blank lines are dropped. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function EditLevelPage({ schoolId, code }: { schoolId: string; code: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'level.editFramework') && isLevelCode(code);
  const framework = useLevelFramework(allowed ? schoolId : null);
  if (school === undefined || !allowed || !isLevelCode(code)) return <NotFoundPage />;
  const level = framework.byCode.get(code);
  if (framework.resource.status === 'ready' && level !== undefined) {
    return <EditForm key={`${level.code}-${String(level.version)}`} school={school} level={level} />;
  }
  return (
    <>
      <BackLink to={levelsPage(school.id)}>Back to levels</BackLink>
      <PageTitle caption={school.name}>Change the wording of {code}</PageTitle>
      {framework.resource.status === 'loading' && <Loading />}
      {framework.resource.status === 'error' && (
        <LoadError error={framework.resource.error} onRetry={framework.reload} />
      )}
    </>
  );
}

function EditForm({ school, level }: { school: SessionSchool; level: LevelDefinition }) {
  const navigate = useNavigate();
  const [values, setValues] = useState({
    name: level.name,
    description: level.description,
    schoolProvides: level.schoolProvides.join('\n'),
    homeDoes: level.homeDoes.join('\n'),
    schoolToDo: level.schoolToDo.join('\n'),
    homeToDo: level.homeToDo.join('\n'),
    // The parent wording in force: the school's own, or the framework's plain words if none yet.
    parentAtHome: parentHomeLines(level.code, level).join('\n'),
    evidenceToMoveUp: level.evidenceToMoveUp,
    parentSummary: level.parentSummary,
  });
  const form = useFormErrors(FIELDS);
  const action = useAction(form);
  const back = `${levelsPage(school.id)}#level-${level.code.toLowerCase()}`;

  const set = (key: keyof typeof values) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
  };

  const submit = async () => {
    const parsed = rewordLevelBody.safeParse({
      name: values.name,
      description: values.description,
      schoolProvides: lines(values.schoolProvides),
      homeDoes: lines(values.homeDoes),
      schoolToDo: lines(values.schoolToDo),
      homeToDo: lines(values.homeToDo),
      parentAtHome: lines(values.parentAtHome),
      evidenceToMoveUp: values.evidenceToMoveUp,
      parentSummary: values.parentSummary,
      baseVersion: level.version,
    });
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues);
      return;
    }
    await action.run(
      async () => {
        const saved = await apiPut(`${levelsApi(school.id)}/${level.code}`, parsed.data, levelDefinitionSchema);
        navigate(levelsPage(school.id), {
          flash: {
            kind: 'success',
            title: `The new wording of ${saved.code} is saved (version ${String(saved.version)}).`,
            text: 'Pupils’ records keep the wording that was in force when their level was set.',
          },
        });
      },
      { stayBusy: true },
    );
  };

  const listField = (key: ListField, label: string, hint: string) => (
    <TextareaField
      name={key}
      label={label}
      hint={`${hint} One item on each line.`}
      rows={Math.min(16, Math.max(4, values[key].split('\n').length + 1))}
      value={values[key]}
      onValueChange={set(key)}
      error={form.errorFor(key)}
    />
  );

  return (
    <div className="narrow">
      <BackLink to={back}>Back to levels</BackLink>
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={school.name} title={`Change the wording of ${level.code}`}>
        Change the wording of {level.code}
      </PageTitle>
      <p>
        <LevelBadge code={level.code} name={level.name} />
      </p>
      <p>
        THRIVE group: <strong>{THRIVE_LABELS[level.thriveGroup]}</strong>. The level&rsquo;s place in the framework and
        its THRIVE group stay the same; only the words change.
      </p>
      <InsetText>
        <p>
          When you save, this becomes version {level.version + 1}. Pupils&rsquo; records keep the wording that was in
          force when their level was set, and earlier wordings stay available.
        </p>
      </InsetText>
      <Form onSubmit={submit}>
        <TextField
          name="name"
          label="Name"
          hint="How staff and letters name this level, for example ‘Mental Health Level 2’."
          value={values.name}
          onValueChange={set('name')}
          error={form.errorFor('name')}
        />
        <TextareaField
          name="description"
          label="Description"
          hint="What a pupil at this level may be going through."
          rows={4}
          maxChars={2000}
          value={values.description}
          onValueChange={set('description')}
          error={form.errorFor('description')}
        />
        {listField('schoolProvides', 'What school provides', 'The support school gives at this level.')}
        {listField('homeDoes', 'What home does', 'What families do at this level, in staff wording. Not sent home.')}
        {listField('schoolToDo', 'School to do', 'What staff should do. Staff who teach the pupil see this list.')}
        {listField(
          'homeToDo',
          'Home to do',
          'What parents and carers are asked to do, in staff wording. Not sent home: parents read the list below.',
        )}
        {listField(
          'parentAtHome',
          'What you can do at home (for parents and carers)',
          'The home lines as parents read them, in the termly letter and on the parent portal. Use short, plain sentences a 10-year-old could read, and say what each thing means for the family.',
        )}
        <TextareaField
          name="evidenceToMoveUp"
          label="Evidence that moves a pupil up from this level"
          hint="Shown to staff when they move a pupil up from this level."
          rows={3}
          maxChars={2000}
          value={values.evidenceToMoveUp}
          onValueChange={set('evidenceToMoveUp')}
          error={form.errorFor('evidenceToMoveUp')}
        />
        <TextareaField
          name="parentSummary"
          label="What parents and carers are told"
          hint="Goes in the termly letter home. Use short, plain sentences, and explain any term that must stay."
          rows={4}
          maxChars={1000}
          value={values.parentSummary}
          onValueChange={set('parentSummary')}
          error={form.errorFor('parentSummary')}
        />
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Saving…">
            Save the new wording
          </Button>
          <Link to={back} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </div>
  );
}
