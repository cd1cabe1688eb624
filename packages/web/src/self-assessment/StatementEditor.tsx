/**
 * One statement, rated and evidenced as it is written. It saves on its own when the writer leaves it
 * (focus moves out) or presses Save, and says whether it is saved. A save refused because someone
 * else saved first keeps the writer's words, shows the colleague's version, and the next Save
 * knowingly replaces it. Unsaved words are also kept in this tab, so a reload loses nothing.
 */
import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { z } from 'zod';
import {
  assessmentDetailSchema,
  evidenceSchema,
  MAX_EVIDENCE_TEXT,
  RATING_HINTS,
  RATING_LABELS,
  RATINGS,
  savedStatementSchema,
  type Evidence,
  type EvidenceInput,
  type EvidenceRecords,
  type Rating,
  type StatementRating,
} from '@tandem/core';
import { apiGet, apiPut, toApiError } from '../api/client';
import { formatDateTime } from '../components/dates';
import { clearDraft, readDraft, writeDraft } from '../components/drafts';
import { Button, Radios, TextareaField } from '../components/Form';
import { EvidenceEditor } from './EvidenceEditor';
import { EvidenceList } from './EvidenceList';
import { assessmentApi, ratingWords, statementApi } from './selfAssessmentApi';

interface Draft {
  rating: Rating | null;
  evidenceText: string;
  evidence: Evidence[];
}

const draftSchema = z.object({
  rating: z.enum(RATINGS).nullable(),
  evidenceText: z.string(),
  evidence: z.array(evidenceSchema),
  /** The version the words were written against. */
  version: z.number(),
});

const draftOf = (s: StatementRating): Draft => ({
  rating: s.rating,
  evidenceText: s.evidenceText,
  evidence: s.evidence,
});
const same = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

function toInput(e: Evidence): EvidenceInput {
  if (e.kind === 'link') return { kind: 'link', url: e.url, label: e.label };
  if (e.kind === 'record') return { kind: 'record', recordKind: e.recordKind, recordId: e.recordId };
  return { kind: 'document', documentId: e.documentId };
}

type Status =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'refused'; message: string; theirs: StatementRating | null };

