/**
 * The pupil's own check-ins over time: a small chart (bar height and the face say the same thing,
 * never colour) and the list, which has everything the chart shows, in words.
 */
import { MOOD_LABELS, PUPIL_WORDS as W, type Mood, type PupilCheckin } from '@tandem/core';
import { formatDateTime } from '../components/dates';
import { FamilySection } from '../family/FamilySection';
import { MoodFace } from '../components/MoodFace';

const moodOf = (n: number) => MOOD_LABELS[(n >= 1 && n <= 5 ? n : 3) as Mood];

export function CheckinHistory({ checkins }: { checkins: PupilCheckin[] }) {
  const newestFirst = [...checkins].sort((a, b) => b.at.localeCompare(a.at));
  const chart = newestFirst.slice(0, 14).reverse();
  return (
    <FamilySection title={W.historyHeading}>
      {checkins.length === 0 ? (
        <p>{W.historyNone}</p>
      ) : (
        <>
          {chart.length > 1 && (
            <figure className="checkin-figure">
              <figcaption className="hint">
                {W.historyChart}. {W.historyChartHint}
              </figcaption>
              <div className="checkin-chart" aria-hidden="true">
                {chart.map((c) => (
                  <div key={c.id} className="checkin-chart__bar" style={{ height: `${String(c.mood * 20)}%` }}>
                    <MoodFace mood={c.mood} size={20} />
                  </div>
                ))}
              </div>
            </figure>
          )}
          <ul className="checkin-list">
            {newestFirst.map((c) => (
              <li key={c.id} className="checkin-list__item">
                <span className="checkin-list__when">{formatDateTime(c.at)}</span>:{' '}
                <span className="checkin-list__mood">
                  <MoodFace mood={c.mood} size={20} /> {moodOf(c.mood).words}
                </span>
                {c.note !== '' && (
                  <p>
                    <span className="visually-hidden">{W.historyNote}: </span>
                    <q>{c.note}</q>
                  </p>
                )}
                {c.wantsToTalk && (
                  <p>
                    {W.historyTalk}{' '}
                    <strong>{c.readAt !== null ? W.historyRead(formatDateTime(c.readAt)) : W.historyNotRead}</strong>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </FamilySection>
  );
}
