/** What a long form says about its draft kept in this tab (see useKeptForm). */
import { formatTime } from './dates';
import { NotificationBanner } from './Page';

/** "Draft kept in this tab 10:42": what is typed survives a reload, not closing the tab. */
export function DraftKept({ savedAt, failed }: { savedAt: string | null; failed: boolean }) {
  if (failed) {
    return <p className="draft-status">The draft could not be kept just now. Nothing you typed has been lost.</p>;
  }
  if (savedAt === null) return null;
  return (
    <p className="draft-status">
      <span className="draft-status__tick" aria-hidden="true" />
      <span>
        Draft kept in this browser tab <time dateTime={savedAt}>{formatTime(savedAt)}</time>
      </span>
    </p>
  );
}

/**
 * The form was filled in from a kept draft: says so ("We have kept what you were writing (kept at
 * 10:42)."), with a button to clear it and start again.
 */
export function DraftRestored({
  restored,
  title,
  text,
  startAgainText,
  onStartAgain,
}: {
  restored: { savedAt: string } | null;
  title: string;
  text: string;
  startAgainText: string;
  onStartAgain: () => void;
}) {
  if (restored === null) return null;
  return (
    <NotificationBanner kind="info" focus={false} title={`${title} (kept at ${formatTime(restored.savedAt)}).`}>
      <p>{text}</p>
      <p>
        <button type="button" className="link-button" onClick={onStartAgain}>
          {startAgainText}
        </button>
      </p>
    </NotificationBanner>
  );
}
