/**
 * Add an entry, or change one: the page behind both routes, for whoever keeps the entries (a
 * school's Senior Mental Health Lead, its local services; the trust administrator, the shared ones). A change saved by someone else meanwhile is refused, not overwritten: the editor says who
 * changed it and offers to load their version or to save this one in its place.
 */
import { serviceDetailSchema, type ServiceDetail } from '@tandem/core';
import { useState } from 'react';
import { apiGet, apiPost, apiPut, type ApiError } from '../api/client';
import { useResource } from '../api/useResource';
import { Button, ButtonGroup, ErrorSummary, Form } from '../components/Form';
import { useFormErrors } from '../components/formErrors';
import { BackLink, PageTitle } from '../components/Page';
import { resourceFallback } from '../components/resourceFallback';
import { useAction } from '../components/useAction';
import { NotFoundPage } from '../errors/ErrorPages';
import { Link, useNavigate } from '../router/router';
import { ChangedMeanwhile } from './ChangedMeanwhile';
import { ServiceFields } from './ServiceFields';
import { useDirectory, type DirectoryAt, type DirectoryPlace } from './directoryPlace';
import { createdResponse, savedResponse } from './servicesApi';
import {
  emptyAgeProblems,
  emptyServiceValues,
  SERVICE_FIELDS,
  serviceBody,
  valuesFromService,
  withoutDetailsPrefix,
  type ServiceFormValues,
} from './serviceValues';
import './services.css';
import '../plans/plans.css';

export function ServiceEditorPage({ schoolId, serviceId }: { schoolId: string; serviceId?: string }) {
  return <EditorRoute at={{ schoolId }} serviceId={serviceId} />;
}

/** A shared entry of the trust, for its administrator. */
export function TrustServiceEditorPage({ trustId, serviceId }: { trustId: string; serviceId?: string }) {
  return <EditorRoute at={{ trustId }} serviceId={serviceId} />;
}

function EditorRoute({ at, serviceId }: { at: DirectoryAt; serviceId: string | undefined }) {
  const place = useDirectory(at, 'manage');
  const { resource, reload } = useResource(
    place !== null && serviceId !== undefined ? place.entryApi(serviceId) : null,
    serviceDetailSchema,
  );
  if (place === null) return <NotFoundPage />;
  if (serviceId === undefined) {
    return <ServiceEditor place={place} editing={null} back={place.listPage} />;
  }
  const back = place.entryPage(serviceId);
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Change the service',
      caption: place.name,
      loading: 'Opening the form',
      back: { to: back, text: 'Back to the service' },
      onRetry: reload,
    });
  }
  if (!resource.data.service.canEdit) return <NotFoundPage />;
  return <ServiceEditor place={place} editing={resource.data} back={back} />;
}

/** What was saved meanwhile, found after a refusal; `seen` changes so the message is focused again. */
interface Newer {
  detail: ServiceDetail;
  seen: number;
}

function ServiceEditor({
  place,
  editing,
  back,
}: {
  place: DirectoryPlace;
  editing: ServiceDetail | null;
  back: string;
}) {
  const navigate = useNavigate();
  const [values, setValues] = useState<ServiceFormValues>(() =>
    editing === null ? emptyServiceValues() : valuesFromService(editing.service),
  );
  const [newer, setNewer] = useState<Newer | null>(null);
  const form = useFormErrors(SERVICE_FIELDS);
  const action = useAction();
  const service = editing?.service ?? null;
  // The version the form's values came from: the one opened, or theirs once loaded.
  const [baseVersion, setBaseVersion] = useState(service?.version ?? 0);
  const version = newer?.detail.service.version ?? baseVersion;

  const refused = async (e: ApiError) => {
    if (service === null || e.code !== 'conflict') {
      form.fromApi(service === null ? e : withoutDetailsPrefix(e));
      return;
    }
    const latest = await apiGet(place.entryApi(service.id), serviceDetailSchema).catch(() => null);
    if (latest === null) {
      form.fromApi(e);
      return;
    }
    form.clear();
    setNewer({ detail: latest, seen: (newer?.seen ?? 0) + 1 });
  };

  const submit = async (fromVersion: number) => {
    const parsed = serviceBody(values);
    if (!parsed.success) {
      form.fromIssues(parsed.error.issues, emptyAgeProblems(values));
      return;
    }
    await action.run(
      async () => {
        if (service === null) {
          const made = await apiPost(place.api, parsed.data, createdResponse);
          navigate(place.entryPage(made.id), {
            flash: { kind: 'success', title: `${parsed.data.name} added to the directory`, text: place.words.added },
          });
        } else {
          await apiPut(place.entryApi(service.id), { details: parsed.data, version: fromVersion }, savedResponse);
          navigate(place.entryPage(service.id), {
            flash: { kind: 'success', title: `${parsed.data.name} changed`, text: 'The earlier version is kept.' },
          });
        }
      },
      { stayBusy: true, onRefused: refused },
    );
  };

  const title = service === null ? place.words.add : 'Change the service';
  return (
    <div className="narrow-wide services">
      <BackLink to={back}>{service === null ? 'Back to the directory' : 'Back to the service'}</BackLink>
      {newer !== null && (
        <ChangedMeanwhile
          key={newer.seen}
          detail={newer.detail}
          busy={action.busy}
          onLoad={() => {
            setValues(valuesFromService(newer.detail.service));
            setBaseVersion(newer.detail.service.version);
            setNewer(null);
            form.clear();
          }}
          onSave={() => {
            void submit(newer.detail.service.version);
          }}
        />
      )}
      <ErrorSummary errors={form.errors} />
      <PageTitle caption={service?.name ?? place.name} title={service === null ? title : `${title}: ${service.name}`}>
        {title}
      </PageTitle>
      {service === null && <p className="lead">{place.words.addLead}</p>}
      <Form onSubmit={() => submit(version)} label={title}>
        <ServiceFields
          values={values}
          onChange={(patch) => {
            setValues((v) => ({ ...v, ...patch }));
          }}
          errorFor={form.errorFor}
        />
        <ButtonGroup>
          <Button type="submit" busy={action.busy} busyText="Saving…">
            {service === null ? 'Add the service' : 'Save changes'}
          </Button>
          <Link to={back} className="link-cancel">
            Cancel
          </Link>
        </ButtonGroup>
      </Form>
    </div>
  );
}
