/**
 * What the provision editors (a reduced timetable, education elsewhere) share before their form:
 * the permission, the pupil's provision loaded, and the page while it loads or if it cannot.
 */
import { pupilProvisionResponse, type PupilProvisionResponse } from '@tandem/core';
import type { ReactNode } from 'react';
import { useResource } from '../api/useResource';
import { useSchool } from '../auth/session';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { mayManageProvision, provisionTab, pupilProvisionApi } from './provisionApi';

export function ProvisionEditorLoader({
  schoolId,
  pupilId,
  title,
  children,
}: {
  schoolId: string;
  pupilId: string;
  title: string;
  children: (data: PupilProvisionResponse) => ReactNode;
}) {
  const school = useSchool(schoolId);
  const allowed = mayManageProvision(school);
  const { resource, reload } = useResource(
    allowed ? pupilProvisionApi(schoolId, pupilId) : null,
    pupilProvisionResponse,
  );
  if (school === undefined || !allowed) return <NotFoundPage />;
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title,
      caption: school.name,
      loading: 'Opening the form',
      back: { to: provisionTab(schoolId, pupilId), text: 'Back to the pupil' },
      onRetry: reload,
    });
  }
  return <>{children(resource.data)}</>;
}
