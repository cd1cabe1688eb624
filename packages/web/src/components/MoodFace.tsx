/**
 * A pupil's mood as a drawn face (1 very bad … 5 great): the same on every device, whatever emoji
 * font it has. Always beside the mood's words, which carry the meaning; the face is decoration.
 */
const MOUTHS: Record<number, string> = {
  1: 'M8 17.5 Q12 13 16 17.5',
  2: 'M8.5 16.5 Q12 14.5 15.5 16.5',
  3: 'M8.5 15.5 L15.5 15.5',
  4: 'M8.5 14.5 Q12 17 15.5 14.5',
  5: 'M7.5 13.5 Q12 19 16.5 13.5',
};

export function MoodFace({ mood, size = 28 }: { mood: number; size?: number }) {
  const mouth = MOUTHS[mood] ?? MOUTHS[3];
  return (
    <svg
      className="mood-face"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
    >
      <circle cx="12" cy="12" r="10.2" />
      <circle cx="8.6" cy="9.6" r="1.1" fill="currentColor" stroke="none" />
      <circle cx="15.4" cy="9.6" r="1.1" fill="currentColor" stroke="none" />
      <path d={mouth} />
      {mood === 1 && <path d="M8.2 12.2 Q7.6 13.6 8.2 14.2" />}
    </svg>
  );
}
