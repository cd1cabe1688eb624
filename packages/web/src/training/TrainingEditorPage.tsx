/**
 * Add training, or correct a record: the page behind both routes. Any member of staff adds their
 * own (it waits for the lead's confirmation); the training leads choose whom it is for (confirmed
 * at once) and correct any record. A correction saved by someone else meanwhile is refused, and
 * the page says so.
 */
import { schoolTrainingSchema, trainingRecordSchema, type TrainingRecord } from '@tandem/core';
import { useMemo, useState } from 'react';
import { apiPost, apiPut } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool, type SessionSchool } from '../auth/session';
import { Button, ButtonGroup, ErrorSummary, Form, type Option } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { TrainingFields } from './TrainingFields';
import {
  mayKeepOwnTraining,
  mayManageTraining,
  savedResponse,
  trainingApi,
  trainingPage,
  trainingRecordApi,
  trainingRecordPage,
} from './trainingApi';
import {
  TRAINING_FIELDS,
  detailsOf,
  emptyTrainingValues,
  ownProblems,
  parseTraining,
  valuesFromRecord,
  type TrainingFormValues,
} from './trainingValues';
import './training.css';

export function NewTrainingPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const manages = mayManageTraining(school);
  const staff = useResource(manages ? trainingApi(schoolId) : null, schoolTrainingSchema);
  const people = useMemo<Option[] | null>(() => {
    if (staff.resource.status !== 'ready') return null;
    return [
      { value: '', label: 'Yourself' },
      ...staff.resource.data.staff.map((s) => ({ value: s.userId, label: s.name })),
    ];
  }, [staff.resource]);
  if (school === undefined || !mayKeepOwnTraining(school)) return <NotFoundPage />;
  if (manages && people === null && staff.resource.status !== 'ready') {
    return resourceFallback(staff.resource, {
      title: 'Add training',
      caption: school.name,
      loading: 'Opening the form',
      back: { to: trainingPage(school.id), text: 'Back to training' },
      onRetry: staff.reload,
    });
  }
  return <TrainingEditor school={school} editing={null} people={people} />;
}

export function EditTrainingPage({ schoolId, recordId }: { schoolId: string; recordId: string }) {
  const school = useSchool(schoolId);
  const manages = mayManageTraining(school);
  const { resource, reload } = useResource(
    manages ? trainingRecordApi(schoolId, recordId) : null,
    trainingRecordSchema,
  );
  if (school === undefined || !manages) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Correct the record',
      caption: school.name,
      loading: 'Opening the form',
      back: { to: trainingRecordPage(school.id, recordId), text: 'Back to the record' },
      onRetry: reload,
    });
  }
  if (!resource.data.canEdit) return <NotFoundPage />;
  return <TrainingEditor school={school} editing={resource.data} people={null} />;
}

function TrainingEditor({
  school,
  editing,
  people,
}: {
  school: SessionSchool;
  editing: TrainingRecord | null;
  people: readonly Option[] | null;
}) {
  const navigate = useNavigate();
  const [values, setValues] = useState<TrainingFormValues>(() =>
    editing === null ? emptyTrainingValues() : valuesFromRecord(editing),
  );
  const [submissionKey] = useState(() => crypto.randomUUID());
  const form = useFormErrors(TRAINING_FIELDS);
  const action = useAction(form);
  const back = editing === null ? trainingPage(school.id) : trainingRecordPage(school.id, editing.id);

  const submit = async () => {
    const parsed = parseTraining(values);
    const own = ownProblems(values);
    if (!parsed.success || own.length > 0) {
      form.fromIssues(parsed.success ? [] : parsed.error.issues, own);
      return;
    }
    form.clear();
    await action.run(
      async () => {
        if (editing === null) {
          const saved = await apiPost(trainingApi(school.id), { ...parsed.data, submissionKey }, savedResponse);
          const forSelf = values.userId === '';
          navigate(trainingRecordPage(school.id, saved.id), {
            flash: {
              kind: 'success',
              title: 'Training added',
              text:
                forSelf && !mayManageTraining(school)
                  ? 'The Senior Mental Health Lead will confirm it. Until then it shows as awaiting confirmation.'
                  : 'It is on the record, confirmed.',
            },
          });
        } else {
          await apiPut(
            trainingRecordApi(school.id, editing.id),
            { details: detailsOf(values), version: editing.version },
            savedResponse,
          );
          navigate(trainingRecordPage(school.id, editing.id), {
            flash: { kind: 'success', title: 'Record corrected' },
          });
        }
      },
      { stayBusy: true },
    );
  };

  const title = editing === null ? 'Add training' : 'Correct the record';
  return (
    <div className="narrow training">
      <BackLink to={back}>{editing === null ? 'Back to training' : 'Back to the record'}</BackLink>
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={editing === null ? school.name : `${editing.staffName}: ${editing.courseName}`}>
        {title}
      </PageTitle>
      {editing === null && (
        <p className="lead">
          {people === null
            ? 'Add training you have done. The Senior Mental Health Lead will confirm it.'
            : 'Add training for yourself or a member of staff. What you add is confirmed at once.'}
        </p>
      )}
      <Form onSubmit={submit} label={title}>
        <TrainingFields
          schoolId={school.id}
          values={values}
          onChange={setValues}
          errorFor={form.errorFor}
          people={people}
        />
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Saving…">
            {editing === null ? 'Add the training' : 'Save the correction'}
          </Button>
          <Link to={back} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </div>
  );
}
