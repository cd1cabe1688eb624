/**
 * Log a concern: built for a tutor on a phone between lessons. The three safety questions come
 * first (a medical emergency shows what to do before anything else); then the pupil, when, where,
 * what was seen or heard, the pupil's own words, warning signs, who else was there, a disclosure,
 * telling parents and files. A draft is kept on the server while typing; submitting twice makes
 * one concern (the submission key is made when the form opens and kept in the draft).
 */
import { useState } from 'react';
import { lazySchema } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool } from '../auth/session';
import { Loading, PageTitle } from '../components/Page';
import { NotFoundPage } from '../errors/ErrorPages';
import { concernsApi } from './concernsApi';
import { LogConcernForm } from './LogConcernForm';
import { hasContent } from './logConcernValues';

// Lazily, with the form's checks: the form is shown without waiting for zod.
const draftWithValues = lazySchema(() => import('./logConcernCheck').then((m) => m.draftWithValues));

export function LogConcernPage({ schoolId }: { schoolId: string }) {
  const school = useSchool(schoolId);
  const allowed = schoolCan(school, 'concern.log');
  const draft = useResource(allowed ? `${concernsApi(schoolId)}/draft` : null, draftWithValues);
  const [started] = useState(() => Date.now());
  if (school === undefined || !allowed) return <NotFoundPage />;

  if (draft.resource.status === 'loading') {
    return (
      <>
        <PageTitle caption={school.name}>Log a concern</PageTitle>
        <Loading what="Opening the form" />
      </>
    );
  }
  // A draft that cannot be read is only a convenience lost: the form still opens, empty.
  const saved = draft.resource.status === 'ready' ? draft.resource.data : { draft: null, savedAt: null };
  const restored = saved.draft !== null && hasContent(saved.draft) ? saved.draft : null;
  return (
    <LogConcernForm
      key={`${school.id}-${String(started)}`}
      school={school}
      restored={restored}
      restoredAt={restored === null ? null : saved.savedAt}
    />
  );
}
