/**
 * Write an action, or change one: the lead's page behind both routes. A new action may start from a
 * proposed one (`?area=…&statement=…`). A change saved by someone else meanwhile is refused, not
 * overwritten: what was typed stays in the form, with a way to load their version.
 */
import {
  actionDetailSchema,
  actionInputSchema,
  actionPlanSchema,
  actionSavedSchema,
  changeActionSchema,
  staffDirectoryResponse,
  type ActionDetail,
  type Framework,
} from '@tandem/core';
import { useState } from 'react';
import { apiPatch, apiPost, type ApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { dateProblem } from '../components/DateInput';
import { Button, ButtonGroup, ErrorSummary, Form } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate, useSearchParams } from '../router/router';
import { ACTION_FIELDS, actionBody, ActionFields, type ActionValues } from './ActionFields';
import {
  actionApi,
  actionPage,
  actionPlanApi,
  actionPlanPage,
  actionsApi,
  leadsPlan,
  staffDirectoryApi,
} from './actionPlanApi';
import './action-plan.css';

export function NewActionPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const params = useSearchParams();
  const allowed = leadsPlan(school);
  const plan = useResource(allowed ? actionPlanApi(schoolId) : null, actionPlanSchema);
  const staff = useResource(allowed ? staffDirectoryApi(schoolId) : null, staffDirectoryResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = actionPlanPage(school.id);
  const fallback = {
    title: 'Write an action',
    caption: school.name,
    loading: 'Opening the form',
    back: { to: back, text: 'Back to the action plan' },
  };
  if (plan.resource.status !== 'ready') return resourceFallback(plan.resource, { ...fallback, onRetry: plan.reload });
  if (staff.resource.status !== 'ready')
    return resourceFallback(staff.resource, { ...fallback, onRetry: staff.reload });
  const assessment = plan.resource.data.assessment;
  if (assessment === null) return <NotFoundPage />;
  const initial: ActionValues = {
    areaKey: params.get('area') ?? '',
    statementKey: params.get('statement') ?? '',
    title: '',
    successCriteria: '',
    ownerUserId: '',
    dueOn: '',
  };
  return (
    <ActionEditor
      schoolId={school.id}
      caption={school.name}
      framework={assessment.framework}
      staff={staff.resource.data.staff}
      initial={initial}
      editing={null}
      back={back}
    />
  );
}

export function EditActionPage({ schoolId, actionId }: { schoolId: string; actionId: string }) {
  const school = useSchool(schoolId);
  const allowed = leadsPlan(school);
  const detail = useResource(allowed ? actionApi(schoolId, actionId) : null, actionDetailSchema);
  const staff = useResource(allowed ? staffDirectoryApi(schoolId) : null, staffDirectoryResponse);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const back = actionPage(school.id, actionId);
  const fallback = {
    title: 'Change the action',
    caption: school.name,
    loading: 'Opening the form',
    back: { to: back, text: 'Back to the action' },
  };
  if (detail.resource.status !== 'ready')
    return resourceFallback(detail.resource, { ...fallback, onRetry: detail.reload });
  if (staff.resource.status !== 'ready')
    return resourceFallback(staff.resource, { ...fallback, onRetry: staff.reload });
  const d = detail.resource.data;
  if (!d.canEdit) return <NotFoundPage />;
  return (
    <ActionEditor
      key={d.action.version}
      schoolId={school.id}
      caption={school.name}
      framework={d.assessment.framework}
      staff={staff.resource.data.staff}
      initial={valuesOf(d)}
      editing={{ detail: d, reload: detail.reload }}
      back={back}
    />
  );
}

function valuesOf(d: ActionDetail): ActionValues {
  const a = d.action;
  return {
    areaKey: a.areaKey,
    statementKey: a.statementKey ?? '',
    title: a.title,
    successCriteria: a.successCriteria,
    ownerUserId: a.owner.id,
    dueOn: a.dueOn,
  };
}

function ActionEditor({
  schoolId,
  caption,
  framework,
  staff,
  initial,
  editing,
  back,
}: {
  schoolId: string;
  caption: string;
  framework: Framework;
  staff: readonly { userId: string; displayName: string }[];
  initial: ActionValues;
  editing: { detail: ActionDetail; reload: () => void } | null;
  back: string;
}) {
  const navigate = useNavigate();
  const [values, setValues] = useState(initial);
  const [stale, setStale] = useState(false);
  const form = useFormErrors(ACTION_FIELDS);
  const action = useAction(form);

  const submit = async () => {
    const body = actionBody(values);
    const parsed = actionInputSchema.safeParse(body);
    const due = dateProblem(values.dueOn, 'Due date');
    const extra = due === null ? [] : [{ path: 'dueOn', message: due }];
    if (!parsed.success || extra.length > 0) {
      form.fromIssues(parsed.success ? [] : parsed.error.issues, extra);
      return;
    }
    setStale(false);
    await action.run(
      async () => {
        if (editing === null) {
          const made = await apiPost(actionsApi(schoolId), parsed.data, actionSavedSchema);
          navigate(actionPage(schoolId, made.id), {
            flash: { kind: 'success', title: 'Action added', text: 'Its owner will see it on their home page.' },
          });
        } else {
          const change = changeActionSchema.parse({ ...parsed.data, version: editing.detail.action.version });
          await apiPatch(actionApi(schoolId, editing.detail.action.id), change, actionSavedSchema);
          navigate(actionPage(schoolId, editing.detail.action.id), {
            flash: { kind: 'success', title: 'Action changed' },
          });
        }
      },
      {
        stayBusy: true,
        onRefused: (e: ApiError) => {
          if (e.code === 'conflict' && editing !== null) setStale(true);
          form.fromApi(e);
        },
      },
    );
  };

  const title = editing === null ? 'Write an action' : 'Change the action';
  return (
    <div className="narrow-wide action-plan">
      <BackLink to={back}>{editing === null ? 'Back to the action plan' : 'Back to the action'}</BackLink>
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={caption}>{title}</PageTitle>
      {stale && editing !== null && (
        <p>
          <Button variant="secondary" onClick={editing.reload}>
            Load their version (your text here is lost)
          </Button>
        </p>
      )}
      <Form onSubmit={submit} label={title}>
        <ActionFields
          framework={framework}
          values={values}
          staff={staff}
          errorFor={form.errorFor}
          onChange={(patch) => {
            setValues((v) => ({ ...v, ...patch }));
          }}
        />
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Saving…">
            {editing === null ? 'Add the action' : 'Save changes'}
          </Button>
          <Link to={back} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </div>
  );
}