export function StatementEditor({
  schoolId,
  assessmentId,
  statement,
  records,
  onSaved,
}: {
  schoolId: string;
  assessmentId: string;
  statement: StatementRating;
  records: EvidenceRecords | null;
  onSaved: (s: StatementRating) => void;
}) {
  const storeKey = `tandem-sa-${assessmentId}-${statement.key}`;
  const [kept] = useState(() => readDraft(storeKey, draftSchema)?.data ?? null);
  const [saved, setSaved] = useState<StatementRating>(statement);
  const [draft, setDraft] = useState<Draft>(() =>
    kept === null
      ? draftOf(statement)
      : { rating: kept.rating, evidenceText: kept.evidenceText, evidence: kept.evidence },
  );
  // Words kept in this tab from before someone else saved: shown as a refusal, never saved unseen.
  const [status, setStatus] = useState<Status>(() =>
    kept !== null && kept.version !== statement.version
      ? {
          kind: 'refused',
          message:
            'Your unsaved words from earlier are below, but someone has saved this statement since. Check their version, then save.',
          theirs: statement,
        }
      : { kind: 'idle' },
  );
  const box = useRef<HTMLDivElement>(null);
  const dirty = !same(draft, draftOf(saved));
  const name = `s-${statement.key.replace(/\./g, '-')}`;

  useEffect(() => {
    if (dirty) writeDraft(storeKey, { ...draft, version: saved.version });
    else clearDraft(storeKey);
  }, [dirty, draft, storeKey, saved.version]);

  const save = async () => {
    if (!dirty || status.kind === 'saving') return;
    const sending = draft;
    setStatus({ kind: 'saving' });
    try {
      const body = { ...sending, evidence: sending.evidence.map(toInput), version: saved.version };
      const answer = await apiPut(statementApi(schoolId, assessmentId, statement.key), body, savedStatementSchema);
      setSaved(answer.statement);
      // Words typed while the save was on their way stay, and stay unsaved.
      setDraft((d) => (same(d, sending) ? draftOf(answer.statement) : d));
      setStatus({ kind: 'idle' });
      onSaved(answer.statement);
    } catch (error) {
      const refusal = toApiError(error);
      let theirs: StatementRating | null = null;
      if (refusal.code === 'conflict') {
        try {
          const fresh = await apiGet(assessmentApi(schoolId, assessmentId), assessmentDetailSchema);
          theirs = fresh.areas.flatMap((a) => a.statements).find((s) => s.key === statement.key) ?? null;
          // The next save replaces their version knowingly: it is shown below.
          if (theirs !== null && fresh.mayEdit) setSaved(theirs);
        } catch {
          theirs = null;
        }
      }
      setStatus({ kind: 'refused', message: refusal.message, theirs });
    }
  };

  const leave = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget;
    if (next instanceof Node && box.current?.contains(next)) return;
    // After a refusal, only the Save button replaces a colleague's version: never a slip of focus.
    if (status.kind === 'refused') return;
    void save();
  };

  const set = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }));
  };

  return (
    <div className="sa-statement" ref={box} onBlur={leave}>
      <Radios
        name={`${name}-rating`}
        legend={<span className="sa-statement__text">{statement.text}</span>}
        hint={statement.previousRating !== null ? `Last time: ${ratingWords(statement.previousRating)}` : undefined}
        value={draft.rating ?? ''}
        onValueChange={(v) => {
          set({ rating: RATINGS.find((r) => r === v) ?? null });
        }}
        options={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r], hint: RATING_HINTS[r] }))}
      />
      <TextareaField
        name={`${name}-evidence`}
        label="Evidence"
        hint="What shows this, in a few sentences. Nothing that names a pupil."
        rows={3}
        maxChars={MAX_EVIDENCE_TEXT}
        value={draft.evidenceText}
        onValueChange={(v) => {
          set({ evidenceText: v });
        }}
      />
      <EvidenceEditor
        schoolId={schoolId}
        name={name}
        items={draft.evidence}
        records={records}
        onChange={(evidence) => {
          set({ evidence });
        }}
      />
      {status.kind === 'refused' && (
        <div className="sa-statement__refused" role="alert">
          <p className="error-text">{status.message}</p>
          {status.theirs !== null && (
            <div className="inset-text">
              <p>
                <strong>Their version</strong>
                {status.theirs.lastChanged !== null &&
                  ` (${status.theirs.lastChanged.name}, ${formatDateTime(status.theirs.lastChanged.at)})`}
                : {ratingWords(status.theirs.rating)}
              </p>
              {status.theirs.evidenceText !== '' && <p className="pre-wrap">{status.theirs.evidenceText}</p>}
              <EvidenceList schoolId={schoolId} items={status.theirs.evidence} />
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  if (status.theirs !== null) setDraft(draftOf(status.theirs));
                  setStatus({ kind: 'idle' });
                }}
              >
                Use their version instead of mine
              </button>
            </div>
          )}
        </div>
      )}
      <div className="sa-statement__foot">
        <Button variant="secondary" busy={status.kind === 'saving'} busyText="Saving…" onClick={() => void save()}>
          Save<span className="visually-hidden"> this statement</span>
        </Button>
        <p className="sa-statement__status" aria-live="polite">
          {status.kind === 'saving' ? 'Saving…' : dirty ? 'Not saved yet' : 'Saved'}
        </p>
      </div>
      {saved.lastChanged !== null && (
        <p className="secondary-text">
          Last changed by {saved.lastChanged.name} on {formatDateTime(saved.lastChanged.at)}
        </p>
      )}
    </div>
  );
}

/** A statement of a confirmed assessment (or for a reader who may not edit): as it stands. */
export function StatementView({ schoolId, statement }: { schoolId: string; statement: StatementRating }) {
  return (
    <div className="sa-statement">
      <p className="sa-statement__text">{statement.text}</p>
      <p>
        <strong>{ratingWords(statement.rating)}</strong>
        {statement.previousRating !== null && (
          <span className="secondary-text"> (last time: {ratingWords(statement.previousRating)})</span>
        )}
      </p>
      {statement.evidenceText !== '' && <p className="pre-wrap">{statement.evidenceText}</p>}
      <EvidenceList schoolId={schoolId} items={statement.evidence} />
      {statement.lastChanged !== null && (
        <p className="secondary-text">
          Last changed by {statement.lastChanged.name} on {formatDateTime(statement.lastChanged.at)}
        </p>
      )}
    </div>
  );
}
