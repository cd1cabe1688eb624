import { IMPORT_PHASE_LABELS, IMPORT_PHASES, type ImportProgress } from '@tandem/core';

/** How far an import has got, read out as it moves from phase to phase. */
export function ApplyProgress({ progress, words }: { progress: ImportProgress | null; words: string }) {
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const phase = progress === null ? 'checking' : progress.phase;
  const step = IMPORT_PHASES.indexOf(phase) + 1;
  return (
    <div className="progress">
      <label className="label" htmlFor="import-progress">
        Importing {words}
      </label>
      <progress id="import-progress" className="progress__bar" max={total > 0 ? total : 1} value={total > 0 ? done : 0}>
        {total > 0 ? `${String(done)} of ${String(total)}` : 'Starting'}
      </progress>
      <p className="progress__text" aria-live="polite">
        {IMPORT_PHASE_LABELS[phase]}
        {total > 0 && phase !== 'checking' && phase !== 'finishing' ? `: ${String(done)} of ${String(total)}` : ''}
        <span className="visually-hidden">{` (step ${String(step)} of ${String(IMPORT_PHASES.length)})`}</span>
      </p>
    </div>
  );
}
