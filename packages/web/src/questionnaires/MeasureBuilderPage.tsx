/**
 * Build the school's own questionnaire (/schools/:schoolId/measures/new), or change one
 * (/schools/:schoolId/measures/:measureKey/edit: a change is stored as a new version).
 */
import { customMeasureDraftSchema, measureDefinitionSchema, RESPONDENT_LABELS, RESPONDENTS } from '@tandem/core';
import { useMemo, useState } from 'react';
import { ApiError, apiPost, apiPut } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, type SessionSchool } from '../auth/session';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, Form, TextareaField, TextField } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, PageTitle, WarningText } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { emptyForm, fieldOrderOf, formOf, nearestField, toDraft, type MeasureForm } from './measureDraft';
import { ItemFields, ScaleFields } from './MeasureQuestionsFields';
import { ScoreFields } from './MeasureScoresFields';
import { measureApi, measuresApi, measuresPage } from './questionnairesApi';
import { measureChangedResponse, measureCreatedResponse } from './questionnaireRequests';

export function MeasureBuilderPage({ schoolId, measureKey }: { schoolId: string; measureKey?: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'intervention.manage');
  const { resource, reload } = useResource(
    !allowed || measureKey === undefined ? null : measureApi(schoolId, measureKey),
    measureDefinitionSchema,
  );
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = { to: measuresPage(school.id), text: 'Back to questionnaires' };
  if (measureKey === undefined) return <MeasureBuilder school={school} initial={emptyForm()} />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Change a questionnaire',
      caption: school.name,
      loading: 'Loading the questionnaire',
      back,
      onRetry: reload,
    });
  }
  return (
    <MeasureBuilder
      school={school}
      initial={formOf(resource.data)}
      existing={{ key: resource.data.key, version: resource.data.version }}
    />
  );
}

function MeasureBuilder({
  school,
  initial,
  existing,
}: {
  school: SessionSchool;
  initial: MeasureForm;
  existing?: { key: string; version: number };
}) {
  const [form, setForm] = useState<MeasureForm>(initial);
  const order = useMemo(() => fieldOrderOf(form), [form]);
  const errors = useFormErrors(order);
  const action = useAction();
  const navigate = useNavigate();
  const set = (patch: Partial<MeasureForm>) => {
    setForm((f) => ({ ...f, ...patch }));
  };

  const submit = async () => {
    const parsed = customMeasureDraftSchema.safeParse(toDraft(form));
    if (!parsed.success) {
      errors.fromIssues(
        parsed.error.issues.map((i) => ({ ...i, path: nearestField(i.path.map(String).join('.'), order).split('.') })),
      );
      return;
    }
    await action.run(
      async () => {
        if (existing === undefined) {
          await apiPost(measuresApi(school.id), parsed.data, measureCreatedResponse);
        } else {
          await apiPut(measureApi(school.id, existing.key), parsed.data, measureChangedResponse);
        }
        navigate(measuresPage(school.id), {
          flash: {
            kind: 'success',
            title: existing === undefined ? `“${parsed.data.name}” is ready to use` : `“${parsed.data.name}” changed`,
            ...(existing === undefined ? {} : { text: 'Its new version is used from now on.' }),
          },
        });
      },
      {
        stayBusy: true,
        onRefused: (error) => {
          const fields = error.fields.map((f) => ({ ...f, path: nearestField(f.path, order) }));
          errors.fromApi(new ApiError(error.code, error.status, error.message, fields));
        },
      },
    );
  };

  const title = existing === undefined ? 'Build your own questionnaire' : `Change “${initial.name}”`;
  return (
    <>
      <BackLink to={measuresPage(school.id)}>Back to questionnaires</BackLink>
      <PageTitle caption={school.name}>{title}</PageTitle>
      {existing !== undefined && (
        <WarningText>
          Changing it makes a new version; scores already given keep the version they were given on (this is version{' '}
          {existing.version}).
        </WarningText>
      )}
      <Form onSubmit={submit} label={title}>
        <ErrorSummary errors={errors.errors} />
        <TextField
          name="name"
          label="Name"
          value={form.name}
          error={errors.errorFor('name')}
          onValueChange={(name) => {
            set({ name });
          }}
        />
        <TextareaField
          name="instructions"
          label="Instructions (optional)"
          hint="Read before the first question, for example “Think about the last two weeks.”"
          rows={3}
          maxChars={2000}
          value={form.instructions}
          error={errors.errorFor('instructions')}
          onValueChange={(instructions) => {
            set({ instructions });
          }}
        />
        <Checkboxes
          name="respondents"
          legend="Who answers it"
          error={errors.errorFor('respondents')}
          options={RESPONDENTS.map((r) => ({ value: r, label: RESPONDENT_LABELS[r] }))}
          values={form.respondents}
          onValuesChange={(values) => {
            set({ respondents: RESPONDENTS.filter((r) => values.includes(r)) });
          }}
        />
        <ScaleFields
          rows={form.scale}
          onRowsChange={(scale) => {
            set({ scale });
          }}
          errorFor={errors.errorFor}
        />
        <ItemFields
          rows={form.items}
          scale={form.scale}
          onRowsChange={(items) => {
            set({ items });
          }}
          errorFor={errors.errorFor}
        />
        <ScoreFields
          rows={form.scores}
          items={form.items}
          onRowsChange={(scores) => {
            set({ scores });
          }}
          errorFor={errors.errorFor}
        />
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Saving…">
            {existing === undefined ? 'Save the questionnaire' : 'Save a new version'}
          </Button>
          <Link to={measuresPage(school.id)} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </>
  );
}
