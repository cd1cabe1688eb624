/** The level tab of a pupil's record: the level now, its wording, and every change with its evidence. */
import { EVIDENCE_LABELS, THRIVE_LABELS } from '@tandem/core';
import type { SessionSchool } from '../auth/session';
import { formatDate, formatDateTime } from '../components/dates';
import { LevelBadge } from '../components/LevelBadge';
import { ChangeLevelLink } from './CaseSummary';
import { LevelWording } from './LevelWording';
import { pupilFirstName, type PupilCaseView } from './pupilsApi';

function levelWords(code: string | null): string {
  return code ?? 'Thriving';
}

export function LevelAndHistory({ school, data }: { school: SessionSchool; data: PupilCaseView }) {
  const p = data.pupil;
  const def = data.level.definition;
  return (
    <>
      <p>
        <LevelBadge code={data.level.code} name={def?.name} />
      </p>
      <p className="secondary-text">
        {THRIVE_LABELS[data.level.thriveGroup]}
        {data.level.since !== null && `. Since ${formatDate(data.level.since)}.`}
      </p>
      <ChangeLevelLink school={school} pupilId={p.id} primary />
      {def !== null ? (
        <details className="details">
          <summary className="details__summary">
            <span className="details__summary-text">The school&rsquo;s wording for {def.code}</span>
          </summary>
          <div className="details__text">
            <LevelWording def={def} headingLevel={4} />
          </div>
        </details>
      ) : (
        <p>{pupilFirstName(p)} has no level: they have the support every pupil has.</p>
      )}

      <h3 className="heading-m">History</h3>
      {data.history.length === 0 ? (
        <p>The level has not been changed since {pupilFirstName(p)} was added to Tandem.</p>
      ) : (
        <ol className="timeline" aria-label="Level changes, newest first">
          {data.history.map((h) => (
            <li key={h.id} className="timeline__item">
              <h4 className="timeline__title">
                From {levelWords(h.fromLevel)} to {levelWords(h.toLevel)}
              </h4>
              <p className="timeline__meta">
                <time dateTime={h.changedAt}>{formatDateTime(h.changedAt)}</time>, by {h.changedByName}
              </p>
              <p className="timeline__label">Reason</p>
              <p className="pre-line">{h.reason}</p>
              <p className="timeline__label">Evidence</p>
              {h.evidence.length === 0 ? (
                <p className="secondary-text">None given (not needed for a move down).</p>
              ) : (
                <ul className="list list--bullet">
                  {h.evidence.map((e, i) => (
                    <li key={i}>
                      <strong>{EVIDENCE_LABELS[e.kind]}:</strong> {e.description}
                    </li>
                  ))}
                </ul>
              )}
              {h.definition !== null && (
                <details className="details details--compact">
                  <summary className="details__summary">
                    <span className="details__summary-text">
                      Wording of {h.definition.code} at the time (version {h.definition.version})
                    </span>
                  </summary>
                  <div className="details__text">
                    <LevelWording def={h.definition} headingLevel={4} />
                  </div>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
