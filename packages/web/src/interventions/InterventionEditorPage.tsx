/**
 * Add an intervention, or change one: the page behind both routes, for the Senior Mental Health
 * Lead. Both read the catalogue (which brings the staff and measures to choose from) and use the
 * one editor. A change saved by someone else meanwhile is refused, not overwritten: the editor says
 * so and offers to load it.
 */
import { interventionListSchema, type InterventionList, type InterventionSummary } from '@tandem/core';
import { useEffect, useRef, useState } from 'react';
import { apiGet, apiPost, apiPut, type ApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { useSchool, type SessionSchool } from '../auth/session';
import { Button, ButtonGroup, ErrorSummary, Form } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { InterventionFields } from './InterventionFields';
import {
  createdResponse,
  interventionPage,
  interventionsApi,
  interventionApi,
  interventionsPage,
  mayManageInterventions,
} from './interventionsApi';
import {
  changeInterventionBody,
  emptyInterventionValues,
  emptyNumberProblems,
  INTERVENTION_FIELDS,
  newInterventionBody,
  valuesFromIntervention,
  type InterventionFormValues,
} from './interventionValues';
import './interventions.css';
import '../plans/plans.css';

const backText = (interventionId: string | undefined) =>
  interventionId === undefined ? 'Back to interventions' : 'Back to the intervention';

export type InterventionEditorPageProps = { schoolId: string; interventionId?: string };

export function InterventionEditorPage({ schoolId, interventionId }: InterventionEditorPageProps) {
  const school = useSchool(schoolId);
  const allowed = mayManageInterventions(school);
  const { resource, reload } = useResource(allowed ? interventionsApi(schoolId) : null, interventionListSchema);
  if (school === undefined || !allowed) return <NotFoundPage />;
  const title = interventionId === undefined ? 'Add an intervention' : 'Change the intervention';
  const back =
    interventionId === undefined ? interventionsPage(school.id) : interventionPage(school.id, interventionId);
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title,
      caption: school.name,
      loading: 'Opening the form',
      back: { to: back, text: backText(interventionId) },
      onRetry: reload,
    });
  }
  if (!resource.data.canManage) return <NotFoundPage />;
  const editing =
    interventionId === undefined ? null : resource.data.interventions.find((i) => i.id === interventionId);
  if (editing === undefined) return <NotFoundPage />;
  return <InterventionEditor school={school} list={resource.data} editing={editing} back={back} />;
}

/** What was saved meanwhile, found after a refusal; `seen` changes so the message is focused again. */
interface Newer {
  intervention: InterventionSummary;
  seen: number;
}

function InterventionEditor({
  school,
  list,
  editing,
  back,
}: {
  school: SessionSchool;
  list: InterventionList;
  editing: InterventionSummary | null;
  back: string;
}) {
  const navigate = useNavigate();
  const [values, setValues] = useState<InterventionFormValues>(() =>
    editing === null ? emptyInterventionValues() : valuesFromIntervention(editing),
  );
  const [newer, setNewer] = useState<Newer | null>(null);
  // The version the values on screen came from: their version once "Load their version" is chosen.
  const [base, setBase] = useState(editing?.version ?? 0);
  const form = useFormErrors(INTERVENTION_FIELDS);
  const action = useAction();
  const version = newer?.intervention.version ?? base;

  const refused = async (e: ApiError) => {
    if (editing === null || e.code !== 'conflict') {
      form.fromApi(e);
      return;
    }
    const latest = await apiGet(interventionsApi(school.id), interventionListSchema).catch(() => null);
    const found = latest?.interventions.find((i) => i.id === editing.id);
    if (found === undefined) {
      form.fromApi(e);
      return;
    }
    form.clear();
    setNewer({ intervention: found, seen: (newer?.seen ?? 0) + 1 });
  };

  const submit = async (fromVersion: number) => {
    const parsed = editing === null ? newInterventionBody(values) : changeInterventionBody(values, fromVersion);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues, emptyNumberProblems(values));
      return;
    }
    await action.run(
      async () => {
        if (editing === null) {
          const made = await apiPost(interventionsApi(school.id), parsed.data, createdResponse);
          navigate(interventionPage(school.id, made.id), {
            flash: {
              kind: 'success',
              title: `${parsed.data.name} added`,
              text: 'Staff can now ask for places for pupils. Its staff can record sessions.',
            },
          });
        } else {
          await apiPut(interventionApi(school.id, editing.id), parsed.data, createdResponse);
          navigate(interventionPage(school.id, editing.id), {
            flash: { kind: 'success', title: `${parsed.data.name} changed` },
          });
        }
      },
      { stayBusy: true, onRefused: refused },
    );
  };

  const title = editing === null ? 'Add an intervention' : 'Change the intervention';
  return (
    <div className="narrow-wide interventions">
      <BackLink to={back}>{backText(editing?.id)}</BackLink>
      {newer !== null && (
        <ChangedMeanwhile
          key={newer.seen}
          busy={action.busy}
          onLoad={() => {
            setValues(valuesFromIntervention(newer.intervention));
            setBase(newer.intervention.version);
            setNewer(null);
            form.clear();
          }}
          onSave={() => {
            void submit(newer.intervention.version);
          }}
        />
      )}
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={editing?.name ?? school.name} title={editing === null ? title : `${title}: ${editing.name}`}>
        {title}
      </PageTitle>
      <Form onSubmit={() => submit(version)} label={title}>
        <InterventionFields
          schoolId={school.id}
          values={values}
          onChange={(patch) => {
            setValues((v) => ({ ...v, ...patch }));
          }}
          errorFor={form.errorFor}
          measures={list.measureChoices}
          staff={list.staffChoices}
          editing={editing !== null}
          currentMeasure={
            editing === null || editing.measureKey === null
              ? null
              : { key: editing.measureKey, name: editing.measureName ?? editing.measureKey }
          }
        />
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Saving…">
            {editing === null ? 'Add the intervention' : 'Save changes'}
          </Button>
          <Link to={back} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </div>
  );
}

/** The message at the top when someone saved a change meanwhile; focused when it appears. */
function ChangedMeanwhile({ busy, onLoad, onSave }: { busy: boolean; onLoad: () => void; onSave: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="conflict-box" role="alert" aria-labelledby="conflict-title" tabIndex={-1} ref={ref}>
      <h2 className="conflict-box__title" id="conflict-title">
        Someone changed this intervention while you were editing. Your changes are still here and have not been saved.
      </h2>
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
