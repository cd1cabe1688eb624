/**
 * Log a concern: built for a tutor on a phone between lessons. The three safety questions come
 * first (a medical emergency shows what to do before anything else); then the pupil, when, where,
 * what was seen or heard, the pupil's own words, warning signs, who else was there, a disclosure,
 * telling parents and files. A draft is kept on the server while typing; submitting twice makes
 * one concern (the submission key is made when the form opens and kept in the draft). When the
 * server could not be reached, the draft was kept on this device instead: the newer of the two is
 * brought back.
 */
import { useEffect, useState } from 'react';
import { lazySchema } from '../api/client';
import { useResource } from '../api/useResource';
import { schoolCan, useSchool, useSession } from '../auth/session';
import { Loading, PageTitle } from '../components/Page';
import { NotFoundPage } from '../errors/ErrorPages';
import { keptDraft, type DeviceDraft } from '../offline/offlineStore';
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
  const userId = useSession().session.user?.id ?? null;
  // The form as typed when Tandem could not be reached, kept on this device (undefined: still reading).
  const [onDevice, setOnDevice] = useState<{ key: string; draft: DeviceDraft | null } | null>(null);
  const deviceKey = `${schoolId}:${userId ?? ''}`;
  useEffect(() => {
    if (!allowed || userId === null) return;
    let cancelled = false;
    void keptDraft(schoolId, userId).then((d) => {
      if (!cancelled) setOnDevice({ key: deviceKey, draft: d });
    });
    return () => {
      cancelled = true;
    };
  }, [allowed, schoolId, userId, deviceKey]);
  if (school === undefined || !allowed) return <NotFoundPage />;

  if (draft.resource.status === 'loading' || (userId !== null && onDevice?.key !== deviceKey)) {
    return (
      <>
        <PageTitle caption={school.name}>Log a concern</PageTitle>
        <Loading what="Opening the form" />
      </>
    );
  }
  // A draft that cannot be read is only a convenience lost: the form still opens, empty.
  const saved = draft.resource.status === 'ready' ? draft.resource.data : { draft: null, savedAt: null };
  const fromServer = saved.draft !== null && hasContent(saved.draft) ? saved.draft : null;
  const device = onDevice?.draft ?? null;
  // The newer of the server's draft and the one kept on this device.
  const useDevice =
    device !== null &&
    hasContent(device.draft) &&
    (fromServer === null || saved.savedAt === null || Date.parse(device.savedAt) > Date.parse(saved.savedAt));
  const restored = useDevice ? device.draft : fromServer;
  return (
    <LogConcernForm
      key={`${school.id}-${String(started)}`}
      school={school}
      restored={restored}
      restoredAt={useDevice ? device.savedAt : restored === null ? null : saved.savedAt}
      deviceDraft={useDevice ? 'restored' : device !== null ? 'stale' : null}
    />
  );
}
