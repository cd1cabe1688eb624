import { MOOD_LABELS, MOODS, type Mood as MoodValue } from '@tandem/core';
import { MoodFace } from '../components/MoodFace';

const isMood = (n: number): n is MoodValue => (MOODS as readonly number[]).includes(n);

/**
 * How a pupil felt: the face they chose and its words ("Not good", beside a drawn face), never colour alone. The
 * face is decoration; the words carry the meaning for everyone.
 */
export function Mood({ mood }: { mood: number }) {
  if (!isMood(mood)) return <span className="mood">Not given</span>;
  const { words } = MOOD_LABELS[mood];
  return (
    <span className={`mood mood--${String(mood)}`}>
      <span className="mood__face" aria-hidden="true">
        <MoodFace mood={mood} size={20} />
      </span>{' '}
      <span className="mood__words">{words}</span>
    </span>
  );
}
