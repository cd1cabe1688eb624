/**
 * "Concern sent", at its own address (/schools/:schoolId/concerns/sent/:concernId): straight after
 * sending, the form hands over the answer it got; on a reload the server gives the same answer
 * again (find the DSL now, the emergency steps, where it went), to the person who logged it only.
 */
import { logConcernResponse } from '@tandem/core';
import { useState } from 'react';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { resourceFallback } from '../components/resourceFallback';
import { NotFoundPage } from '../errors/ErrorPages';
import { useNavigate } from '../router/router';
import { concernApi, logConcernPage, myConcernsPage } from './concernsApi';
import { ConcernSent } from './ConcernSent';
import { sentResultOf } from './sentResults';

export function ConcernSentPage({ schoolId, concernId }: { schoolId: string; concernId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'concern.log');
  const navigate = useNavigate();
  // Read once: what the form handed over when it sent this concern, in this page load.
  const [handed] = useState(() => sentResultOf(concernId));
  const { resource, reload } = useResource(
    allowed && handed === undefined ? `${concernApi(schoolId, concernId)}/sent` : null,
    logConcernResponse,
  );
  if (school === undefined || !allowed) return <NotFoundPage />;
  const another = () => {
    navigate(logConcernPage(school.id));
  };
  if (handed !== undefined) {
    return (
      <ConcernSent
        school={school}
        result={handed.response}
        attached={handed.attached}
        failures={handed.failures}
        onAnother={another}
      />
    );
  }
  if (resource.status !== 'ready') {
    return resourceFallback(resource, {
      title: 'Concern sent',
      caption: school.name,
      loading: 'Loading',
      back: { to: myConcernsPage(school.id), text: 'Back to your concerns' },
      onRetry: reload,
    });
  }
  return <ConcernSent school={school} result={resource.data} attached={0} failures={[]} onAnother={another} />;
}
