import {
  importApplyResponse,
  importStatusResponse,
  type ImportApplyResponse,
  type ImportProgress,
  type ImportStatusResponse,
} from '@tandem/core';
import { useEffect, useState } from 'react';
import { apiGet, apiPost, toApiError, type ApiError } from '../api/client';
import { importApi } from './importApi';

const POLL_MS = 400;

export type Run =
  | { state: 'ready' }
  | { state: 'applying'; progress: ImportProgress | null }
  | { state: 'done'; result: ImportApplyResponse | NonNullable<ImportStatusResponse['summary']['applied']> };

/**
 * Applying a checked file: where it stands (ready, applying with its progress, done with what it
 * changed), asking the server how far it has got while it runs. `apply` starts it; a refusal goes
 * to `onRefused` and leaves it ready.
 */
export function useImportRun(
  schoolId: string,
  status: ImportStatusResponse,
  onRefused: (error: ApiError) => void,
): { run: Run; apply: () => Promise<void> } {
  const s = status.summary;
  const [run, setRun] = useState<Run>(() =>
    s.applied !== null
      ? { state: 'done', result: s.applied }
      : status.status === 'applying'
        ? { state: 'applying', progress: status.progress }
        : { state: 'ready' },
  );
  const applying = run.state === 'applying';

  // While the import runs, ask how far it has got.
  useEffect(() => {
    if (!applying) return;
    let stopped = false;
    const timer = window.setInterval(() => {
      apiGet(importApi(schoolId, status.importId), importStatusResponse).then(
        (fresh) => {
          if (stopped) return;
          if (fresh.status === 'applied' && fresh.summary.applied !== null) {
            const result = fresh.summary.applied;
            setRun((r) => (r.state === 'applying' ? { state: 'done', result } : r));
          } else if (fresh.progress !== null) {
            const progress = fresh.progress;
            setRun((r) => (r.state === 'applying' ? { state: 'applying', progress } : r));
          }
        },
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [applying, schoolId, status.importId]);

  const apply = async () => {
    setRun({ state: 'applying', progress: null });
    try {
      const result = await apiPost(`${importApi(schoolId, status.importId)}/apply`, {}, importApplyResponse);
      setRun({ state: 'done', result });
    } catch (error) {
      setRun({ state: 'ready' });
      onRefused(toApiError(error));
    }
  };

  return { run, apply };
}
