/**
 * When someone else saved a newer version of a plan while it was being changed: the message at the
 * top of the editor (with "Save mine as the next version"), and their version below the form to
 * compare. Nothing typed is lost.
 */
import { planDetailResponse } from '@tandem/core';
import { useEffect, useRef } from 'react';
import { ApiError, apiGet } from '../api/client';
import { formatDateTime } from '../components/dates';
import { Button } from '../components/Form';
import { PlanContentView, ReviewDue } from './PlanBits';
import { planApi, type CasePlan, type PlanContentOut } from './plansApi';

export interface NewerVersion {
  version: number;
  byName: string;
  at: string;
  content: PlanContentOut;
  reviewDue: string;
  reviewOverdue: boolean;
  /** Changes each time a conflict is found, so the message is announced and focused again. */
  seen: number;
}

/**
 * After a refusal because the plan changed: the version saved meanwhile, or (when there is none to
 * show, or the plan has ended) the refusal to put in the error summary instead.
 */
export async function findNewerVersion(
  schoolId: string,
  planId: string,
  refusal: ApiError,
  seenBefore: number,
): Promise<NewerVersion | ApiError> {
  const latest = await apiGet(planApi(schoolId, planId), planDetailResponse).catch(() => null);
  if (latest !== null && latest.view === 'case' && latest.plan.endedAt !== null) {
    // Not a newer version: the plan has ended. The server's words say so.
    return new ApiError('conflict', 409, `${refusal.message} What you typed is still here, not saved.`);
  }
  if (latest === null || latest.view !== 'case') {
    return new ApiError(
      'conflict',
      409,
      'Someone else saved a newer version while you were editing. Your changes are still here and have not been saved. Open the plan in a new tab to see it.',
    );
  }
  const meta = latest.versions.find((v) => v.version === latest.plan.version);
  return {
    version: latest.plan.version,
    byName: meta?.createdByName ?? 'Someone else',
    at: meta?.createdAt ?? latest.plan.updatedAt,
    content: latest.content,
    reviewDue: latest.plan.reviewDue,
    reviewOverdue: latest.plan.reviewOverdue,
    seen: seenBefore + 1,
  };
}

/**
 * The message at the top of the editor. It takes focus when shown: key it by `newer.seen`, so that
 * each newer version found is announced and focused again.
 */
export function ConflictBox({ newer, busy, onSave }: { newer: NewerVersion; busy: boolean; onSave: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="conflict-box" role="alert" aria-labelledby="conflict-title" tabIndex={-1} ref={ref}>
      <h2 className="conflict-box__title" id="conflict-title">
        {newer.byName} saved a newer version while you were editing. Your changes are still here and have not been
        saved.
      </h2>
      <p>
        Version {newer.version} was saved <time dateTime={newer.at}>{formatDateTime(newer.at)}</time>. It is shown{' '}
        <a href="#newer-version">below your form</a>, so you can compare. If yours should replace it, save yours as
        version {newer.version + 1}.
      </p>
      <Button busy={busy} busyText="Saving…" onClick={onSave}>
        Save mine as the next version
      </Button>
    </div>
  );
}

/** The version saved meanwhile, read only, below the form. */
export function NewerVersionSection({ newer, kind }: { newer: NewerVersion; kind: CasePlan['plan']['kind'] }) {
  return (
    <section className="compare" id="newer-version" aria-labelledby="newer-version-title" tabIndex={-1}>
      <h2 className="heading-m compare__title" id="newer-version-title">
        Version {newer.version}, saved by {newer.byName} (read only)
      </h2>
      <p className="secondary-text">
        Saved <time dateTime={newer.at}>{formatDateTime(newer.at)}</time>. Review due{' '}
        <ReviewDue on={newer.reviewDue} overdue={newer.reviewOverdue} />.
      </p>
      <PlanContentView kind={kind} content={newer.content} headingLevel={3} />
    </section>
  );
}
