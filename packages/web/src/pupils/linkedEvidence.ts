/**
 * Evidence a level change brings from the page it was opened on: "Change level" from a concern's
 * page (?concern=<id>) or "Use as evidence" from a completed questionnaire (?score=<id>). The record
 * is loaded as the reader may see it; one they may not cite is left out, and the server checks again.
 */
import { concernViewResponse, questionnaireSchema, TIMEPOINT_LABELS, type Questionnaire } from '@tandem/core';
import type { z } from 'zod';
import { useResource } from '../api/useResource';
import { formatDate, formatDateTime } from '../components/dates';
import { useSearchParams } from '../router/router';
import { pupilPage } from './pupilsApi';

export interface EvidenceRow {
  key: string;
  kind: string;
  description: string;
  /** The concern or questionnaire this evidence is, when it came from its page. */
  refId?: string;
}

export function newRow(): EvidenceRow {
  return { key: crypto.randomUUID(), kind: '', description: '' };
}

type ConcernView = z.infer<typeof concernViewResponse>;

/** A concern as a piece of evidence: its reference, date and the start of what was seen or heard. */
function evidenceFromConcern(view: ConcernView, pupilId: string): EvidenceRow | null {
  if (view.access !== 'full' || !view.concern.pupils.some((p) => p.id === pupilId)) return null;
  const c = view.concern;
  const account = c.account.length > 400 ? `${c.account.slice(0, 400).trimEnd()}…` : c.account;
  return {
    key: crypto.randomUUID(),
    kind: 'concern',
    description: `Concern ${c.reference}, ${formatDateTime(c.occurredAt)}, logged by ${c.loggedByName}: ${account}`,
    refId: c.id,
  };
}

/** A completed questionnaire as evidence: the measure, when, and each score with its band. */
function evidenceFromScore(q: Questionnaire, pupilId: string): EvidenceRow | null {
  if (q.pupilId !== pupilId || q.status !== 'complete' || q.scores === null) return null;
  const scores = q.scores
    .filter((s) => s.value !== null)
    .map((s) => `${s.label} ${String(s.value)}${s.band === null ? '' : ` (${s.band})`}`)
    .join('; ');
  const when = q.completedAt === null ? '' : `, ${formatDate(q.completedAt)}`;
  return {
    key: crypto.randomUUID(),
    kind: 'score',
    description: `${q.measure.name}, ${TIMEPOINT_LABELS[q.timepoint].toLowerCase()}${when}: ${scores}`,
    refId: q.id,
  };
}

const ID = /^[0-9a-f-]{36}$/i;

/** The evidence the page was opened with (if any), where "Back" goes, and whether it is still loading. */
export function useLinkedEvidence(schoolId: string, pupilId: string, allowed: boolean) {
  const params = useSearchParams();
  const concernId = params.get('concern');
  const scoreId = params.get('score');
  const school = `/api/schools/${encodeURIComponent(schoolId)}`;
  const concern = useResource(
    allowed && concernId !== null && ID.test(concernId) ? `${school}/concerns/${encodeURIComponent(concernId)}` : null,
    concernViewResponse,
  );
  const score = useResource(
    allowed && scoreId !== null && ID.test(scoreId) ? `${school}/questionnaires/${encodeURIComponent(scoreId)}` : null,
    questionnaireSchema,
  );
  const recordPage = `${pupilPage(schoolId, pupilId)}?tab=level`;
  if (concernId !== null) {
    const r = concern.resource;
    const ready = r.status === 'ready';
    return {
      loading: r.status === 'loading',
      evidence: r.status === 'ready' ? evidenceFromConcern(r.data, pupilId) : null,
      back: ready ? `/schools/${encodeURIComponent(schoolId)}/concerns/${encodeURIComponent(concernId)}` : recordPage,
      backTo: ready ? ('concern' as const) : ('record' as const),
    };
  }
  if (scoreId !== null) {
    const r = score.resource;
    return {
      loading: r.status === 'loading',
      evidence: r.status === 'ready' ? evidenceFromScore(r.data, pupilId) : null,
      back: recordPage,
      backTo: 'record' as const,
    };
  }
  return { loading: false, evidence: null, back: recordPage, backTo: 'record' as const };
}
