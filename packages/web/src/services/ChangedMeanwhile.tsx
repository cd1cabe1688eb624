import type { ServiceDetail } from '@tandem/core';
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../components/dates';
import { Button, ButtonGroup } from '../components/Form';

/**
 * The message at the top of the editor when someone saved a change to the entry meanwhile: who and
 * when, and a choice to load their version or save this one in its place. Nothing typed is lost.
 * It takes focus when shown: key it by the refusal, so that each one is announced and focused.
 */
export function ChangedMeanwhile({
  detail,
  busy,
  onLoad,
  onSave,
}: {
  detail: ServiceDetail;
  busy: boolean;
  onLoad: () => void;
  onSave: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const last = detail.history.find((h) => h.version === detail.service.version);
  const retired = detail.service.status === 'retired';
  return (
    <div className="conflict-box" role="alert" aria-labelledby="conflict-title" tabIndex={-1} ref={ref}>
      <h2 className="conflict-box__title" id="conflict-title">
        Someone changed this entry while you were editing. Your changes are still here and have not been saved.
      </h2>
      {last !== undefined && (
        <p>
          {last.changedByName ?? 'Someone'} saved version {last.version} on{' '}
          <time dateTime={last.changedAt}>{formatDateTime(last.changedAt)}</time>
          {retired ? ', and retired the entry.' : '.'}
        </p>
      )}
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
