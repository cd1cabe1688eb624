/**
 * Add a library entry, or change one: the page behind both routes, for whoever keeps the entries
 * (a school's Senior Mental Health Lead, the school's own; the trust's curators, the shared ones).
 * A change saved by someone else meanwhile is refused, not overwritten: the editor offers to load it.
 */
import { resourceDetailSchema, type Resource } from '@tandem/core';
import { useState } from 'react';
import { apiGet, apiPost, apiPut, type ApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { Button, ButtonGroup, ErrorSummary, Form } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { myWorkChanged } from '../home/myWorkApi';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate, useSearchParams } from '../router/router';
import { ResourceFields } from './ResourceFields';
import { createdResponse, savedResponse, useLibrary, type LibraryAt, type LibraryPlace } from './resourcesApi';
import {
  emptyValues,
  RESOURCE_FIELDS,
  resourceBody,
  valuesFrom,
  withoutDetailsPrefix,
  type ResourceFormValues,
} from './resourceValues';
import './resources.css';

export function ResourceEditorPage({ schoolId, resourceId }: { schoolId: string; resourceId?: string }) {
  return <EditorRoute at={{ schoolId }} resourceId={resourceId} />;
}

export function TrustResourceEditorPage({ trustId, resourceId }: { trustId: string; resourceId?: string }) {
  return <EditorRoute at={{ trustId }} resourceId={resourceId} />;
}

function EditorRoute({ at, resourceId }: { at: LibraryAt; resourceId: string | undefined }) {
  const place = useLibrary(at, 'manage');
  const { resource, reload } = useResource(
    place !== null && resourceId !== undefined ? place.entryApi(resourceId) : null,
    resourceDetailSchema,
  );
  if (place === null) return <NotFoundPage />;
  if (resourceId === undefined) return <ResourceEditor place={place} editing={null} />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Change the entry',
      caption: place.name,
      loading: 'Opening the form',
      back: { to: place.listPage, text: 'Back to the library' },
      onRetry: reload,
    });
  }
  if (!resource.data.resource.canEdit) return <NotFoundPage />;
  return <ResourceEditor place={place} editing={resource.data.resource} />;
}

function ResourceEditor({ place, editing }: { place: LibraryPlace; editing: Resource | null }) {
  const navigate = useNavigate();
  const params = useSearchParams();
  const [values, setValues] = useState<ResourceFormValues>(() =>
    editing === null ? emptyValues(params.get('area')) : valuesFrom(editing),
  );
  const [version, setVersion] = useState(editing?.version ?? 0);
  const [stale, setStale] = useState(false);
  const form = useFormErrors(RESOURCE_FIELDS);
  const action = useAction();

  const refused = (e: ApiError) => {
    if (editing !== null && e.code === 'conflict') {
      form.clear();
      setStale(true);
      return;
    }
    form.fromApi(editing === null ? e : withoutDetailsPrefix(e));
  };

  const loadLatest = async () => {
    if (editing === null) return;
    const latest = await apiGet(place.entryApi(editing.id), resourceDetailSchema).catch(() => null);
    if (latest === null) return;
    setValues(valuesFrom(latest.resource));
    setVersion(latest.resource.version);
    setStale(false);
  };

  const submit = async () => {
    const parsed = resourceBody(values);
    if (!parsed.success) {
      // The schema checks "a link or a document" only once the other answers pass: say it at once.
      const noWhere = values.url.trim() === '' && values.document === null;
      const said = parsed.error.issues.some((i) => i.path[0] === 'url');
      form.fromIssues(
        parsed.error.issues,
        noWhere && !said ? [{ path: 'url', message: 'Give a web address or upload a document' }] : [],
      );
      return;
    }
    await action.run(
      async () => {
        if (editing === null) {
          await apiPost(place.api, parsed.data, createdResponse);
          navigate(place.listPage, {
            flash: { kind: 'success', title: `${parsed.data.title} added to the library` },
          });
        } else {
          await apiPut(place.entryApi(editing.id), { details: parsed.data, version }, savedResponse);
          myWorkChanged();
          navigate(place.listPage, {
            flash: { kind: 'success', title: `${parsed.data.title} changed`, text: 'It counts as reviewed today.' },
          });
        }
      },
      { stayBusy: true, onRefused: refused },
    );
  };

  const title = editing === null ? 'Add an entry to the library' : 'Change the entry';
  return (
    <div className="narrow-wide library">
      <BackLink to={place.listPage}>Back to the library</BackLink>
      {stale && (
        <div className="problem-box" role="alert">
          <p className="error-text">
            Someone changed this entry while you were editing. Load their version to see it, then make your change
            again.
          </p>
          <Button
            variant="secondary"
            onClick={() => {
              void loadLatest();
            }}
          >
            Load their version
          </Button>
        </div>
      )}
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={editing?.title ?? place.name}>{title}</PageTitle>
      {editing === null && (
        <p className="lead">
          {place.kind === 'trust'
            ? `Staff in every school of ${place.name} will see it in their library. Schools cannot change it.`
            : 'Staff of the school will see it in the library, beside the entries the trust shares.'}
        </p>
      )}
      <Form onSubmit={submit} label={title}>
        <ResourceFields
          place={place}
          values={values}
          onChange={(patch) => {
            setValues((v) => ({ ...v, ...patch }));
          }}
          errorFor={form.errorFor}
        />
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Saving…">
            {editing === null ? 'Add the entry' : 'Save changes'}
          </Button>
          <Link to={place.listPage} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </div>
  );
}
