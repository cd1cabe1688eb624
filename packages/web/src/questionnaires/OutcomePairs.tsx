/** Before-and-after pairs: each score before and after an intervention, and what the change means. */
import { CHANGE_OUTCOME_LABELS, type PupilOutcomes } from '@tandem/core';
import { Tag } from '../components/Page';
import { Table } from '../components/Table';
import { dayOf } from './questionnairesApi';

type Pair = PupilOutcomes['pairs'][number];
type Change = Pair['changes'][number];

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const withBand = (value: number, band: string | null) => (band === null ? num(value) : `${num(value)} (${band})`);

/** One score's change in a line: "Total: 16 (Moderately severe) to 8 (Mild)". */
export function changeLine(c: Change): string {
  return `${c.label}: ${withBand(c.before, c.beforeBand)} to ${withBand(c.after, c.afterBand)}`;
}

/** "4 lower", "2.5 higher", "No change": the sign in words, so it reads aloud. */
export function differenceInWords(difference: number): string {
  if (difference === 0) return 'No change';
  return `${num(Math.abs(difference))} ${difference > 0 ? 'higher' : 'lower'}`;
}

/** Band movement, for scores with no published reliable-change figure. */
function bandMovement(c: Change): string | null {
  if (c.beforeBand === null || c.afterBand === null) return null;
  return c.beforeBand === c.afterBand ? `Stayed in ${c.beforeBand}` : `${c.beforeBand} to ${c.afterBand}`;
}

/** What a change means: the reliable-change outcome and recovery, or band movement and why. */
export function Outcome({ change }: { change: Change }) {
  if (change.outcome === null) {
    const movement = bandMovement(change);
    return (
      <>
        {movement !== null && <span>{movement}. </span>}
        {change.reason !== null && <span className="secondary-text">{change.reason}</span>}
      </>
    );
  }
  const tone =
    change.outcome === 'reliable_improvement' ? 'green' : change.outcome === 'reliable_deterioration' ? 'red' : 'grey';
  return (
    <>
      <Tag tone={tone}>{CHANGE_OUTCOME_LABELS[change.outcome]}</Tag>
      {change.recovered && (
        <>
          {' '}
          <Tag tone="teal">Recovery</Tag>
          <span className="visually-hidden">: moved out of the clinical range</span>
        </>
      )}
    </>
  );
}

export function OutcomePairs({ pairs }: { pairs: readonly Pair[] }) {
  return (
    <>
      {pairs.map((pair) => (
        <div key={`${pair.placeId}-${pair.measureName}`} className="outcome-pair">
          <h5 className="heading-s">
            {pair.interventionName}: {pair.measureName}
          </h5>
          <p className="secondary-text">
            Before: {dayOf(pair.baselineOn)}. After: {dayOf(pair.followUpOn)}.
          </p>
          <Table
            caption={`${pair.measureName} before and after ${pair.interventionName}`}
            captionHidden
            rows={pair.changes}
            rowKey={(c) => c.id}
            columns={[
              { key: 'score', header: 'Score', label: 'Score', cell: (c) => c.label },
              { key: 'before', header: 'Before', label: 'Before', cell: (c) => withBand(c.before, c.beforeBand) },
              { key: 'after', header: 'After', label: 'After', cell: (c) => withBand(c.after, c.afterBand) },
              { key: 'change', header: 'Change', label: 'Change', cell: (c) => differenceInWords(c.difference) },
              { key: 'outcome', header: 'Outcome', label: 'Outcome', cell: (c) => <Outcome change={c} /> },
            ]}
          />
        </div>
      ))}
    </>
  );
}
